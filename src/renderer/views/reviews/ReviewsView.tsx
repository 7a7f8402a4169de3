/**
 * Review triage: a queue (most urgent first) worked with the keyboard and in bulk, a
 * per-product summary, and the model panel where agents retrain from their corrections.
 */
import { useState } from 'react';
import type { ReviewFilter } from '../../../shared/api.ts';
import { useDebounced } from '../../components/useDebounced.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ReviewFilters, type ReviewFilterValues } from './ReviewFilters.tsx';
import { ReviewModelPanel } from './ReviewModelPanel.tsx';
import { ReviewQueue } from './ReviewQueue.tsx';
import { ReviewSummaryPanel } from './ReviewSummaryPanel.tsx';

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
  const [filters, setFilters] = useState<ReviewFilterValues>({ query: '', sku: '', sentiment: '', lang: '', status: 'open', aspect: '', from: '', to: '' });
  const settled = useDebounced(filters);
  // The summary follows the product filter, else the product of the review last looked at.
  const [activeSku, setActiveSku] = useState<string | null>(null);

  return (
    <div className="reviews-layout">
      <nav className="tabs" aria-label={t('reviews.title')}>
        {tabs.map((name) => (
          <button key={name} type="button" className={`tab ${tab === name ? 'active' : ''}`} aria-pressed={tab === name} data-testid={`reviews-tab-${name}`} onClick={() => setTab(name)}>
            {t(`reviews.tab.${name}`)}
          </button>
        ))}
      </nav>
      {tab !== 'model' && <ReviewFilters values={filters} onChange={setFilters} productOnly={tab === 'summary'} />}
      {tab === 'queue' && <ReviewQueue filter={toFilter(settled)} filterKey={JSON.stringify(settled)} onActiveSku={setActiveSku} />}
      {tab === 'summary' && <ReviewSummaryPanel sku={settled.sku || activeSku} />}
      {tab === 'model' && <ReviewModelPanel />}
    </div>
  );
}
