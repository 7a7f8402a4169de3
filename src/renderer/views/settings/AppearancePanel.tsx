import { useEffect, useState } from 'react';
import type { Theme, UiLanguage } from '../../../shared/types.ts';
import { useSettings } from '../../app/settings.tsx';
import { useToast } from '../../app/toasts.tsx';
import { languageNames, useT } from '../../i18n/i18n.tsx';

const themes: Theme[] = ['system', 'light', 'dark'];
const languages: UiLanguage[] = ['en', 'zh-CN'];

export function AppearancePanel() {
  const t = useT();
  const toast = useToast();
  const { settings, update } = useSettings();
  const [agentName, setAgentName] = useState(settings.agentName);
  useEffect(() => setAgentName(settings.agentName), [settings.agentName]);

  const save = (changes: Parameters<typeof update>[0], confirm = false) =>
    update(changes).then(
      () => confirm && toast.success((translate) => translate('settings.saved')),
      (error: unknown) => toast.error(error),
    );

  return (
    <section className="card" aria-labelledby="appearance-title">
      <h2 id="appearance-title">{t('settings.appearance')}</h2>
      <div className="form-row">
        <span className="form-label" id="theme-label">
          {t('settings.theme')}
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby="theme-label">
          {themes.map((theme) => (
            <button key={theme} type="button" role="radio" aria-checked={settings.theme === theme} className={settings.theme === theme ? 'active' : ''} data-testid={`theme-${theme}`} onClick={() => void save({ theme })}>
              {t(`settings.theme.${theme}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="form-row">
        <span className="form-label" id="language-label">
          {t('settings.language')}
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby="language-label">
          {languages.map((language) => (
            <button key={language} type="button" role="radio" aria-checked={settings.language === language} className={settings.language === language ? 'active' : ''} data-testid={`language-${language}`} onClick={() => void save({ language })}>
              {languageNames[language]}
            </button>
          ))}
        </div>
      </div>
      <form
        className="form-row"
        onSubmit={(event) => {
          event.preventDefault();
          void save({ agentName: agentName.trim() }, true);
        }}
      >
        <label className="form-label" htmlFor="agent-name">
          {t('settings.agentName')}
        </label>
        <div className="inline-form">
          <input id="agent-name" value={agentName} maxLength={80} data-testid="agent-name" onChange={(event) => setAgentName(event.target.value)} />
          <button type="submit" className="button" disabled={agentName.trim() === '' || agentName.trim() === settings.agentName}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
