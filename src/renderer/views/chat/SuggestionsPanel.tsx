/** The assistant's reading of the latest customer message and its ranked replies; Alt+1..3 inserts one. */
import { useState } from 'react';
import type { AssistantSuggestions } from '../../../shared/types.ts';
import { formatPercent } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { describeIntent } from '../../components/intent-name.ts';
import { describeSource } from '../../components/suggestion-source.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';

// Remembered on this computer: an agent who hides the panel to read long threads wants it hidden in the next one too.
const collapsedKey = 'shopdesk.suggestionsCollapsed';

function readCollapsed(): boolean {
  try {
    return localStorage.getItem(collapsedKey) === 'true';
  } catch {
    return false;
  }
}

export function SuggestionsPanel({ result, onInsert }: { result: AssistantSuggestions | undefined; onInsert: (text: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const [collapsed, setCollapsed] = useState(readCollapsed);
  if (!result || result.messageId === null) return null;
  const toggle = () => {
    setCollapsed(!collapsed);
    try {
      localStorage.setItem(collapsedKey, String(!collapsed));
    } catch {
      // Storage can be unavailable (private windows); the panel still toggles for this session.
    }
  };
  const intentLine = result.outOfScope ? t('chat.suggestions.outOfScope') : t('chat.suggestions.intent', { intent: describeIntent(t, result.intent), confidence: formatPercent(result.confidence, language) });
  return (
    <section className={collapsed ? 'suggestions collapsed' : 'suggestions'} aria-label={t('chat.suggestions.title')} data-testid="suggestions" data-message-id={result.messageId}>
      <header className="suggestions-header">
        <Icon name="sparkle" size={14} />
        <strong>{t('chat.suggestions.title')}</strong>
        <span className="muted" data-testid="suggestions-intent" title={intentLine}>
          {intentLine}
        </span>
        <button type="button" className="button ghost small suggestions-toggle" aria-expanded={!collapsed} data-testid="suggestions-toggle" onClick={toggle}>
          {collapsed ? t('chat.suggestions.show', { n: result.suggestions.length }) : t('chat.suggestions.hide')}
        </button>
      </header>
      {collapsed ? null : <SuggestionList result={result} onInsert={onInsert} />}
    </section>
  );
}

function SuggestionList({ result, onInsert }: { result: AssistantSuggestions; onInsert: (text: string) => void }) {
  const t = useT();
  const language = useLanguage();
  return (
    <>
      {result.entities.length > 0 && (
        <div className="chips suggestion-entities" data-testid="suggestion-entities">
          {result.entities.map((entity) => (
            <span key={`${entity.type}-${entity.start}`} className="chip outline">
              {t(`chat.entity.${entity.type}`)}: {entity.value}
            </span>
          ))}
        </div>
      )}
      {result.suggestions.length === 0 ? (
        <p className="muted">{t('chat.suggestions.none')}</p>
      ) : (
        <ol className="suggestion-list">
          {result.suggestions.map((suggestion, index) => (
            <li key={`${suggestion.kind}-${suggestion.source.id}-${index}`} className="suggestion" data-testid="suggestion">
              <div className="suggestion-meta">
                <span className={`badge suggestion-${suggestion.kind}`}>{t(`chat.suggestions.kind.${suggestion.kind}`)}</span>
                <span className="muted">{formatPercent(suggestion.confidence, language)}</span>
                <span className="muted suggestion-source" title={suggestion.source.id}>
                  {t('chat.suggestions.source', { title: describeSource(t, suggestion.source) })}
                </span>
              </div>
              {/* Suggestions quote customer-visible text: rendered as text, never as HTML. */}
              <p className="suggestion-text">{suggestion.text}</p>
              <button type="button" className="button small" data-testid="suggestion-insert" onClick={() => onInsert(suggestion.text)}>
                {t('chat.suggestions.insert')}
                {index < 3 && <kbd>Alt {index + 1}</kbd>}
              </button>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
