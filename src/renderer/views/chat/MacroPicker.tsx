/** The macro list shown while the agent types "/name" or "#name" in the composer. */
import type { Macro } from '../../../shared/types.ts';
import { useApiData } from '../../app/api.tsx';
import { useT } from '../../i18n/i18n.tsx';

export function MacroPicker({ query, highlighted, onPick, onMatches }: { query: string; highlighted: number; onPick: (macro: Macro) => void; onMatches: (macros: Macro[]) => void }) {
  const t = useT();
  const macros = useApiData(
    async (client) => {
      const found = await client.call('macros.list', { query });
      onMatches(found);
      return found;
    },
    query,
    ['macros'],
  );
  return (
    <ul className="macro-picker" role="listbox" aria-label={t('chat.macros.label')} data-testid="macro-picker">
      {macros.data?.length === 0 && <li className="empty-state">{t('chat.macros.none')}</li>}
      {macros.data?.slice(0, 8).map((macro, index) => (
        <li
          key={macro.id}
          role="option"
          aria-selected={index === highlighted}
          className={index === highlighted ? 'active' : ''}
          data-testid="macro-option"
          // mousedown, not click: the textarea must keep focus and its caret.
          onMouseDown={(event) => {
            event.preventDefault();
            onPick(macro);
          }}
        >
          <span className="macro-name">{macro.name}</span>
          {macro.shortcut && <kbd>{macro.shortcut}</kbd>}
        </li>
      ))}
    </ul>
  );
}
