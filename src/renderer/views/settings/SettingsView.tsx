/** Settings: appearance, the assistant and macros, import and export, demo data, system information, models and the audit log. */
import { useState } from 'react';
import { useApi } from '../../app/api.tsx';
import type { Route } from '../../app/routes.ts';
import { useToast } from '../../app/toasts.tsx';
import { Icon } from '../../components/Icon.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { AppearancePanel } from './AppearancePanel.tsx';
import { AssistantPanel } from './AssistantPanel.tsx';
import { AuditPanel } from './AuditPanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { MacrosPanel } from './MacrosPanel.tsx';
import { SystemPanel } from './SystemPanel.tsx';

function DemoPanel() {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    try {
      await api.call('system.createDemo', {});
      toast.success((translate) => translate('welcome.demoCreated'));
    } catch (error) {
      toast.error(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('settings.demo')}</h2>
      <p className="muted">{t('settings.demoHint')}</p>
      <button type="button" className="button" disabled={busy} data-testid="create-demo" onClick={() => void create()}>
        <Icon name="sparkle" size={16} />
        {t('welcome.demo')}
      </button>
    </section>
  );
}

export function SettingsView({ route }: { route: Extract<Route, { view: 'settings' }> }) {
  return (
    <div className="settings-layout">
      <div className="settings-column">
        <AppearancePanel />
        <AssistantPanel />
        <MacrosPanel />
        <ImportPanel focusRequest={route.section === 'import' ? route : null} />
        <ExportPanel />
        <DemoPanel />
      </div>
      <div className="settings-column">
        <SystemPanel />
        <AuditPanel />
      </div>
    </div>
  );
}
