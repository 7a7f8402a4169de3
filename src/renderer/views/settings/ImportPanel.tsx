import { useEffect, useRef, useState } from 'react';
import { importKinds, type ImportKind, type ImportResult } from '../../../shared/types.ts';
import { useApi } from '../../app/api.tsx';
import { useToast } from '../../app/toasts.tsx';
import { describeError } from '../../components/describe-error.ts';
import { Icon } from '../../components/Icon.tsx';
import { useT } from '../../i18n/i18n.tsx';

type Outcome = { ok: true; result: ImportResult } | { ok: false; error: unknown } | null;

/** `focusRequest` changes each time a command asks for the import form, which then scrolls into view. */
export function ImportPanel({ focusRequest }: { focusRequest: object | null }) {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const [kind, setKind] = useState<ImportKind>('products');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const section = useRef<HTMLElement>(null);
  const kindSelect = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    if (!focusRequest) return;
    section.current?.scrollIntoView({ block: 'start' });
    kindSelect.current?.focus();
  }, [focusRequest]);

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const content = await file.text();
      const result = await api.call('system.import', { kind, fileName: file.name, content });
      setOutcome({ ok: true, result });
      toast.success((translate) => translate('settings.importDone', { file: result.file, rows: result.rows, inserted: result.inserted, updated: result.updated }));
    } catch (error) {
      // Said where the panel renders it, so it names the file, row and field in the UI's current language until the next attempt.
      setOutcome({ ok: false, error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" ref={section} aria-labelledby="import-title" data-testid="import-panel">
      <h2 id="import-title">{t('settings.import')}</h2>
      <p className="muted">{t('settings.importHint')}</p>
      <form
        className="import-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <label className="stacked">
          <span className="form-label">{t('settings.importKind')}</span>
          <select ref={kindSelect} value={kind} data-testid="import-kind" onChange={(event) => setKind(event.target.value as ImportKind)}>
            {importKinds.map((value) => (
              <option key={value} value={value}>
                {t(`kind.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="stacked grow">
          <span className="form-label">{t('settings.importFile')}</span>
          <input
            type="file"
            accept=".csv,.jsonl,.json,.ndjson,.txt,text/csv,application/json"
            data-testid="import-file"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setOutcome(null);
            }}
          />
        </label>
        <button type="submit" className="button primary" disabled={!file || busy} data-testid="import-run">
          <Icon name="upload" size={16} />
          {busy && file ? t('settings.importing', { file: file.name }) : t('settings.importRun')}
        </button>
      </form>
      {outcome?.ok === true && (
        <p className="callout success" role="status" data-testid="import-result">
          {t('settings.importDone', { file: outcome.result.file, rows: outcome.result.rows, inserted: outcome.result.inserted, updated: outcome.result.updated })}
        </p>
      )}
      {outcome?.ok === false && (
        <div className="callout error" role="alert" data-testid="import-error">
          <strong>{t('settings.importFailed')}</strong>
          <p>{describeError(t, outcome.error)}</p>
        </div>
      )}
    </section>
  );
}
