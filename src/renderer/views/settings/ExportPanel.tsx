import { useState } from 'react';
import { importKinds, type ImportKind } from '../../../shared/types.ts';
import { useApi } from '../../app/api.tsx';
import { useToast } from '../../app/toasts.tsx';
import { downloadText } from '../../components/download.ts';
import { Icon } from '../../components/Icon.tsx';
import { useT } from '../../i18n/i18n.tsx';

export function ExportPanel() {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const [busy, setBusy] = useState<ImportKind | null>(null);

  const run = async (kind: ImportKind) => {
    setBusy(kind);
    try {
      const exported = await api.call('system.export', { kind });
      downloadText(exported.fileName, exported.mime, exported.content);
      toast.success((translate) => translate('settings.exported', { file: exported.fileName }));
    } catch (error) {
      toast.error(error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('settings.export')}</h2>
      <p className="muted">{t('settings.exportHint')}</p>
      <div className="button-row">
        {importKinds.map((kind) => (
          <button key={kind} type="button" className="button" disabled={busy !== null} data-testid={`export-${kind}`} onClick={() => void run(kind)}>
            <Icon name="download" size={16} />
            {t(`kind.${kind}`)}
          </button>
        ))}
      </div>
    </section>
  );
}
