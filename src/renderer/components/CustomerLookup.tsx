/**
 * Beside a customer (Chat's sidebar, Customers): what to suggest to them and a photo drop
 * to identify what they are asking about. Self-contained, so its host mounts it in one line.
 */
import { useApiData } from '../app/api.tsx';
import { useT } from '../i18n/i18n.tsx';
import { PhotoDropZone } from './PhotoDropZone.tsx';
import { ProductImage } from './ProductImage.tsx';
import { describeReason } from './recommendation-reason.ts';

const suggestionCount = 4;

/** With `onOpenProduct`, a suggested product opens in Product lookup. */
export function CustomerLookup({ customerId, onOpenProduct }: { customerId: string; onOpenProduct?: (sku: string) => void }) {
  const t = useT();
  const suggestions = useApiData((client) => client.call('recs.forCustomer', { customerId, k: suggestionCount }), customerId, ['recs', 'orders', 'catalog']);
  return (
    <div className="customer-lookup">
      <h3 className="section-title">{t('recs.forCustomer')}</h3>
      {suggestions.data?.length === 0 && <p className="muted">{t('recs.forCustomerEmpty')}</p>}
      <ul className="mini-list customer-pick-list" data-testid="customer-suggestions">
        {suggestions.data?.map((item) => {
          const content = (
            <>
              <ProductImage imageId={item.imageId} alt={item.title} />
              <span className="related-text">
                <span className="row-title">{item.title}</span>
                <span className="muted small">{describeReason(t, item.reason)}</span>
              </span>
            </>
          );
          return (
            <li key={item.sku} data-testid="customer-suggestion" data-sku={item.sku}>
              {onOpenProduct ? (
                <button type="button" className="customer-pick" title={t('customer.openProduct', { title: item.title })} onClick={() => onOpenProduct(item.sku)}>
                  {content}
                </button>
              ) : (
                <div className="customer-pick">{content}</div>
              )}
            </li>
          );
        })}
      </ul>
      <PhotoDropZone compact {...(onOpenProduct ? { onOpenProduct } : {})} />
    </div>
  );
}
