/** Customers: a searchable list and the selected customer's profile, orders and conversations. */
import { useEffect, useState } from 'react';
import { useApiData } from '../../app/api.tsx';
import type { Navigate, Route } from '../../app/routes.ts';
import { CustomerDetailPanel } from '../../components/CustomerDetailPanel.tsx';
import { initials } from '../../components/format.ts';
import { SearchField } from '../../components/SearchField.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useT } from '../../i18n/i18n.tsx';

/** Customers listed at a time; "Load more" adds as many again. */
const pageSize = 200;

export function CustomersView({ route, navigate }: { route: Extract<Route, { view: 'customers' }>; navigate: Navigate }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(route.customerId ?? null);
  const settledQuery = useDebounced(query.trim());
  const [limit, setLimit] = useState(pageSize);

  useEffect(() => {
    if (route.customerId) setSelectedId(route.customerId);
  }, [route]);

  const customers = useApiData((client) => client.call('customers.list', { query: settledQuery || undefined, limit }), `${settledQuery}:${limit}`, ['customers']);
  const detail = useApiData((client) => (selectedId ? client.call('customers.get', { id: selectedId }) : Promise.resolve(null)), selectedId ?? '', ['customers', 'orders', 'chat']);

  return (
    <div className="split customers-layout">
      <section className="pane list-pane" aria-label={t('customers.title')}>
        <div className="pane-search">
          <SearchField
            label={t('customers.search')}
            value={query}
            testId="customer-search"
            onChange={(text) => {
              setQuery(text);
              setLimit(pageSize);
            }}
          />
          {customers.data && <span className="muted small">{t('common.showing', { shown: customers.data.items.length, total: customers.data.total })}</span>}
        </div>
        <ul className="item-list" data-testid="customer-list">
          {customers.data?.items.length === 0 && <li className="empty-state">{settledQuery === '' ? t('customers.none') : t('customers.empty')}</li>}
          {customers.data?.items.map((customer) => (
            <li key={customer.id}>
              <button type="button" className={`list-row customer-row ${customer.id === selectedId ? 'selected' : ''}`} aria-current={customer.id === selectedId ? 'true' : undefined} data-testid="customer-row" onClick={() => setSelectedId(customer.id)}>
                <span className="avatar">{initials(customer.name)}</span>
                <span className="customer-row-text">
                  <span className="row-title">{customer.name}</span>
                  <span className="row-preview">{customer.email ?? customer.phone ?? customer.id}</span>
                </span>
              </button>
            </li>
          ))}
          {customers.data && customers.data.items.length < customers.data.total && (
            <li>
              <button type="button" className="button load-more" data-testid="customers-load-more" onClick={() => setLimit((value) => value + pageSize)}>
                {t('common.loadMore')}
              </button>
            </li>
          )}
        </ul>
      </section>
      <section className="pane detail-pane scroll">
        {detail.data ? (
          <CustomerDetailPanel
            customer={detail.data}
            onOpenConversation={(id) => navigate({ view: 'chat', conversationId: id })}
            onOpenProduct={(sku) => navigate({ view: 'products', sku })}
          />
        ) : (
          <div className="empty-pane">
            <Icon name="customers" size={32} />
            <p className="muted">{t('customers.pick')}</p>
          </div>
        )}
      </section>
    </div>
  );
}
