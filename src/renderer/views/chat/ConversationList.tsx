import type { ConversationStatus, ConversationSummary } from '../../../shared/types.ts';
import { relativeTime } from '../../components/format.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';

export const conversationStatuses: ConversationStatus[] = ['open', 'pending', 'resolved'];

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
  return (
    <section className="pane list-pane conversation-pane" aria-label={t('chat.title')}>
      <div className="tabs" role="tablist" aria-label={t('chat.filter')}>
        {conversationStatuses.map((value) => (
          <button key={value} type="button" role="tab" aria-selected={status === value} className={`tab ${status === value ? 'active' : ''}`} data-testid={`chat-tab-${value}`} onClick={() => onStatus(value)}>
            {t(`status.${value}`)}
          </button>
        ))}
      </div>
      <ul className="item-list" data-testid="conversation-list">
        {conversations?.length === 0 && <li className="empty-state">{t('chat.empty')}</li>}
        {!conversations && loading && <li className="empty-state">{t('common.loading')}</li>}
        {conversations?.map((conversation) => (
          <li key={conversation.id}>
            <button
              type="button"
              className={`list-row conversation-row ${conversation.id === selectedId ? 'selected' : ''}`}
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
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
