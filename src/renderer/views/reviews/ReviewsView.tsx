/**
 * Review triage: a queue (most urgent first) worked with the keyboard and in bulk, a
 * per-product summary, and the model panel where agents retrain from their corrections.
 */
import { useState } from 'react';
import type { ReviewFilter } from '../../../shared/api.ts';
import { useDebounced } from '../../components/useDebounced.ts';
import { useT } from '../../i18n/i18n.tsx';
import { noFilters, ReviewFilters, type ReviewFilterValues } from './ReviewFilters.tsx';
import { ReviewModelPanel } from './ReviewModelPanel.tsx';
import { ReviewQueue } from './ReviewQueue.tsx';
import { ReviewSummaryTab } from './ReviewSummaryPanel.tsx';

type Tab = 'queue' | 'summary' | 'model';
const tabs: Tab[] = ['queue', 'summary', 'model'];

/** The filter as the API takes it: empty fields left out. */
function toFilter(values: ReviewFilterValues): ReviewFilter {
  const filter: ReviewFilter = {};
  for (const [key, value] of Object.entries(values) as [keyof ReviewFilterValues, string][]) if (value) (filter as Record<string, string>)[key] = value;
  return filter;
}

export function ReviewsView() {
  const t = useT();
  const [tab, setTab] = useState<Tab>('queue');
  const [filters, setFilters] = useState<ReviewFilterValues>({ ...noFilters, status: 'open' });
  const settled = useDebounced(filters);
  // The summary starts at the product filter, else at the product of the review last looked at.
  const [activeSku, setActiveSku] = useState<string | null>(null);
  const filter = toFilter(settled);

  return (
    <div className="reviews-layout">
      <nav className="tabs" aria-label={t('reviews.title')}>
        {tabs.map((name) => (
          <button key={name} type="button" className={`tab ${tab === name ? 'active' : ''}`} aria-pressed={tab === name} data-testid={`reviews-tab-${name}`} onClick={() => setTab(name)}>
            {t(`reviews.tab.${name}`)}
          </button>
        ))}
      </nav>
      {tab === 'queue' && (
        <>
          <ReviewFilters values={filters} onChange={setFilters} />
          <ReviewQueue
            filter={filter}
            filterKey={JSON.stringify(settled)}
            onActiveSku={setActiveSku}
            onClearFilters={Object.keys(filter).length > 0 ? () => setFilters(noFilters) : null}
          />
        </>
      )}
      {tab === 'summary' && <ReviewSummaryTab initialSku={filters.sku.trim() || activeSku || ''} />}
      {tab === 'model' && <ReviewModelPanel />}
    </div>
  );
}
