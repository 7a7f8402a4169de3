import type { Review } from '../../../shared/types.ts';
import { formatDate } from '../../components/format.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';
import { ScoreChips } from './ScoreChips.tsx';
import { Stars } from './Stars.tsx';

export function ReviewDetail({ review, onStatus }: { review: Review; onStatus: (status: 'open' | 'resolved') => void }) {
  const t = useT();
  const language = useLanguage();
  return (
    <article className="review-detail" data-testid="review-detail">
      <header className="pane-header">
        <div>
          <h2>{review.title || review.productTitle || review.id}</h2>
          <span className="muted">
            {review.author ?? t('reviews.anonymous')} · {formatDate(review.createdAt, language)} · <span className="mono">{review.sku ?? t('common.none')}</span>
          </span>
        </div>
        {review.status === 'open' ? (
          <button type="button" className="button primary" data-testid="review-resolve" onClick={() => onStatus('resolved')}>
            {t('reviews.resolve')} <kbd>e</kbd>
          </button>
        ) : (
          <button type="button" className="button" onClick={() => onStatus('open')}>
            {t('reviews.reopen')}
          </button>
        )}
      </header>
      <div className="pad">
        {review.productTitle && <p className="review-product">{review.productTitle}</p>}
        {review.rating !== null && <Stars rating={review.rating} />}
        <p className="review-text">{review.text}</p>
        {review.score ? (
          <div className="score-panel">
            <ScoreChips score={review.score} withAspects={false} />
            <p className="muted">{t('reviews.predicted', { n: review.score.rating.toFixed(1) })}</p>
            {review.score.aspects.length > 0 && (
              <>
                <h3 className="section-title">{t('reviews.aspects')}</h3>
                <span className="chips">
                  {review.score.aspects.map((aspect) => (
                    <span key={aspect.aspect} className={`chip outline sentiment-${aspect.sentiment}`}>
                      {aspect.aspect} · {t(`reviews.sentiment.${aspect.sentiment}`)}
                    </span>
                  ))}
                </span>
              </>
            )}
            {review.score.reasons.length > 0 && (
              <>
                <h3 className="section-title">{t('reviews.reasons')}</h3>
                <ul className="reasons">
                  {review.score.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </>
            )}
            <p className="muted small">{t('reviews.model', { model: review.score.model })}</p>
          </div>
        ) : (
          <p className="muted">{t('reviews.unscored')}</p>
        )}
      </div>
    </article>
  );
}
