import { useEffect, useRef } from 'react';
import type { Conversation, ConversationStatus } from '../../../shared/types.ts';
import { formatDateTime } from '../../components/format.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';
import { Composer } from './Composer.tsx';
import { conversationStatuses } from './ConversationList.tsx';

export function Thread({
  conversation,
  onStatus,
  onSend,
}: {
  conversation: Conversation;
  onStatus: (status: ConversationStatus) => void;
  onSend: (author: 'agent' | 'note', body: string) => Promise<boolean>;
}) {
  const t = useT();
  const language = useLanguage();
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [conversation.id, conversation.messages.length]);

  return (
    <section className="pane thread-pane" aria-label={conversation.subject}>
      <header className="pane-header thread-header">
        <div className="thread-heading">
          <h2 data-testid="thread-subject">{conversation.subject}</h2>
          <span className="muted">{conversation.customerName ?? t('chat.unknownCustomer')}</span>
        </div>
        <div className="segmented" role="group" aria-label={t('chat.setStatus')}>
          {conversationStatuses.map((status) => (
            <button key={status} type="button" aria-pressed={conversation.status === status} className={conversation.status === status ? 'active' : ''} data-testid={`status-${status}`} onClick={() => onStatus(status)}>
              {t(`status.${status}`)}
            </button>
          ))}
        </div>
      </header>
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
      <Composer key={conversation.id} onSend={onSend} />
    </section>
  );
}
