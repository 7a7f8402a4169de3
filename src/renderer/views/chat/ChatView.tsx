/** Chat: conversations by status, the selected thread with its composer, and the customer beside it. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationStatus, EscalationReason } from '../../../shared/types.ts';
import { useApi, useApiData } from '../../app/api.tsx';
import type { Navigate, Route } from '../../app/routes.ts';
import { useSettings } from '../../app/settings.tsx';
import { useToast, type ToastText } from '../../app/toasts.tsx';
import { CustomerDetailPanel } from '../../components/CustomerDetailPanel.tsx';
import { Icon } from '../../components/Icon.tsx';
import { isEditable } from '../../components/keys.ts';
import { useWindowKeydown } from '../../components/useWindowKeydown.ts';
import { useT } from '../../i18n/i18n.tsx';
import { composerInputId } from './Composer.tsx';
import { ConversationList } from './ConversationList.tsx';
import { CustomerPane } from './CustomerPane.tsx';
import { Thread } from './Thread.tsx';

export function ChatView({ route, navigate }: { route: Extract<Route, { view: 'chat' }>; navigate: Navigate }) {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const { settings } = useSettings();
  const [status, setStatus] = useState<ConversationStatus>('open');
  const [selectedId, setSelectedId] = useState<string | null>(route.conversationId ?? null);
  // Only narrow windows hide the customer pane; this opens it over the thread there.
  const [customerOpen, setCustomerOpen] = useState(false);

  // The palette's "Search the knowledge base": the open thread's composer opens the search once.
  const [knowledgeRequested, setKnowledgeRequested] = useState(false);
  const knowledgeRequestHandled = useCallback(() => setKnowledgeRequested(false), []);

  // A conversation opened from elsewhere (a customer's history) shows under its own status tab,
  // so the list marks it and j / k go on from it; one the agent moves while it is open stays put.
  const showUnderItsTab = useRef(false);
  useEffect(() => {
    if (route.conversationId) {
      setSelectedId(route.conversationId);
      showUnderItsTab.current = true;
    }
    if (route.knowledgeSearch) setKnowledgeRequested(true);
  }, [route]);

  // Each answer carries the tab it was asked for: until the new tab's list arrives, the previous tab's
  // list is neither shown nor used to pick the conversation to open.
  const list = useApiData((client) => client.call('chat.list', { status, limit: 200 }).then((result) => ({ status, items: result.items })), status, ['chat', 'customers']);
  const items = list.data?.status === status ? list.data.items : undefined;
  const firstId = items?.[0]?.id ?? null;
  useEffect(() => {
    if (selectedId === null && firstId !== null) setSelectedId(firstId);
  }, [selectedId, firstId]);

  const conversation = useApiData((client) => (selectedId ? client.call('chat.get', { id: selectedId }) : Promise.resolve(null)), selectedId ?? '', ['chat']);
  const current = conversation.data && conversation.data.id === selectedId ? conversation.data : null;
  const customerId = current?.customerId ?? null;
  useEffect(() => {
    if (!current || !showUnderItsTab.current) return;
    showUnderItsTab.current = false;
    setStatus(current.status);
  }, [current]);
  const customer = useApiData((client) => (customerId ? client.call('customers.get', { id: customerId }) : Promise.resolve(null)), customerId ?? '', ['customers', 'orders', 'chat']);

  const send = async (author: 'agent' | 'note' | 'customer', body: string) => {
    if (!selectedId) return false;
    try {
      await api.call('chat.send', { conversationId: selectedId, author, body });
      conversation.reload();
      return true;
    } catch (error) {
      toast.error(error);
      return false;
    }
  };

  /**
   * One change to the open conversation, then a toast that offers to set it back: status, assignee
   * and escalation all take something out of sight (a resolved conversation leaves the Open tab,
   * a cleared escalation lets the assistant reply by itself). `focusAfter` finds what the undo brings back
   * when the control pressed went with the change.
   */
  const changeWithUndo = async (change: () => Promise<unknown>, message: ToastText, revert: (() => Promise<unknown>) | null, focusAfter?: () => HTMLElement | null) => {
    try {
      await change();
      conversation.reload();
      const undo = () =>
        revert?.().then(
          () => {
            toast.success((translate) => translate('common.undone'));
            conversation.reload();
          },
          (error: unknown) => toast.error(error),
        );
      toast.success(message, revert ? { label: 'common.undo', run: undo, ...(focusAfter ? { focusAfter } : {}) } : undefined);
    } catch (error) {
      toast.error(error);
    }
  };

  const changeStatus = (id: string, previous: ConversationStatus, next: ConversationStatus) =>
    next === previous
      ? Promise.resolve()
      : changeWithUndo(
          () => api.call('chat.setStatus', { id, status: next }),
          (translate) => translate('chat.statusChanged', { status: translate(`status.${next}`) }),
          () => api.call('chat.setStatus', { id, status: previous }),
        );

  // An empty name unassigns: undo gives the conversation back to whoever had it, or to nobody.
  const assign = (id: string, previous: string | null, assignee: string) =>
    changeWithUndo(
      () => api.call('chat.assign', { id, assignee }),
      (translate) => translate('chat.assignedTo', { name: assignee }),
      () => api.call('chat.assign', { id, assignee: previous ?? '' }),
    );

  const clearEscalation = (id: string, reason: EscalationReason | null) =>
    changeWithUndo(
      () => api.call('chat.clearEscalation', { id }),
      (translate) => translate('chat.escalationCleared'),
      reason ? () => api.call('chat.escalate', { id, reason }) : null,
      () => document.querySelector<HTMLElement>('.escalation-banner button'),
    );

  // The keys of Review triage, for conversations: j / k move through the list, r writes the reply, e resolves.
  useWindowKeydown((event) => {
    // defaultPrevented: the shell took the key (the r of the g r chord).
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target) || document.querySelector('dialog[open]')) return;
    const index = items?.findIndex((item) => item.id === selectedId) ?? -1;
    if (event.key === 'j' || event.key === 'k') {
      const next = items?.[event.key === 'j' ? Math.min(index + 1, items.length - 1) : Math.max(index - 1, 0)];
      if (next) setSelectedId(next.id);
    } else if (event.key === 'r' && current) document.getElementById(composerInputId)?.focus();
    else if (event.key === 'e' && current) void changeStatus(current.id, current.status, 'resolved');
    else return;
    event.preventDefault();
  });

  return (
    <div className="chat-layout">
      <ConversationList
        status={status}
        onStatus={(next) => {
          setStatus(next);
          setSelectedId(null);
        }}
        conversations={items}
        loading={list.loading}
        selectedId={selectedId}
        onSelect={setSelectedId}
      />
      {current ? (
        <Thread
          key={current.id}
          conversation={current}
          agentName={settings.agentName}
          onStatus={(next) => void changeStatus(current.id, current.status, next)}
          onSend={send}
          onAssign={(assignee) => void assign(current.id, current.assignee, assignee)}
          onClearEscalation={() => void clearEscalation(current.id, current.escalation)}
          customerOpen={customerOpen}
          onToggleCustomer={() => setCustomerOpen((open) => !open)}
          knowledgeRequested={knowledgeRequested}
          onKnowledgeRequestHandled={knowledgeRequestHandled}
          onImportArticles={() => navigate({ view: 'settings', section: 'import' })}
        />
      ) : (
        <section className="pane thread-pane empty-pane">
          <Icon name="chat" size={32} />
          <p className="muted">{t('chat.select')}</p>
        </section>
      )}
      <CustomerPane open={customerOpen} onOpenChange={setCustomerOpen}>
        {customer.data ? (
          <CustomerDetailPanel
            customer={customer.data}
            activeConversationId={selectedId ?? undefined}
            onOpenConversation={setSelectedId}
            onOpenProduct={(sku) => navigate({ view: 'products', sku })}
          />
        ) : (
          current && <p className="muted pad">{customerId ? t('common.loading') : t('customer.none')}</p>
        )}
      </CustomerPane>
    </div>
  );
}
