/** The store's policy and the assistant: automatic replies with their confidence threshold, the return window its answers apply, and the catalog's currency. */
import { useEffect, useState } from 'react';
import { useSettings } from '../../app/settings.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useLanguage, useT } from '../../i18n/i18n.tsx';

/** Every ISO 4217 code the runtime can format, named in the agent's language ("EUR — Euro"). */
function currencyOptions(language: string): { code: string; label: string }[] {
  const names = new Intl.DisplayNames(language, { type: 'currency' });
  return Intl.supportedValuesOf('currency').map((code) => ({ code, label: `${code} — ${names.of(code) ?? code}` }));
}

export function AssistantPanel() {
  const t = useT();
  const language = useLanguage();
  const toast = useToast();
  const { settings, update } = useSettings();
  const [threshold, setThreshold] = useState(String(Math.round(settings.autoReplyThreshold * 100)));
  const [returnWindow, setReturnWindow] = useState(String(settings.returnWindowDays));
  useEffect(() => setThreshold(String(Math.round(settings.autoReplyThreshold * 100))), [settings.autoReplyThreshold]);
  const [currency, setCurrency] = useState(settings.currency);
  useEffect(() => setReturnWindow(String(settings.returnWindowDays)), [settings.returnWindowDays]);
  useEffect(() => setCurrency(settings.currency), [settings.currency]);

  const save = (changes: Parameters<typeof update>[0]) =>
    update(changes).then(
      () => toast.success((translate) => translate('settings.saved')),
      (error: unknown) => toast.error(error),
    );

  return (
    <section className="card" aria-labelledby="assistant-title" data-testid="assistant-settings">
      <h2 id="assistant-title">{t('settings.assistant')}</h2>
      <label className="form-row checkbox-row">
        <input type="checkbox" checked={settings.autoReply} data-testid="auto-reply" onChange={(event) => void save({ autoReply: event.target.checked })} />
        <span>{t('settings.autoReply')}</span>
      </label>
      <p className="muted">{t('settings.autoReplyHint')}</p>
      {/* Both numbers are required: an emptied field would otherwise be sent as 0 (a return window of no days). */}
      <form
        className="form-row"
        onSubmit={(event) => {
          event.preventDefault();
          void save({ autoReplyThreshold: Number(threshold) / 100, returnWindowDays: Number(returnWindow), currency });
        }}
      >
        <label className="form-label" htmlFor="auto-reply-threshold">
          {t('settings.autoReplyThreshold')}
        </label>
        <input id="auto-reply-threshold" type="number" required min={50} max={100} step={1} value={threshold} data-testid="auto-reply-threshold" onChange={(event) => setThreshold(event.target.value)} />
        <label className="form-label" htmlFor="return-window">
          {t('settings.returnWindow')}
        </label>
        <input id="return-window" type="number" required min={0} max={365} step={1} value={returnWindow} data-testid="return-window" onChange={(event) => setReturnWindow(event.target.value)} />
        <label className="form-label" htmlFor="store-currency">
          {t('settings.currency')}
        </label>
        <select id="store-currency" value={currency} data-testid="store-currency" onChange={(event) => setCurrency(event.target.value)}>
          {currencyOptions(language).map((option) => (
            <option key={option.code} value={option.code}>
              {option.label}
            </option>
          ))}
        </select>
        <button type="submit" className="button">
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}
