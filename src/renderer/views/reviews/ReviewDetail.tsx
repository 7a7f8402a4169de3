import type { Review, Sentiment } from '../../../shared/types.ts';
import { useApi } from '../../app/api.tsx';
import { useToast } from '../../app/toasts.tsx';
import { formatDate } from '../../components/format.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';
import { ReviewComposer, type ComposerKind } from './ReviewComposer.tsx';
import { ReviewReplies } from './ReviewReplies.tsx';
import { ScoreChips } from './ScoreChips.tsx';
import { Stars } from './Stars.tsx';

const sentiments: Sentiment[] = ['positive', 'neutral', 'negative'];

interface ReviewDetailProps {
  review: Review;
  composer: ComposerKind | null;
  onComposer: (kind: ComposerKind | null) => void;
  onStatus: (status: 'open' | 'resolved') => void;
  onAssign: (assignee: string) => void;
}

export function ReviewDetail({ review, composer, onComposer, onStatus, onAssign }: ReviewDetailProps) {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const language = useLanguage();

  const setLabel = async (label: Sentiment) => {
    try {
      const { correction } = await api.call('reviews.setLabel', { id: review.id, label });
      const undo = () =>
        api.call('reviews.withdrawLabel', { correction }).then(
          () => toast.success((translate) => translate('common.undone')),
          (error: unknown) => toast.error(error),
        );
      toast.success((translate) => translate('reviews.labelSaved', { label: translate(`reviews.sentiment.${label}`) }), { label: 'common.undo', run: undo });
    } catch (error) {
      toast.error(error);
    }
  };

  return (
    <article className="review-detail" data-testid="review-detail">
      <header className="pane-header">
        <div>
          <h2>{review.title || review.productTitle || review.id}</h2>
          <span className="muted">
            {review.author ?? t('reviews.anonymous')} · {formatDate(review.createdAt, language)} · <span className="mono">{review.sku ?? t('common.none')}</span>
          </span>
        </div>
        <div className="button-row">
          <button type="button" className="button" data-testid="review-reply" onClick={() => onComposer('reply')}>
            {t('reviews.reply')} <kbd>r</kbd>
          </button>
          <button type="button" className="button" data-testid="review-assign" onClick={() => onComposer('assign')}>
            {t('reviews.assign')} <kbd>a</kbd>
          </button>
          {review.status === 'open' ? (
            <button type="button" className="button primary" data-testid="review-resolve" onClick={() => onStatus('resolved')}>
              {t('reviews.resolve')} <kbd>e</kbd>
            </button>
          ) : (
            <button type="button" className="button" data-testid="review-reopen" onClick={() => onStatus('open')}>
              {t('reviews.reopen')}
            </button>
          )}
        </div>
      </header>
      <div className="pad">
        {review.productTitle && <p className="review-product">{review.productTitle}</p>}
        <p className="chips">
          {review.rating !== null && <Stars rating={review.rating} />}
          <span className="chip outline" data-testid="review-assignee">
            {review.assignee ? t('reviews.assignee', { name: review.assignee }) : t('reviews.unassigned')}
          </span>
        </p>
        <p className="review-text">{review.text}</p>
        {composer && <ReviewComposer key={`${review.id}-${composer}`} kind={composer} reviewId={review.id} onAssign={onAssign} onClose={() => onComposer(null)} />}
        <div className="label-row">
          <span className="section-title">{t('reviews.label')}</span>
          <span className="segmented" role="group" aria-label={t('reviews.label')} data-testid="review-label">
            {sentiments.map((sentiment) => (
              <button
                key={sentiment}
                type="button"
                className={review.label === sentiment ? 'active' : ''}
                aria-pressed={review.label === sentiment}
                data-testid={`label-${sentiment}`}
                onClick={() => void setLabel(sentiment)}
              >
                {t(`reviews.sentiment.${sentiment}`)}
              </button>
            ))}
          </span>
          {review.label && <span className={`chip sentiment-${review.label}`} data-testid="review-corrected">{t('reviews.corrected')}</span>}
        </div>
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
                      {t(`reviews.aspect.${aspect.aspect}`)} · {t(`reviews.sentiment.${aspect.sentiment}`)}
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
                    <li key={reason}>{t(`reviews.reason.${reason}`)}</li>
                  ))}
                </ul>
              </>
            )}
            <p className="muted small">{t('reviews.model', { model: review.score.model })}</p>
          </div>
        ) : (
          <p className="muted">{t('reviews.unscored')}</p>
        )}
        {review.replies > 0 && <ReviewReplies reviewId={review.id} count={review.replies} />}
      </div>
    </article>
  );
}
