import { useEffect, useRef, useState } from 'react';
import type { ConversationStatus, ConversationSummary } from '../../../shared/types.ts';
import { formatDuration, relativeTime } from '../../components/format.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';
import { ConversationFiles } from './ConversationFiles.tsx';

export const conversationStatuses: ConversationStatus[] = ['open', 'pending', 'resolved'];

/** The current time, refreshed every minute so waiting timers move without a reload. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** How long the customer waited for the first reply, or is still waiting. */
function FirstReply({ conversation, now }: { conversation: ConversationSummary; now: number }) {
  const t = useT();
  const started = Date.parse(conversation.createdAt);
  if (conversation.firstReplyAt) {
    return <span className="row-timer">{t('chat.firstReplyAfter', { time: formatDuration(Date.parse(conversation.firstReplyAt) - started, t) })}</span>;
  }
  if (conversation.status === 'resolved') return null;
  return (
    <span className="row-timer waiting" data-testid="first-reply-timer">
      {t('chat.waitingFor', { time: formatDuration(now - started, t) })}
    </span>
  );
}

export function ConversationList({
  status,
  onStatus,
  conversations,
  loading,
  selectedId,
  onSelect,
}: {
  status: ConversationStatus;
  onStatus: (status: ConversationStatus) => void;
  conversations: ConversationSummary[] | undefined;
  loading: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const t = useT();
  const language = useLanguage();
  const now = useMinuteClock();
  const listRef = useRef<HTMLUListElement>(null);
  // j / k move the selection beyond the visible rows: keep the selected one in sight.
  useEffect(() => {
    listRef.current?.querySelector('.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
  return (
    <section className="pane list-pane conversation-pane" aria-label={t('chat.title')}>
      <div className="tabs" role="tablist" aria-label={t('chat.filter')}>
        {conversationStatuses.map((value) => (
          <button key={value} type="button" role="tab" aria-selected={status === value} className={`tab ${status === value ? 'active' : ''}`} data-testid={`chat-tab-${value}`} onClick={() => onStatus(value)}>
            {t(`status.${value}`)}
          </button>
        ))}
      </div>
      <ConversationFiles />
      <ul ref={listRef} className="item-list" data-testid="conversation-list">
        {conversations?.length === 0 && <li className="empty-state">{t('chat.empty')}</li>}
        {!conversations && loading && <li className="empty-state">{t('common.loading')}</li>}
        {conversations?.map((conversation) => (
          <li key={conversation.id}>
            <button
              type="button"
              className={`list-row conversation-row ${conversation.id === selectedId ? 'selected' : ''} ${conversation.escalation ? 'escalated' : ''}`}
              aria-current={conversation.id === selectedId ? 'true' : undefined}
              data-testid="conversation-row"
              onClick={() => onSelect(conversation.id)}
            >
              <span className="row-top">
                {/* Opening a conversation marks it read in the store; the list catches up on its next reload. */}
                {conversation.unread && conversation.id !== selectedId && <span className="unread-dot" aria-label={t('chat.unread')} />}
                <span className="row-title">{conversation.customerName ?? t('chat.unknownCustomer')}</span>
                <time className="row-meta" dateTime={conversation.updatedAt}>
                  {relativeTime(conversation.updatedAt, t, language)}
                </time>
              </span>
              <span className="row-subject">{conversation.subject}</span>
              <span className="row-preview">{conversation.lastMessage}</span>
              <span className="row-badges">
                <span className={`badge status-${conversation.status}`}>{t(`status.${conversation.status}`)}</span>
                {conversation.escalation && (
                  <span className="badge escalation" data-testid="escalation-badge" title={t(`chat.escalation.${conversation.escalation}`)}>
                    {t('chat.escalated')}
                  </span>
                )}
                <span className="row-assignee">{conversation.assignee ?? t('chat.unassigned')}</span>
                <FirstReply conversation={conversation} now={now} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
