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
                  {data.modelsPath.map((path) => (
                    <div key={path}>{path}</div>
                  ))}
                </dd>
              </div>
            </dl>
            <table className="table compact" data-testid="table-counts">
              <thead>
                <tr>
                  <th>{t('settings.tables')}</th>
                  <th className="numeric">{t('settings.rows')}</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(data.tables).map(([table, count]) => (
                  <tr key={table}>
                    <td className="mono">{table}</td>
                    <td className="numeric">{formatCount(count, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="models-title" data-testid="models">
        <h2 id="models-title">{t('settings.models')}</h2>
        <table className="table">
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
