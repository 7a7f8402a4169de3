import type { Order } from '../../shared/types.ts';
import { useLanguage, useT } from '../i18n/i18n.tsx';
import { formatDate, formatMoney } from './format.ts';
import { Icon } from './Icon.tsx';

/** One order: number, status, date, total, items, and shipping when known. With `onOpenProduct`, an item's title opens its product. */
export function OrderCard({ order, onOpenProduct }: { order: Order; onOpenProduct?: (sku: string) => void }) {
  const t = useT();
  const language = useLanguage();
  return (
    <article className="order-card" data-testid="order">
      <header className="order-header">
        <span className="order-number">#{order.number}</span>
        <span className={`badge order-${order.status}`}>{t(`order.status.${order.status}`)}</span>
        <span className="order-total">{formatMoney(order.total, language, order.currency)}</span>
      </header>
      <div className="order-meta muted">
        {t('order.placed')} {formatDate(order.placedAt, language)} · {t('order.items', { n: order.items.reduce((sum, item) => sum + item.quantity, 0) })}
      </div>
      <ul className="order-items">
        {order.items.map((item, index) => (
          <li key={`${item.sku}-${index}`}>
            <span className="order-item-quantity">{item.quantity}×</span>
            {onOpenProduct ? (
              <button type="button" className="order-item-title link-button" title={t('customer.openProduct', { title: item.title })} data-testid="order-item-product" onClick={() => onOpenProduct(item.sku)}>
                {item.title}
              </button>
            ) : (
              <span className="order-item-title">{item.title}</span>
            )}
            <span className="order-item-price">{formatMoney(item.unitPrice * item.quantity, language, order.currency)}</span>
          </li>
        ))}
      </ul>
      {(order.carrier || order.trackingNumber) && (
        <div className="order-tracking">
          <Icon name="truck" size={14} />
          <span>
            {order.carrier}
            {order.trackingNumber && (
              <>
                {' · '}
                {t('customer.tracking')} <code>{order.trackingNumber}</code>
              </>
            )}
          </span>
        </div>
      )}
    </article>
  );
}
