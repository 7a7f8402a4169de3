/**
 * The knowledge-base search an agent opens from the composer (its button or Alt+K) when the
 * assistant's suggestions miss: the assistant's own hybrid search, so the customer's words find
 * an article written in other words. Arrows choose, Enter inserts the article's answer, Escape closes.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { KbHit } from '../../../shared/types.ts';
import { useApiData } from '../../app/api.tsx';
import { Icon } from '../../components/Icon.tsx';
import { SearchField } from '../../components/SearchField.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useT } from '../../i18n/i18n.tsx';

/** The key pressed with Alt that opens the search (the physical key: with Alt, some layouts type another character). */
export const knowledgeSearchCode = 'KeyK';
export const knowledgeSearchHint = 'Alt K';
export const knowledgeSearchId = 'chat-knowledge-search';
const inputId = 'chat-knowledge-input';
/** Articles listed for a query. */
const resultLimit = 8;

/** Puts the caret back in the search field (Alt+K while the search is already open). */
export function focusKnowledgeSearch(): void {
  document.getElementById(inputId)?.focus();
}

/** A question imported without an answer is found, but has nothing to insert. */
function hasAnswer(hit: KbHit): boolean {
  return hit.snippet !== '';
}

export function KnowledgeSearch({ onPick, onClose, onImport }: { onPick: (hit: KbHit) => void; onClose: () => void; onImport: () => void }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [highlighted, setHighlighted] = useState(0);
  const settled = useDebounced(query.trim());
  const articles = useApiData((client) => client.call('kb.list', { limit: 1 }).then((page) => page.total), '', ['kb']);
  const search = useApiData(
    (client) => (settled === '' ? Promise.resolve({ query: settled, hits: [] }) : client.call('kb.search', { query: settled, k: resultLimit }).then((hits) => ({ query: settled, hits }))),
    settled,
    ['kb'],
  );
  // The last answer stays on screen while the next query runs; only an answer to the query as typed is picked from.
  const hits = search.data?.hits ?? [];
  const current = search.data?.query === query.trim();
  const optionId = (index: number) => `${knowledgeSearchId}-option-${index}`;

  useEffect(() => setHighlighted(0), [search.data]);
  useEffect(() => {
    document.getElementById(`${knowledgeSearchId}-option-${highlighted}`)?.scrollIntoView({ block: 'nearest' });
  }, [highlighted, search.data]);

  const pick = (hit: KbHit | undefined) => {
    if (hit && hasAnswer(hit)) onPick(hit);
  };

  const closeOnEscape = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    // Also keeps the browser from clearing the search field, and the customer pane open.
    event.preventDefault();
    onClose();
  };

  if (articles.data === 0) {
    return (
      <section id={knowledgeSearchId} className="knowledge-search" aria-label={t('chat.knowledge.title')} data-testid="knowledge-search" onKeyDown={closeOnEscape}>
        <div className="knowledge-empty" data-testid="knowledge-empty">
          <Icon name="book" size={20} />
          <div>
            <strong>{t('chat.knowledge.emptyTitle')}</strong>
            <p className="muted">{t('chat.knowledge.emptyHint')}</p>
          </div>
          <button type="button" className="button small" autoFocus data-testid="knowledge-import" onClick={onImport}>
            <Icon name="upload" size={14} />
            {t('chat.knowledge.import')}
          </button>
          <button type="button" className="icon-button" aria-label={t('common.close')} data-testid="knowledge-close" onClick={onClose}>
            <Icon name="close" size={16} />
          </button>
        </div>
      </section>
    );
  }

  return (
    <section id={knowledgeSearchId} className="knowledge-search" aria-label={t('chat.knowledge.title')} data-testid="knowledge-search" onKeyDown={closeOnEscape}>
      <div className="knowledge-search-bar">
        <SearchField
          label={t('chat.knowledge.search')}
          value={query}
          testId="knowledge-input"
          grow
          onChange={setQuery}
          inputProps={{
            id: inputId,
            autoFocus: true,
            role: 'combobox',
            'aria-expanded': hits.length > 0,
            'aria-controls': `${knowledgeSearchId}-results`,
            'aria-activedescendant': hits[highlighted] ? optionId(highlighted) : undefined,
            onKeyDown: (event) => {
              if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                event.preventDefault();
                if (hits.length > 0) setHighlighted((index) => (index + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length);
              } else if (event.key === 'Enter') {
                event.preventDefault();
                if (current) pick(hits[highlighted]);
              }
            },
          }}
        />
        <button type="button" className="icon-button" aria-label={t('common.close')} data-testid="knowledge-close" onClick={onClose}>
          <Icon name="close" size={16} />
        </button>
      </div>
      {settled === '' ? (
        <p className="muted knowledge-hint">{articles.data === undefined ? t('common.loading') : t('chat.knowledge.hint', { n: articles.data })}</p>
      ) : (
        <ul id={`${knowledgeSearchId}-results`} className="knowledge-results" role="listbox" aria-label={t('chat.knowledge.results')} aria-busy={search.loading} data-testid="knowledge-results">
          {hits.length === 0 && <li className="muted knowledge-hint">{search.loading ? t('chat.knowledge.searching') : t('chat.knowledge.noMatch')}</li>}
          {hits.map((hit, index) => (
            <li
              key={hit.articleId}
              id={optionId(index)}
              role="option"
              aria-selected={index === highlighted}
              aria-disabled={!hasAnswer(hit)}
              className={index === highlighted ? 'active' : undefined}
              data-testid="knowledge-result"
              data-article-id={hit.articleId}
              onMouseMove={() => setHighlighted(index)}
              // mousedown, not click: the search field keeps focus until the answer is in the reply.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(hit);
              }}
            >
              <span className="knowledge-title">{hit.title}</span>
              {/* Article text is imported data: rendered as text, never as HTML. */}
              <span className="row-preview knowledge-snippet">{hasAnswer(hit) ? hit.snippet : t('chat.knowledge.noAnswer')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
