import type { ModelInfo } from '../../../shared/types.ts';
import { useApiData } from '../../app/api.tsx';
import { describeErrorReason } from '../../components/describe-error.ts';
import { formatCount } from '../../components/format.ts';
import { useLanguage, useT, type MessageKey } from '../../i18n/i18n.tsx';

/** The built-in models' tasks in the agent's language (the core reads them, in English, from the model cards). */
const modelTaskLabels: Record<string, MessageKey> = {
  'intent-ecommerce': 'settings.modelTask.intent-ecommerce',
  'intent-kb-terms': 'settings.modelTask.intent-kb-terms',
  'review-sentiment': 'settings.modelTask.review-sentiment',
};

/** The store's tables as agents know them; a table added later without a name here shows its own name. */
const tableLabels: Record<string, MessageKey> = {
  audit_log: 'settings.table.audit_log',
  conversations: 'settings.table.conversations',
  customers: 'settings.table.customers',
  image_vectors: 'settings.table.image_vectors',
  interactions: 'settings.table.interactions',
  kb_articles: 'settings.table.kb_articles',
  labels: 'settings.table.labels',
  macros: 'settings.table.macros',
  migrations: 'settings.table.migrations',
  messages: 'settings.table.messages',
  order_items: 'settings.table.order_items',
  orders: 'settings.table.orders',
  product_images: 'settings.table.product_images',
  products: 'settings.table.products',
  review_replies: 'settings.table.review_replies',
  review_scores: 'settings.table.review_scores',
  reviews: 'settings.table.reviews',
  settings: 'settings.table.settings',
  vision_adapters: 'settings.table.vision_adapters',
};

export function SystemPanel() {
  const t = useT();
  const language = useLanguage();
  const info = useApiData((client) => client.call('system.info', {}), '', ['system', 'catalog', 'customers', 'orders', 'reviews', 'chat', 'kb']);
  const models = useApiData((client) => client.call('models.list', {}), '', ['system']);
  const data = info.data;
  // English shows the model card's own words; other languages a translation where there is one.
  const taskInWords = (model: ModelInfo) => {
    if (language === 'en') return model.task;
    const key = modelTaskLabels[model.name];
    if (key) return t(key);
    return model.builtIn ? model.task : t('settings.modelTask.imageFeatures', { licence: model.licence ?? '—' });
  };

  return (
    <>
      <section className="card" aria-labelledby="system-title" data-testid="system-info">
        <h2 id="system-title">{t('settings.system')}</h2>
        {!data ? (
          <p className="muted">{t('common.loading')}</p>
        ) : (
          <>
            <dl className="facts wide">
              <div>
                <dt>{t('settings.version')}</dt>
                <dd>{data.version}</dd>
              </div>
              <div>
                <dt>{t('settings.dataDir')}</dt>
                <dd className="mono">{data.dataDir}</dd>
              </div>
              <div>
                <dt>{t('settings.database')}</dt>
                <dd className="mono">{data.databasePath}</dd>
              </div>
              <div>
                <dt>{t('settings.migrations')}</dt>
                <dd>{data.migrations}</dd>
              </div>
              <div>
                <dt>{t('settings.provider')}</dt>
                <dd>
                  <span className="chip">{data.executionProvider}</span>
                </dd>
              </div>
              <div>
                <dt>{t('settings.candidates')}</dt>
                <dd className="chips">
                  {data.executionProviderCandidates.map((provider) => (
                    <span key={provider} className="chip outline">
                      {provider}
                    </span>
                  ))}
                </dd>
              </div>
              <div>
                <dt>{t('settings.modelsPath')}</dt>
                <dd className="mono">
                  {data.modelsPath.length === 0 ? t('common.none') : data.modelsPath.map((path) => <div key={path}>{path}</div>)}
                </dd>
              </div>
            </dl>
            <h3 className="section-title">{t('settings.tables')}</h3>
            <dl className="count-grid" data-testid="table-counts">
              {Object.entries(data.tables)
                .map(([table, count]) => ({ table, count, label: tableLabels[table] ? t(tableLabels[table]) : table }))
                .sort((left, right) => left.label.localeCompare(right.label, language))
                .map(({ table, count, label }) => (
                  <div key={table} className="count-tile" data-table={table}>
                    <dt title={table}>{label}</dt>
                    <dd>{formatCount(count, language)}</dd>
                  </div>
                ))}
            </dl>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="models-title" data-testid="models">
        <h2 id="models-title">{t('settings.models')}</h2>
        {models.data?.length === 0 && <p className="muted">{t('settings.noModels')}</p>}
        <table className="table models-table" hidden={!models.data?.length}>
          <thead>
            <tr>
              <th>{t('settings.model')}</th>
              <th>{t('settings.task')}</th>
              <th>{t('settings.location')}</th>
            </tr>
          </thead>
          <tbody>
            {models.data?.map((model) => (
              <tr key={model.name}>
                <td>
                  {model.name} {model.builtIn && <span className="chip outline">{t('settings.builtIn')}</span>}
                </td>
                <td>{taskInWords(model)}</td>
                <td>
                  {model.path ? (
                    <span className="mono small">{model.path}</span>
                  ) : (
                    <span className="missing">
                      <span className="chip sentiment-negative">{t('settings.missing')}</span> {model.message && describeErrorReason(t, model.reason, model.message)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
