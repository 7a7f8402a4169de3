import type { CustomerDetail } from '../../shared/types.ts';
import { useLanguage, useT } from '../i18n/i18n.tsx';
import { CustomerLookup } from './CustomerLookup.tsx';
import { formatDate, initials, relativeTime } from './format.ts';
import { OrderCard } from './OrderCard.tsx';

/**
 * An address too long for its column wraps before the "@", where a reader expects the break, rather
 * than inside a word ("…co.u" / "k"); breaking anywhere stays the last resort for a part longer than the line.
 */
function EmailAddress({ address }: { address: string }) {
  const at = address.lastIndexOf('@');
  if (at <= 0) return address;
  return (
    <>
      {address.slice(0, at)}
      <wbr />
      {address.slice(at)}
    </>
  );
}

/** Profile, orders and past conversations of one customer; shared by Chat's sidebar and Customers. */
export function CustomerDetailPanel({
  customer,
  activeConversationId,
  onOpenConversation,
  onOpenProduct,
}: {
  customer: CustomerDetail;
  activeConversationId?: string;
  onOpenConversation: (id: string) => void;
  /** Where given, an order item's title and a suggested product open the product. */
  onOpenProduct?: (sku: string) => void;
}) {
  const t = useT();
  const language = useLanguage();
  return (
    <div className="customer-detail" data-testid="customer-detail">
      <div className="profile">
        <span className="avatar large">{initials(customer.name)}</span>
        <div>
          <h2 data-testid="customer-name">{customer.name}</h2>
          <span className="muted mono">{customer.id}</span>
        </div>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('customer.email')}</dt>
          <dd>{customer.email ? <EmailAddress address={customer.email} /> : t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('customer.phone')}</dt>
          <dd>{customer.phone ?? t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('customer.since')}</dt>
          <dd>{formatDate(customer.createdAt, language)}</dd>
        </div>
      </dl>
      <CustomerLookup customerId={customer.id} {...(onOpenProduct ? { onOpenProduct } : {})} />
      <h3 className="section-title">
        {t('customer.orders')} <span className="count">{customer.orders.length}</span>
      </h3>
      {customer.orders.length === 0 ? <p className="muted">{t('customer.noOrders')}</p> : customer.orders.map((order) => <OrderCard key={order.number} order={order} onOpenProduct={onOpenProduct} />)}
      <h3 className="section-title">
        {t('customer.conversations')} <span className="count">{customer.conversations.length}</span>
      </h3>
      {customer.conversations.length === 0 ? (
        <p className="muted">{t('customer.noConversations')}</p>
      ) : (
        <ul className="mini-list">
          {customer.conversations.map((conversation) => (
            <li key={conversation.id}>
              <button type="button" className={`mini-row ${conversation.id === activeConversationId ? 'selected' : ''}`} onClick={() => onOpenConversation(conversation.id)}>
                <span className="row-title">{conversation.subject}</span>
                <span className="row-meta">
                  <span className={`badge status-${conversation.status}`}>{t(`status.${conversation.status}`)}</span>
                  {relativeTime(conversation.updatedAt, t, language)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
