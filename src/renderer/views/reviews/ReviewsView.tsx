/** Review triage: filter, walk the list with j/k, resolve with e, or select many and resolve at once. */
import { useEffect, useRef, useState } from 'react';
import type { ReviewStatus } from '../../../shared/types.ts';
import { useApi, useApiData } from '../../app/api.tsx';
import { useToast } from '../../app/toasts.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ReviewDetail } from './ReviewDetail.tsx';
import { ReviewFilters, type ReviewFilterValues } from './ReviewFilters.tsx';
import { ScoreChips } from './ScoreChips.tsx';
import { Stars } from './Stars.tsx';

const pageSize = 200;

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function ReviewsView() {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const [filters, setFilters] = useState<ReviewFilterValues>({ query: '', sku: '', sentiment: '', lang: '', status: 'open' });
  const settled = useDebounced(filters);
  const [activeIndex, setActiveIndex] = useState(0);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const listRef = useRef<HTMLUListElement>(null);

  const reviews = useApiData(
    (client) =>
      client.call('reviews.list', {
        query: settled.query || undefined,
        sku: settled.sku || undefined,
        sentiment: settled.sentiment || undefined,
        lang: settled.lang || undefined,
        status: settled.status || undefined,
        limit: pageSize,
      }),
    JSON.stringify(settled),
    ['reviews'],
  );
  const items = reviews.data?.items ?? [];
  const index = Math.min(activeIndex, Math.max(items.length - 1, 0));
  const active = items[index];

  const setStatus = async (ids: string[], status: ReviewStatus) => {
    if (ids.length === 0) return;
    try {
      const { updated } = await api.call('reviews.setStatus', { ids, status });
      toast.success(status === 'resolved' ? t('reviews.resolved', { n: updated }) : t('reviews.reopened'));
      setChecked(new Set());
      reviews.reload();
    } catch (error) {
      toast.error(error);
    }
  };

  const toggle = (id: string) =>
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  // The latest handlers, for the window listener registered once.
  const keyHandler = useRef<(event: KeyboardEvent) => void>(() => undefined);
  keyHandler.current = (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target) || document.querySelector('dialog[open]')) return;
    if (event.key === 'j') setActiveIndex(Math.min(index + 1, items.length - 1));
    else if (event.key === 'k') setActiveIndex(Math.max(index - 1, 0));
    else if (event.key === 'e' && active) void setStatus([active.id], 'resolved');
    else if (event.key === 'x' && active) toggle(active.id);
    else return;
    event.preventDefault();
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keyHandler.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  useEffect(() => {
    listRef.current?.querySelector('.selected')?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  const allChecked = items.length > 0 && items.every((review) => checked.has(review.id));

  return (
    <div className="reviews-layout">
      <ReviewFilters
        values={filters}
        onChange={(next) => {
          setFilters(next);
          setActiveIndex(0);
          setChecked(new Set());
        }}
      />
      <div className="split">
        <section className="pane list-pane reviews-pane" aria-label={t('reviews.title')}>
          <div className="list-toolbar">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={allChecked}
                onChange={() => setChecked(allChecked ? new Set() : new Set(items.map((review) => review.id)))}
              />
              <span className="visually-hidden">{t('reviews.selectAll')}</span>
            </label>
            {checked.size > 0 ? (
              <button type="button" className="button primary small" data-testid="bulk-resolve" onClick={() => void setStatus([...checked], 'resolved')}>
                <Icon name="check" size={14} />
                {t('reviews.resolveSelected', { n: checked.size })}
              </button>
            ) : (
              <span className="muted small">{t('reviews.hint')}</span>
            )}
            <span className="muted small push">{reviews.data ? t('common.showing', { shown: items.length, total: reviews.data.total }) : ''}</span>
          </div>
          <ul className="item-list" ref={listRef} data-testid="review-list">
            {reviews.data && items.length === 0 && <li className="empty-state">{t('reviews.empty')}</li>}
            {!reviews.data && <li className="empty-state">{t('common.loading')}</li>}
            {items.map((review, position) => (
              <li key={review.id} className={`review-row ${position === index ? 'selected' : ''}`} data-testid="review-row">
                <label className="checkbox">
                  <input type="checkbox" checked={checked.has(review.id)} onChange={() => toggle(review.id)} />
                  <span className="visually-hidden">{t('reviews.select')}</span>
                </label>
                <button type="button" className="list-row" aria-current={position === index ? 'true' : undefined} onClick={() => setActiveIndex(position)}>
                  <span className="row-top">
                    <span className="row-title">{review.title || review.productTitle || review.id}</span>
                    {review.rating !== null && <Stars rating={review.rating} />}
                  </span>
                  <span className="row-preview">{review.text}</span>
                  <span className="row-bottom">
                    {review.score && <ScoreChips score={review.score} withAspects />}
                    {review.status === 'resolved' && <span className="chip status-resolved">{t('status.resolved')}</span>}
                    <span className="row-meta mono">{review.sku}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className="pane detail-pane" aria-label={t('reviews.pick')}>
          {active ? (
            <ReviewDetail review={active} onStatus={(status) => void setStatus([active.id], status)} />
          ) : (
            <div className="empty-pane">
              <Icon name="reviews" size={32} />
              <p className="muted">{t('reviews.pick')}</p>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
