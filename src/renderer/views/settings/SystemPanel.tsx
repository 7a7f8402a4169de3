import { useApiData } from '../../app/api.tsx';
import { formatCount } from '../../components/format.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';

export function SystemPanel() {
  const t = useT();
  const language = useLanguage();
  const info = useApiData((client) => client.call('system.info', {}), '', ['system', 'catalog', 'customers', 'orders', 'reviews', 'chat', 'kb']);
  const models = useApiData((client) => client.call('models.list', {}), '', ['system']);
  const data = info.data;

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
              {Object.entries(data.tables).map(([table, count]) => (
                <div key={table} className="count-tile" data-table={table}>
                  <dt className="mono">{table}</dt>
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
        <table className="table" hidden={!models.data?.length}>
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
                <td>{model.task}</td>
                <td>
                  {model.path ? (
                    <span className="mono small">{model.path}</span>
                  ) : (
                    <span className="missing">
                      <span className="chip sentiment-negative">{t('settings.missing')}</span> {model.message}
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
