import { useEffect, useRef, useState } from 'react';
import type { KbHit, Macro } from '../../../shared/types.ts';
import { useApi } from '../../app/api.tsx';
import { useToast } from '../../app/toasts.tsx';
import { Icon } from '../../components/Icon.tsx';
import { modifierKey } from '../../components/keys.ts';
import { useWindowKeydown } from '../../components/useWindowKeydown.ts';
import { useT } from '../../i18n/i18n.tsx';
import { focusKnowledgeSearch, KnowledgeSearch, knowledgeSearchCode, knowledgeSearchHint, knowledgeSearchId } from './KnowledgeSearch.tsx';
import { MacroPicker } from './MacroPicker.tsx';

export type ComposerMode = 'agent' | 'note';
/** The reply field's id, for the shortcut that puts the caret in it. */
export const composerInputId = 'chat-composer-input';

/** A word starting with / or # right before the caret: the macro being looked for. */
function macroTrigger(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|\s)([/#])([^\s/#]*)$/.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - (match[2] ?? '').length - 1, query: match[2] ?? '' };
}

/** Text put into the draft between `start` and `end`, a space apart from a Latin word or punctuation before it (Chinese needs none). */
function insertText(draft: string, start: number, end: number, text: string): { draft: string; caret: number } {
  const before = draft.slice(0, start);
  const joined = /[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef]$/u.test(before) ? `${before} ${text}` : `${before}${text}`;
  return { draft: `${joined}${draft.slice(end)}`, caret: joined.length };
}

/**
 * Reply or internal note; Ctrl/Cmd+Enter sends. The draft belongs to the thread, so assistant
 * suggestions can be inserted into it; it is kept when sending fails. Typing "/" or "#" at the
 * start of a word opens the macro picker; the chosen macro is filled in for this conversation.
 * The knowledge-base search (its button, Alt+K, or the palette through `knowledgeRequested`)
 * inserts an article's answer: in place of the assistant's untouched draft, else at the caret.
 */
export function Composer({
  conversationId,
  draft,
  onDraft,
  onSend,
  isAssistantDraft,
  knowledgeRequested,
  onKnowledgeRequestHandled,
  onImportArticles,
}: {
  conversationId: string;
  draft: string;
  onDraft: (draft: string) => void;
  onSend: (author: ComposerMode, body: string) => Promise<boolean>;
  isAssistantDraft: (text: string) => boolean;
  knowledgeRequested: boolean;
  onKnowledgeRequestHandled: () => void;
  onImportArticles: () => void;
}) {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const [mode, setMode] = useState<ComposerMode>('agent');
  const [sending, setSending] = useState(false);
  const [caret, setCaret] = useState(0);
  const [highlighted, setHighlighted] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [knowledgeOpen, setKnowledgeOpen] = useState(false);
  const matches = useRef<Macro[]>([]);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const trigger = macroTrigger(draft, caret);
  const pickerOpen = trigger !== null && dismissed !== trigger.start;

  const openKnowledge = () => {
    if (knowledgeOpen) focusKnowledgeSearch();
    else setKnowledgeOpen(true);
  };
  // Choosing Reply or Internal note is choosing what to write next: the caret goes to the field,
  // so the agent's keys are text, not shortcuts (e would resolve the conversation).
  const chooseMode = (next: ComposerMode) => {
    setMode(next);
    textarea.current?.focus();
  };
  const closeKnowledge = () => {
    setKnowledgeOpen(false);
    textarea.current?.focus();
  };

  useEffect(() => {
    if (!knowledgeRequested) return;
    setKnowledgeOpen(true);
    onKnowledgeRequestHandled();
  }, [knowledgeRequested, onKnowledgeRequestHandled]);

  useWindowKeydown((event) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.code !== knowledgeSearchCode || document.querySelector('dialog[open]')) return;
    event.preventDefault();
    openKnowledge();
  });

  const send = async () => {
    if (draft.trim() === '' || sending) return;
    setSending(true);
    const sent = await onSend(mode, draft);
    setSending(false);
    if (sent) {
      onDraft('');
      // A note is an aside: what the agent writes next is the reply to the customer.
      setMode('agent');
    }
    // The Send button was disabled while sending, which drops its focus: the caret goes back to the message.
    textarea.current?.focus();
  };

  const pick = async (macro: Macro) => {
    if (!trigger) return;
    try {
      const rendered = await api.call('macros.render', { id: macro.id, conversationId });
      const next = `${draft.slice(0, trigger.start)}${rendered.text}${draft.slice(caret)}`;
      onDraft(next);
      const position = trigger.start + rendered.text.length;
      setCaret(position);
      requestAnimationFrame(() => textarea.current?.setSelectionRange(position, position));
      if (rendered.missing.length) toast.error(new Error(t('chat.macros.missing', { variables: rendered.missing.join(', ') })));
    } catch (error) {
      toast.error(error);
    }
  };

  const insertAnswer = async (hit: KbHit) => {
    try {
      const answer = await api.call('kb.answer', { id: hit.articleId });
      const field = textarea.current;
      // The assistant's own draft is what its suggestions offered; the agent searched because it missed.
      const replace = isAssistantDraft(draft);
      const inserted = insertText(draft, replace ? 0 : (field?.selectionStart ?? draft.length), replace ? draft.length : (field?.selectionEnd ?? draft.length), answer.text);
      onDraft(inserted.draft);
      setCaret(inserted.caret);
      closeKnowledge();
      requestAnimationFrame(() => textarea.current?.setSelectionRange(inserted.caret, inserted.caret));
    } catch (error) {
      toast.error(error);
    }
  };

  return (
    <form
      className={`composer composer-${mode}`}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <div className="composer-modes" role="group" aria-label={t('chat.composer.label')}>
        <button type="button" className={`chip-toggle ${mode === 'agent' ? 'active' : ''}`} aria-pressed={mode === 'agent'} data-testid="composer-reply" onClick={() => chooseMode('agent')}>
          <Icon name="send" size={14} />
          {t('chat.composer.reply')}
        </button>
        <button type="button" className={`chip-toggle ${mode === 'note' ? 'active' : ''}`} aria-pressed={mode === 'note'} data-testid="composer-note" onClick={() => chooseMode('note')}>
          <Icon name="note" size={14} />
          {t('chat.composer.note')}
        </button>
        <button
          type="button"
          className={`chip-toggle composer-knowledge ${knowledgeOpen ? 'active' : ''}`}
          aria-expanded={knowledgeOpen}
          aria-controls={knowledgeOpen ? knowledgeSearchId : undefined}
          data-testid="composer-knowledge"
          onClick={() => (knowledgeOpen ? closeKnowledge() : openKnowledge())}
        >
          <Icon name="book" size={14} />
          {t('chat.knowledge.open')}
          <kbd>{knowledgeSearchHint}</kbd>
        </button>
      </div>
      {knowledgeOpen && <KnowledgeSearch onPick={(hit) => void insertAnswer(hit)} onClose={closeKnowledge} onImport={onImportArticles} />}
      {pickerOpen && <MacroPicker query={trigger.query} highlighted={highlighted} onPick={(macro) => void pick(macro)} onMatches={(found) => (matches.current = found)} />}
      <textarea
        ref={textarea}
        id={composerInputId}
        aria-label={t('chat.composer.label')}
        placeholder={t(mode === 'agent' ? 'chat.composer.placeholder' : 'chat.composer.notePlaceholder', { modifier: modifierKey() })}
        value={draft}
        rows={4}
        data-testid="composer-input"
        onChange={(event) => {
          onDraft(event.target.value);
          setCaret(event.target.selectionStart);
          setHighlighted(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={(event) => {
          if (pickerOpen) {
            const count = Math.min(8, matches.current.length);
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              if (count > 0) setHighlighted((index) => (index + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
              return;
            }
            if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
              const macro = matches.current[highlighted];
              if (macro) {
                event.preventDefault();
                void pick(macro);
              }
              return;
            }
            if (event.key === 'Escape') {
              event.preventDefault();
              setDismissed(trigger.start);
              return;
            }
          }
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void send();
          }
        }}
      />
      <div className="composer-actions">
        <span className="muted composer-hint">{t('chat.macros.hint')}</span>
        <kbd>{modifierKey()} Enter</kbd>
        <button type="submit" className="button primary" disabled={sending || draft.trim() === ''} data-testid="composer-send">
          {mode === 'agent' ? t('chat.composer.send') : t('chat.composer.addNote')}
        </button>
      </div>
    </form>
  );
}
