import { reviewAspects, type Language, type ReviewAspect, type ReviewStatus, type Sentiment } from '../../../shared/types.ts';
import { useApiData } from '../../app/api.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useT } from '../../i18n/i18n.tsx';

export interface ReviewFilterValues {
  query: string;
  sku: string;
  sentiment: Sentiment | '';
  lang: Language | '';
  status: ReviewStatus | '';
  aspect: ReviewAspect | '';
  /** YYYY-MM-DD, as date inputs give it. */
  from: string;
  to: string;
}

/** Every filter off: all reviews, open and resolved. */
export const noFilters: ReviewFilterValues = { query: '', sku: '', sentiment: '', lang: '', status: '', aspect: '', from: '', to: '' };

const sentiments: Sentiment[] = ['positive', 'neutral', 'negative'];
const languages: Language[] = ['en', 'zh', 'other'];
const statuses: ReviewStatus[] = ['open', 'resolved'];

interface ReviewFiltersProps {
  values: ReviewFilterValues;
  onChange: (values: ReviewFilterValues) => void;
}

export function ReviewFilters({ values, onChange }: ReviewFiltersProps) {
  const t = useT();
  const set = <K extends keyof ReviewFilterValues>(key: K, value: ReviewFilterValues[K]) => onChange({ ...values, [key]: value });
  return (
    <div className="filter-bar" data-testid="review-filters">
      <label className="field grow">
        <span className="visually-hidden">{t('reviews.query')}</span>
        <input type="search" placeholder={t('reviews.query')} value={values.query} data-testid="review-query" onChange={(event) => set('query', event.target.value)} />
      </label>
      <ProductField sku={values.sku} onChange={(sku) => set('sku', sku)} />
      <label className="field">
        <span className="visually-hidden">{t('reviews.sentiment')}</span>
        <select value={values.sentiment} data-testid="review-sentiment" onChange={(event) => set('sentiment', event.target.value as Sentiment | '')}>
          <option value="">{`${t('reviews.sentiment')}: ${t('common.all')}`}</option>
          {sentiments.map((value) => (
            <option key={value} value={value}>
              {t(`reviews.sentiment.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="visually-hidden">{t('reviews.aspect')}</span>
        <select value={values.aspect} data-testid="review-aspect" onChange={(event) => set('aspect', event.target.value as ReviewAspect | '')}>
          <option value="">{`${t('reviews.aspect')}: ${t('common.all')}`}</option>
          {reviewAspects.map((value) => (
            <option key={value} value={value}>
              {t(`reviews.aspect.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="visually-hidden">{t('reviews.language')}</span>
        <select value={values.lang} data-testid="review-lang" onChange={(event) => set('lang', event.target.value as Language | '')}>
          <option value="">{`${t('reviews.language')}: ${t('common.all')}`}</option>
          {languages.map((value) => (
            <option key={value} value={value}>
              {t(`reviews.lang.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="visually-hidden">{t('reviews.status')}</span>
        <select value={values.status} data-testid="review-status" onChange={(event) => set('status', event.target.value as ReviewStatus | '')}>
          <option value="">{`${t('reviews.status')}: ${t('common.all')}`}</option>
          {statuses.map((value) => (
            <option key={value} value={value}>
              {t(`status.${value}`)}
            </option>
          ))}
        </select>
      </label>
      {/* One item, so the range wraps as a whole rather than leaving "To date" alone on a line. */}
      <span className="date-range">
        <label className="field date-field">
          <span className="muted small">{t('reviews.from')}</span>
          <input type="date" value={values.from} max={values.to || undefined} data-testid="review-from" onChange={(event) => set('from', event.target.value)} />
        </label>
        <label className="field date-field">
          <span className="muted small">{t('reviews.to')}</span>
          <input type="date" value={values.to} min={values.from || undefined} data-testid="review-to" onChange={(event) => set('to', event.target.value)} />
        </label>
      </span>
    </div>
  );
}

/** Products matching what is typed (title or SKU), offered as the browser's suggestions: the filter needs a SKU, agents remember names. */
const productSuggestions = 20;

export function ProductField({ sku, onChange }: { sku: string; onChange: (sku: string) => void }) {
  const t = useT();
  const typed = useDebounced(sku.trim());
  const matches = useApiData((client) => client.call('catalog.list', { query: typed, limit: productSuggestions }), typed, ['catalog']);
  return (
    <label className="field">
      <span className="visually-hidden">{t('reviews.sku')}</span>
      <input type="search" className="narrow" list="review-sku-products" placeholder={t('reviews.sku')} value={sku} data-testid="review-sku" onChange={(event) => onChange(event.target.value)} />
      <datalist id="review-sku-products" data-testid="review-sku-products">
        {matches.data?.items.map((product) => (
          <option key={product.sku} value={product.sku}>
            {product.title}
          </option>
        ))}
      </datalist>
    </label>
  );
}
