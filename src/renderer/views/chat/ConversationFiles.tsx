/** Conversation import (JSON or CSV transcripts, through the importer) and export, from the chat list. */
import { useRef, useState } from 'react';
import { useApi } from '../../app/api.tsx';
import { useToast } from '../../app/toasts.tsx';
import { downloadText } from '../../components/download.ts';
import { Icon } from '../../components/Icon.tsx';
import { useT } from '../../i18n/i18n.tsx';

export function ConversationFiles() {
  const t = useT();
  const api = useApi();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      toast.error(error);
    } finally {
      setBusy(false);
    }
  };

  const exportAs = (format: 'json' | 'csv') =>
    run(async () => {
      const exported = await api.call('chat.export', { format });
      downloadText(exported.fileName, exported.mime, exported.content);
      toast.success((translate) => translate('settings.exported', { file: exported.fileName }));
    });

  const importFile = (file: File) =>
    run(async () => {
      const result = await api.call('system.import', { kind: 'conversations', fileName: file.name, content: await file.text() });
      toast.success((translate) => translate('settings.importDone', { file: result.file, rows: result.rows, inserted: result.inserted, updated: result.updated }));
    });

  return (
    <div className="conversation-files">
      <button type="button" className="button ghost small" disabled={busy} data-testid="conversations-import" onClick={() => fileInput.current?.click()}>
        <Icon name="upload" size={14} />
        {t('chat.import')}
      </button>
      <input
        ref={fileInput}
        type="file"
        hidden
        accept=".json,.jsonl,.csv,application/json,text/csv"
        data-testid="conversations-import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
      <button type="button" className="button ghost small" disabled={busy} data-testid="conversations-export-json" onClick={() => void exportAs('json')}>
        <Icon name="download" size={14} />
        {t('chat.exportJson')}
      </button>
      <button type="button" className="button ghost small" disabled={busy} data-testid="conversations-export-csv" onClick={() => void exportAs('csv')}>
        <Icon name="download" size={14} />
        {t('chat.exportCsv')}
      </button>
    </div>
  );
}
