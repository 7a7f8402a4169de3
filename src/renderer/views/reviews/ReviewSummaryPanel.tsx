/** One product's reviews at a glance: sentiment per month or week, and the aspects reviewers talk about. */
import { useState } from 'react';
import { useApiData } from '../../app/api.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ProductField } from './ReviewFilters.tsx';
import { SentimentChart } from './SentimentChart.tsx';

type Period = 'month' | 'week';
const periods: Period[] = ['month', 'week'];

/**
 * The summary tab: its product field holds the product summarised, so what shows is what the field
 * says, and typing there picks another. It starts at the queue's product filter, else at the review
 * last looked at; what is picked here leaves the queue's filter alone.
 */
export function ReviewSummaryTab({ initialSku }: { initialSku: string }) {
  const [sku, setSku] = useState(initialSku);
  const settled = useDebounced(sku.trim());
  return (
    <>
      <div className="filter-bar" data-testid="review-filters">
        <ProductField sku={sku} onChange={setSku} />
      </div>
      <ReviewSummaryPanel sku={settled || null} />
    </>
  );
}

function ReviewSummaryPanel({ sku }: { sku: string | null }) {
  const t = useT();
  if (!sku) {
    return (
      <div className="empty-pane">
        <Icon name="reviews" size={32} />
        <p className="muted">{t('reviews.summary.pick')}</p>
      </div>
    );
  }
  return <ProductSummary key={sku} sku={sku} />;
}

function ProductSummary({ sku }: { sku: string }) {
  const t = useT();
  const [period, setPeriod] = useState<Period>('month');
  const summary = useApiData((client) => client.call('reviews.summary', { sku, period }), `${sku}:${period}`, ['reviews']);
  const data = summary.data;
  return (
    <div className="review-summary pad" data-testid="review-summary">
      <header className="summary-header">
        <div>
          <h2>{data?.productTitle ?? sku}</h2>
          <span className="muted">
            <span className="mono" data-testid="summary-sku">{sku}</span> · {data ? t('reviews.summary.total', { n: data.total }) : t('common.loading')}
          </span>
        </div>
        <span className="segmented" role="group">
          {periods.map((name) => (
            <button key={name} type="button" className={period === name ? 'active' : ''} aria-pressed={period === name} data-testid={`summary-${name}`} onClick={() => setPeriod(name)}>
              {t(`reviews.summary.${name}`)}
            </button>
          ))}
        </span>
      </header>
      {data && (
        <>
          <section className="card">
            <h3 className="section-title">{t('reviews.summary.chart')}</h3>
            {data.series.length ? <SentimentChart series={data.series} /> : <p className="muted">{t('reviews.summary.noDates')}</p>}
          </section>
          <section className="card">
            <h3 className="section-title">{t('reviews.summary.aspects')}</h3>
            {data.aspects.length === 0 && <p className="muted">{t('reviews.summary.noAspects')}</p>}
            <ul className="aspect-list">
              {data.aspects.map((aspect) => (
                <li key={aspect.aspect} className="aspect-item" data-testid="summary-aspect">
                  <span className="aspect-head">
                    <strong>{t(`reviews.aspect.${aspect.aspect}`)}</strong>
                    {/* Counts in words, and only those there are: "+0" and "−0" read as noise. */}
                    {aspect.positive > 0 && <span className="chip sentiment-positive">{t('reviews.summary.positiveCount', { n: aspect.positive })}</span>}
                    {aspect.negative > 0 && <span className="chip sentiment-negative">{t('reviews.summary.negativeCount', { n: aspect.negative })}</span>}
                    {aspect.neutral > 0 && <span className="chip">{t('reviews.summary.neutralCount', { n: aspect.neutral })}</span>}
                  </span>
                  {aspect.quotes.map((quote) => (
                    <blockquote key={quote.reviewId} className={`aspect-quote quote-${quote.sentiment}`}>
                      {quote.text}
                    </blockquote>
                  ))}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
