/** First run: demo store, import, or empty. Any choice marks the user as onboarded. */
import { useState } from 'react';
import { useApi } from '../app/api.tsx';
import { useSettings } from '../app/settings.tsx';
import { useToast } from '../app/toasts.tsx';
import { useT } from '../i18n/i18n.tsx';
import { Dialog } from './Dialog.tsx';
import { Icon, type IconName } from './Icon.tsx';

export function Welcome({ onImport }: { onImport: () => void }) {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const { update } = useSettings();
  const [busy, setBusy] = useState(false);

  const choose = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      await update({ onboarded: true });
    } catch (error) {
      toast.error(error);
    } finally {
      setBusy(false);
    }
  };

  const choices: { id: string; icon: IconName; title: string; hint: string; action: () => Promise<void> }[] = [
    {
      id: 'demo',
      icon: 'sparkle',
      title: t('welcome.demo'),
      hint: t('welcome.demoHint'),
      action: async () => {
        await api.call('system.createDemo', {});
        toast.success((translate) => translate('welcome.demoCreated'));
      },
    },
    { id: 'import', icon: 'upload', title: t('welcome.import'), hint: t('welcome.importHint'), action: async () => onImport() },
    { id: 'empty', icon: 'box', title: t('welcome.empty'), hint: t('welcome.emptyHint'), action: async () => undefined },
  ];

  return (
    <Dialog label={t('welcome.title')} onClose={() => undefined} className="welcome" testId="welcome">
      <div className="welcome-mark">
        <Icon name="chat" size={28} />
      </div>
      <h2>{t('welcome.title')}</h2>
      <p className="muted">{t('welcome.body')}</p>
      <div className="welcome-choices">
        {choices.map((choice) => (
          <button key={choice.id} type="button" className="welcome-choice" disabled={busy} data-testid={`welcome-${choice.id}`} onClick={() => void choose(choice.action)}>
            <Icon name={choice.icon} size={22} />
            <span>
              <strong>{choice.title}</strong>
              <span className="muted">{choice.hint}</span>
            </span>
          </button>
        ))}
      </div>
    </Dialog>
  );
}
