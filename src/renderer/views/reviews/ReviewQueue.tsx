/** The triage queue: j/k move, e resolves, r replies, a assigns, x selects; bulk actions can be undone. */
import { useEffect, useRef, useState } from 'react';
import type { ReviewFilter } from '../../../shared/api.ts';
import type { ReviewStatus } from '../../../shared/types.ts';
import { useApi, useApiData } from '../../app/api.tsx';
import { useSettings } from '../../app/settings.tsx';
import { useToast } from '../../app/toasts.tsx';
import { downloadText } from '../../components/download.ts';
import { Icon } from '../../components/Icon.tsx';
import { isEditable } from '../../components/keys.ts';
import { useWindowKeydown } from '../../components/useWindowKeydown.ts';
import { useT } from '../../i18n/i18n.tsx';
import type { ComposerKind } from './ReviewComposer.tsx';
import { ReviewDetail } from './ReviewDetail.tsx';
import { ScoreChips } from './ScoreChips.tsx';
import { Stars } from './Stars.tsx';

const pageSize = 200;

/** A review's row in the queue, to focus once an undo brings it back. */
const rowOf = (id: string | undefined) => (id === undefined ? null : document.querySelector<HTMLElement>(`[data-review-id="${CSS.escape(id)}"] .list-row`));

interface ReviewQueueProps {
  filter: ReviewFilter;
  /** Changes whenever the filter does, to reload and reset the selection. */
  filterKey: string;
  onActiveSku: (sku: string | null) => void;
  /** Turns every filter off; null when none is on. */
  onClearFilters: (() => void) | null;
}

export function ReviewQueue({ filter, filterKey, onActiveSku, onClearFilters }: ReviewQueueProps) {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const { settings } = useSettings();
  const [activeIndex, setActiveIndex] = useState(0);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [composer, setComposer] = useState<ComposerKind | null>(null);
  const [bulkAssignee, setBulkAssignee] = useState(settings.agentName);
  const listRef = useRef<HTMLUListElement>(null);
  /**
   * Whether the keyboard works the queue: then its focus follows the selection, so Enter or Space
   * never re-opens the row j/k moved away from, and focus does not fall to the page when a
   * composer closes or a resolved row leaves the list. Focus taken anywhere else ends it.
   */
  const followSelection = useRef(false);

  const reviews = useApiData((client) => client.call('reviews.list', { ...filter, limit: pageSize }), filterKey, ['reviews']);
  const items = reviews.data?.items ?? [];
  const index = Math.min(activeIndex, Math.max(items.length - 1, 0));
  const active = items[index];
  const activeSku = active?.sku ?? null;

  useEffect(() => {
    setActiveIndex(0);
    setChecked(new Set());
  }, [filterKey]);
  useEffect(() => onActiveSku(activeSku), [activeSku, onActiveSku]);
  useEffect(() => setComposer(null), [active?.id]);
  /** After an action started from the queue's side (a key, a row or the bulk bar), not from the detail pane's buttons, whose focus stays put. */
  const keepQueueFocus = () => {
    const focused = document.activeElement;
    if (focused === null || focused === document.body || focused.closest('.reviews-pane')) followSelection.current = true;
  };
  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      if (!(event.target instanceof Element && event.target.closest('.review-row .list-row'))) followSelection.current = false;
    };
    window.addEventListener('focusin', onFocusIn);
    return () => window.removeEventListener('focusin', onFocusIn);
  }, []);
  // After every render: the list may have reloaded, removing the focused row.
  useEffect(() => {
    if (!followSelection.current) return;
    const row = listRef.current?.querySelector<HTMLElement>('.selected .list-row');
    const focused = document.activeElement;
    if (row && focused !== row && (focused === null || focused === document.body || focused.closest('.review-row .list-row'))) row.focus();
  });

  const setStatus = async (ids: string[], status: ReviewStatus) => {
    if (ids.length === 0) return;
    try {
      const { changed } = await api.call('reviews.setStatus', { ids, status });
      setChecked(new Set());
      keepQueueFocus();
      const undo = () => revert(() => api.call('reviews.setStatus', { ids: changed, status: status === 'resolved' ? 'open' : 'resolved' }));
      toast.success(
        (translate) => translate(status === 'resolved' ? 'reviews.resolved' : 'reviews.reopenedMany', { n: changed.length }),
        changed.length ? { label: 'common.undo', run: undo, focusAfter: () => rowOf(changed[0]) } : undefined,
      );
    } catch (error) {
      toast.error(error);
    }
  };

  const assign = async (ids: string[], assignee: string) => {
    if (ids.length === 0) return;
    try {
      const { updated, previous } = await api.call('reviews.assign', { ids, assignee });
      setChecked(new Set());
      keepQueueFocus();
      // Undo puts each review back with its own previous assignee, one call per name.
      const undo = () =>
        revert(async () => {
          const byAssignee = new Map<string | null, string[]>();
          for (const entry of previous) byAssignee.set(entry.assignee, [...(byAssignee.get(entry.assignee) ?? []), entry.id]);
          for (const [name, reviewIds] of byAssignee) await api.call('reviews.assign', { ids: reviewIds, assignee: name });
        });
      toast.success((translate) => translate('reviews.assigned', { n: updated, name: assignee }), { label: 'common.undo', run: undo, focusAfter: () => rowOf(ids[0]) });
    } catch (error) {
      toast.error(error);
    }
  };

  const revert = async (action: () => Promise<unknown>) => {
    try {
      await action();
      toast.success((translate) => translate('common.undone'));
    } catch (error) {
      toast.error(error);
    }
  };

  const exportCsv = async () => {
    try {
      const exported = await api.call('reviews.export', filter);
      downloadText(exported.fileName, exported.mime, exported.content);
      toast.success((translate) => translate('reviews.exported', { file: exported.fileName }));
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

  useWindowKeydown((event) => {
    // defaultPrevented: the shell took the key (the r of the g r chord).
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target) || document.querySelector('dialog[open]')) return;
    if (event.key === 'j') setActiveIndex(Math.min(index + 1, items.length - 1));
    else if (event.key === 'k') setActiveIndex(Math.max(index - 1, 0));
    else if (event.key === 'e' && active) void setStatus([active.id], 'resolved');
    else if (event.key === 'r' && active) setComposer('reply');
    else if (event.key === 'a' && active) setComposer('assign');
    else if (event.key === 'x' && active) toggle(active.id);
    else return;
    event.preventDefault();
    if (event.key !== 'r' && event.key !== 'a') followSelection.current = true;
  });

  useEffect(() => {
    listRef.current?.querySelector('.selected')?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  const allChecked = items.length > 0 && items.every((review) => checked.has(review.id));
  const selected = [...checked];

  return (
    <div className="split">
      <section className="pane list-pane reviews-pane" aria-label={t('reviews.title')}>
        <div className="list-toolbar">
          <label className="checkbox">
            <input type="checkbox" checked={allChecked} onChange={() => setChecked(allChecked ? new Set() : new Set(items.map((review) => review.id)))} />
            <span className="visually-hidden">{t('reviews.selectAll')}</span>
          </label>
          {checked.size > 0 ? (
            <span className="bulk-actions">
              <button type="button" className="button primary small" data-testid="bulk-resolve" onClick={() => void setStatus(selected, 'resolved')}>
                <Icon name="check" size={14} />
                {t('reviews.resolveSelected', { n: checked.size })}
              </button>
              <button type="button" className="button small" data-testid="bulk-reopen" onClick={() => void setStatus(selected, 'open')}>
                {t('reviews.reopenSelected')}
              </button>
              <form
                className="bulk-assign"
                onSubmit={(event) => {
                  event.preventDefault();
                  if (bulkAssignee.trim()) void assign(selected, bulkAssignee.trim());
                }}
              >
                <input className="narrow" value={bulkAssignee} aria-label={t('reviews.assignTo')} data-testid="bulk-assignee" onChange={(event) => setBulkAssignee(event.target.value)} />
                <button type="submit" className="button small" data-testid="bulk-assign" disabled={!bulkAssignee.trim()}>
                  {t('reviews.assignSelected')}
                </button>
              </form>
            </span>
          ) : (
            <span className="muted small">{t('reviews.hint')}</span>
          )}
          <span className="muted small push">{reviews.data ? t('common.showing', { shown: items.length, total: reviews.data.total }) : ''}</span>
          <button type="button" className="button small" data-testid="review-export" onClick={() => void exportCsv()}>
            <Icon name="download" size={14} />
            {t('reviews.export')}
          </button>
        </div>
        <ul className="item-list" ref={listRef} data-testid="review-list">
          {reviews.data && items.length === 0 && (
            <li className="empty-state">
              {t('reviews.empty')}
              {/* A button, so Tab reaches it from the filters above; Enter or Space presses it. */}
              {onClearFilters && (
                <button
                  type="button"
                  className="button small"
                  data-testid="review-clear-filters"
                  onClick={() => {
                    // The button goes with the empty queue: the focus goes on to the first review.
                    keepQueueFocus();
                    onClearFilters();
                  }}
                >
                  {t('reviews.clearFilters')}
                </button>
              )}
            </li>
          )}
          {!reviews.data && <li className="empty-state">{t('common.loading')}</li>}
          {items.map((review, position) => (
            <li key={review.id} className={`review-row ${position === index ? 'selected' : ''}`} data-testid="review-row" data-review-id={review.id}>
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
                  {review.label && <span className={`chip outline sentiment-${review.label}`}>✎ {t(`reviews.sentiment.${review.label}`)}</span>}
                  {review.status === 'resolved' && <span className="chip status-resolved">{t('status.resolved')}</span>}
                  {review.assignee && <span className="chip outline">{review.assignee}</span>}
                  <span className="row-meta mono">{review.sku}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="pane detail-pane" aria-label={t('reviews.pick')}>
        {active ? (
          <ReviewDetail
            review={active}
            composer={composer}
            onComposer={(kind) => {
              // A composer that closes gives the focus back to the queue.
              if (kind === null) followSelection.current = true;
              setComposer(kind);
            }}
            onStatus={(status) => void setStatus([active.id], status)}
            onAssign={(assignee) => void assign([active.id], assignee)}
          />
        ) : (
          <div className="empty-pane">
            <Icon name="reviews" size={32} />
            <p className="muted">{t('reviews.pick')}</p>
          </div>
        )}
      </section>
    </div>
  );
}
