import { useState } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { modifierKey } from '../../components/keys.ts';
import { useT } from '../../i18n/i18n.tsx';

type Mode = 'agent' | 'note';

/** Reply or internal note; Ctrl/Cmd+Enter sends. The draft is kept when sending fails. */
export function Composer({ onSend }: { onSend: (author: Mode, body: string) => Promise<boolean> }) {
  const t = useT();
  const [mode, setMode] = useState<Mode>('agent');
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);

  const send = async () => {
    if (draft.trim() === '' || sending) return;
    setSending(true);
    const sent = await onSend(mode, draft);
    setSending(false);
    if (sent) setDraft('');
  };

  return (
    <form
      className={`composer composer-${mode}`}
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <div className="composer-modes" role="group" aria-label={t('chat.composer.label')}>
        <button type="button" className={`chip-toggle ${mode === 'agent' ? 'active' : ''}`} aria-pressed={mode === 'agent'} data-testid="composer-reply" onClick={() => setMode('agent')}>
          <Icon name="send" size={14} />
          {t('chat.composer.reply')}
        </button>
        <button type="button" className={`chip-toggle ${mode === 'note' ? 'active' : ''}`} aria-pressed={mode === 'note'} data-testid="composer-note" onClick={() => setMode('note')}>
          <Icon name="note" size={14} />
          {t('chat.composer.note')}
        </button>
      </div>
      <textarea
        aria-label={t('chat.composer.label')}
        placeholder={mode === 'agent' ? t('chat.composer.placeholder') : t('chat.composer.notePlaceholder')}
        value={draft}
        rows={3}
        data-testid="composer-input"
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void send();
          }
        }}
      />
      <div className="composer-actions">
        <kbd>{modifierKey()} Enter</kbd>
        <button type="submit" className="button primary" disabled={sending || draft.trim() === ''} data-testid="composer-send">
          {mode === 'agent' ? t('chat.composer.send') : t('chat.composer.addNote')}
        </button>
      </div>
    </form>
  );
}
