import { useApiData } from '../../app/api.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';

const shownEntries = 50;

export function AuditPanel() {
  const t = useT();
  const language = useLanguage();
  const audit = useApiData((client) => client.call('system.audit', { limit: shownEntries }), '', ['system', 'catalog', 'customers', 'orders', 'reviews', 'chat', 'kb']);
  return (
    <section className="card" aria-labelledby="audit-title" data-testid="audit-log">
      <h2 id="audit-title">{t('settings.audit')}</h2>
      {audit.data?.length === 0 ? (
        <p className="muted">{t('settings.auditEmpty')}</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('settings.when')}</th>
              <th>{t('settings.actor')}</th>
              <th>{t('settings.action')}</th>
              <th>{t('settings.target')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data?.map((entry) => (
              <tr key={entry.id} title={entry.detail}>
                <td className="nowrap">{formatDateTime(entry.at, language)}</td>
                <td>{entry.actor}</td>
                <td className="mono">{entry.action}</td>
                <td className="mono truncate">{entry.target}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
