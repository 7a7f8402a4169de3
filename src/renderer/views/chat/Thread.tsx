import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Conversation, ConversationStatus } from '../../../shared/types.ts';
import { useApiData } from '../../app/api.tsx';
import { formatDateTime } from '../../components/format.ts';
import { Icon } from '../../components/Icon.tsx';
import { useLanguage, useT } from '../../i18n/i18n.tsx';
import { Composer, composerInputId, type ComposerMode } from './Composer.tsx';
import { conversationStatuses } from './ConversationList.tsx';
import { customerPaneId, customerPaneKey } from './CustomerPane.tsx';
import { CustomerSimulator } from './CustomerSimulator.tsx';
import { SuggestionsPanel } from './SuggestionsPanel.tsx';

/** The last message the customer can see, or wrote; notes are internal. */
function lastVisibleMessage(conversation: Conversation) {
  return conversation.messages.filter((message) => message.author !== 'note').at(-1);
}

export function Thread({
  conversation,
  agentName,
  onStatus,
  onSend,
  onAssign,
  onClearEscalation,
  customerOpen,
  onToggleCustomer,
  knowledgeRequested,
  onKnowledgeRequestHandled,
  onImportArticles,
}: {
  conversation: Conversation;
  agentName: string;
  onStatus: (status: ConversationStatus) => void;
  onSend: (author: ComposerMode | 'customer', body: string) => Promise<boolean>;
  onAssign: (assignee: string) => void;
  onClearEscalation: () => void;
  customerOpen: boolean;
  onToggleCustomer: () => void;
  knowledgeRequested: boolean;
  onKnowledgeRequestHandled: () => void;
  onImportArticles: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const end = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState('');
  const last = lastVisibleMessage(conversation);
  const awaitingReply = last?.author === 'customer' ? last.id : null;
  // Suggestions follow the latest customer message; macros and articles change them too.
  const suggestions = useApiData((client) => client.call('chat.suggest', { conversationId: conversation.id }), `${conversation.id}:${awaitingReply ?? 'answered'}`, ['macros', 'kb']);
  const result = suggestions.data?.conversationId === conversation.id ? suggestions.data : undefined;
  const fresh = awaitingReply !== null && result?.messageId === awaitingReply ? result : undefined;
  // The text the assistant last drafted: while the composer still holds exactly that, it is the
  // assistant's draft (not the agent's), so it follows the newest customer message.
  const assistantDraft = useRef('');

  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [conversation.id, conversation.messages.length]);

  // Without an automatic reply, the best suggestion waits as a draft; the agent's own text is never replaced.
  // A message the assistant did not understand drafts nothing: its guesses stay in the panel, where
  // the agent sees they are guesses, instead of sitting in the reply one Ctrl+Enter from the customer.
  useEffect(() => {
    if (!fresh) return;
    const next = fresh.outOfScope ? '' : (fresh.suggestions[0]?.text ?? '');
    const previous = assistantDraft.current;
    assistantDraft.current = next;
    setDraft((current) => (current.trim() === '' || current === previous ? next : current));
  }, [fresh]);

  // The Insert button would keep the focus: the agent's next keystrokes, meant as edits, would be
  // shortcuts (k opens another conversation). The reply is rendered at once (flushSync), so the
  // caret is in it, at the end, before the next key arrives.
  const insertSuggestion = (text: string) => {
    flushSync(() => setDraft(text));
    const field = document.getElementById(composerInputId);
    if (!(field instanceof HTMLTextAreaElement)) return;
    field.focus();
    field.setSelectionRange(text.length, text.length);
  };

  useEffect(() => {
    const suggestionList = result?.suggestions ?? [];
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      // The physical digit key: with Alt held, some layouts type another character.
      const match = /^Digit([1-3])$/.exec(event.code);
      const suggestion = match ? suggestionList[Number(match[1]) - 1] : undefined;
      if (!suggestion) return;
      event.preventDefault();
      insertSuggestion(suggestion.text);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [result]);

  return (
    <section className="pane thread-pane" aria-label={conversation.subject}>
      <header className="pane-header thread-header">
        <div className="thread-heading">
          <h2 data-testid="thread-subject">{conversation.subject}</h2>
          <span className="muted" data-testid="thread-assignee">
            {conversation.customerName ?? t('chat.unknownCustomer')} · {conversation.assignee ? t('chat.assignedTo', { name: conversation.assignee }) : t('chat.unassigned')}
          </span>
        </div>
        {conversation.assignee !== agentName && (
          <button type="button" className="button ghost small" data-testid="assign-to-me" onClick={() => onAssign(agentName)}>
            {t('chat.assignToMe')}
          </button>
        )}
        <button type="button" className="button ghost small customer-toggle" aria-expanded={customerOpen} aria-controls={customerPaneId} data-testid="customer-toggle" onClick={onToggleCustomer}>
          <Icon name="customers" size={14} />
          {t('customer.profile')}
          <kbd>{customerPaneKey}</kbd>
        </button>
        <div className="segmented" role="group" aria-label={t('chat.setStatus')}>
          {conversationStatuses.map((status) => (
            <button key={status} type="button" aria-pressed={conversation.status === status} className={conversation.status === status ? 'active' : ''} data-testid={`status-${status}`} onClick={() => onStatus(status)}>
              {t(`status.${status}`)}
            </button>
          ))}
        </div>
      </header>
      {conversation.escalation && (
        <div className="callout escalation-banner" role="alert" data-testid="escalation-banner">
          <span>{t('chat.escalationBanner', { reason: t(`chat.escalation.${conversation.escalation}`) })}</span>
          <button type="button" className="button ghost small" data-testid="clear-escalation" onClick={onClearEscalation}>
            {t('chat.clearEscalation')}
          </button>
        </div>
      )}
      <div className="messages" data-testid="thread">
        {conversation.messages.map((message) => (
          <article key={message.id} className={`message message-${message.author}`} data-testid="message">
            <header className="message-meta">
              <span className="message-author">{t(`chat.author.${message.author}`)}</span>
              <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, language)}</time>
            </header>
            {/* Message text is customer input: rendered as text, never as HTML. */}
            <p className="message-body">{message.body}</p>
          </article>
        ))}
        <div ref={end} />
      </div>
      <SuggestionsPanel result={result} onInsert={insertSuggestion} />
      <CustomerSimulator onSend={(body) => onSend('customer', body)} />
      <Composer
        conversationId={conversation.id}
        draft={draft}
        onDraft={setDraft}
        onSend={onSend}
        isAssistantDraft={(text) => text === assistantDraft.current}
        knowledgeRequested={knowledgeRequested}
        onKnowledgeRequestHandled={onKnowledgeRequestHandled}
        onImportArticles={onImportArticles}
      />
    </section>
  );
}
