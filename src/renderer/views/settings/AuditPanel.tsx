import { useApiData } from '../../app/api.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useLanguage, useT, type MessageKey } from '../../i18n/i18n.tsx';

/** Who acted, in the agent's language; agents' own names show as stored. */
const actorLabels: Record<string, MessageKey> = {
  agent: 'audit.actor.agent',
  assistant: 'audit.actor.assistant',
  customer: 'audit.actor.customer',
  note: 'audit.actor.note',
};

/** What was done, in words; the method name stays in the row's tooltip for support. An action added later without words here shows its method name. */
const actionLabels: Record<string, MessageKey> = {
  'chat.suggest': 'audit.action.chat.suggest',
  'chat.escalate': 'audit.action.chat.escalate',
  'chat.autoReply': 'audit.action.chat.autoReply',
  'chat.send': 'audit.action.chat.send',
  'chat.setStatus': 'audit.action.chat.setStatus',
  'chat.assign': 'audit.action.chat.assign',
  'chat.clearEscalation': 'audit.action.chat.clearEscalation',
  'chat.export': 'audit.action.chat.export',
  'reviews.setStatus': 'audit.action.reviews.setStatus',
  'reviews.assign': 'audit.action.reviews.assign',
  'reviews.reply': 'audit.action.reviews.reply',
  'reviews.setLabel': 'audit.action.reviews.setLabel',
  'reviews.withdrawLabel': 'audit.action.reviews.withdrawLabel',
  'reviews.retrain': 'audit.action.reviews.retrain',
  'reviews.useModel': 'audit.action.reviews.useModel',
  'macros.create': 'audit.action.macros.create',
  'macros.update': 'audit.action.macros.update',
  'macros.delete': 'audit.action.macros.delete',
  'system.updateSettings': 'audit.action.system.updateSettings',
  'system.import': 'audit.action.system.import',
  'vision.learn': 'audit.action.vision.learn',
};

const shownEntries = 50;

export function AuditPanel() {
  const t = useT();
  const language = useLanguage();
  const inWords = (labels: Record<string, MessageKey>, value: string) => {
    const key = labels[value];
    return key ? t(key) : value;
  };
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
              <tr key={entry.id} title={`${entry.action} ${entry.detail}`} data-action={entry.action}>
                <td className="nowrap">{formatDateTime(entry.at, language)}</td>
                <td>{inWords(actorLabels, entry.actor)}</td>
                <td>{inWords(actionLabels, entry.action)}</td>
                <td className="mono truncate">{entry.target}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
