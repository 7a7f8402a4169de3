/** Lets the agent write as the customer, to try the assistant on a conversation. */
import { useRef, useState } from 'react';
import { useT } from '../../i18n/i18n.tsx';

export function CustomerSimulator({ onSend }: { onSend: (body: string) => Promise<boolean> }) {
  const t = useT();
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  return (
    <details className="simulator" data-testid="simulator">
      {/* The hint shares the summary's line: the open simulator takes two lines from the thread, not three. */}
      <summary>
        {t('chat.simulator.title')} <span className="simulator-hint">· {t('chat.simulator.hint')}</span>
      </summary>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (body.trim() === '' || sending) return;
          setSending(true);
          void onSend(body).then((sent) => {
            setSending(false);
            if (sent) setBody('');
            // The disabled Send button dropped the focus: back to the field, ready for the next message.
            input.current?.focus();
          });
        }}
      >
        <input ref={input} value={body} placeholder={t('chat.simulator.placeholder')} aria-label={t('chat.simulator.placeholder')} data-testid="simulator-input" onChange={(event) => setBody(event.target.value)} />
        <button type="submit" className="button" disabled={sending || body.trim() === ''} data-testid="simulator-send">
          {t('chat.simulator.send')}
        </button>
      </form>
    </details>
  );
}
