/** The "?" overlay listing every keyboard shortcut. */
import { useT, type MessageKey } from '../i18n/i18n.tsx';
import { Dialog } from './Dialog.tsx';
import { backKeys, modifierKey } from './keys.ts';

function shortcutList(modifier: string): { keys: string[]; label: MessageKey }[] {
  return [
    { keys: [modifier, 'K'], label: 'shortcuts.palette' },
    { keys: ['?'], label: 'shortcuts.help' },
    { keys: ['g', 'c'], label: 'shortcuts.goChat' },
    { keys: ['g', 'r'], label: 'shortcuts.goReviews' },
    { keys: ['g', 'p'], label: 'shortcuts.goProducts' },
    { keys: ['g', 'u'], label: 'shortcuts.goCustomers' },
    { keys: ['g', 's'], label: 'shortcuts.goSettings' },
    { keys: [modifier, 'Enter'], label: 'shortcuts.send' },
    { keys: ['Alt', '1–3'], label: 'shortcuts.insertSuggestion' },
    { keys: ['/'], label: 'shortcuts.macroPicker' },
    { keys: ['Alt', 'K'], label: 'shortcuts.knowledgeSearch' },
    { keys: ['i'], label: 'shortcuts.customerPane' },
    { keys: ['j'], label: 'shortcuts.next' },
    { keys: ['k'], label: 'shortcuts.previous' },
    { keys: ['x'], label: 'shortcuts.select' },
    { keys: ['e'], label: 'shortcuts.resolve' },
    { keys: ['r'], label: 'shortcuts.reply' },
    { keys: ['a'], label: 'shortcuts.assign' },
    { keys: [modifier, 'Z'], label: 'shortcuts.undo' },
    { keys: ['↓'], label: 'shortcuts.productGrid' },
    { keys: backKeys(), label: 'shortcuts.productBack' },
    { keys: ['Esc'], label: 'shortcuts.close' },
  ];
}

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const t = useT();
  const shortcuts = shortcutList(modifierKey());
  return (
    <Dialog label={t('shortcuts.title')} onClose={onClose} className="shortcuts" testId="shortcuts-help">
      <header className="dialog-header">
        <h2>{t('shortcuts.title')}</h2>
        <button type="button" className="button ghost" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      </header>
      <dl className="shortcut-list">
        {shortcuts.map((shortcut) => (
          <div key={shortcut.label} className="shortcut-row">
            <dt>{t(shortcut.label)}</dt>
            <dd>
              {shortcut.keys.map((key, index) => (
                <span key={key}>
                  {index > 0 && <span className="shortcut-joiner">{shortcut.keys[0] === 'g' ? t('shortcuts.then') : '+'}</span>}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
