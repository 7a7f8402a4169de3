/** Ctrl/Cmd+K: a fuzzy-filtered list of commands, driven by arrow keys and Enter. */
import { useMemo, useState } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { Dialog } from './Dialog.tsx';
import { fuzzyScore } from './fuzzy.ts';
import { Icon, type IconName } from './Icon.tsx';

export interface Command {
  id: string;
  label: string;
  icon: IconName;
  hint?: string;
  run(): void;
}

export function CommandPalette({ commands, searchCommand, onClose }: { commands: Command[]; searchCommand: (query: string) => Command; onClose: () => void }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  const shown = useMemo(() => {
    const ranked = commands
      .map((command) => ({ command, score: fuzzyScore(query, command.label) }))
      .filter((entry): entry is { command: Command; score: number } => entry.score !== null)
      .sort((a, b) => b.score - a.score)
      .map((entry) => entry.command);
    return query.trim() ? [...ranked, searchCommand(query.trim())] : ranked;
  }, [commands, query, searchCommand]);

  const run = (command: Command | undefined) => {
    if (!command) return;
    onClose();
    command.run();
  };

  return (
    <Dialog label={t('palette.label')} onClose={onClose} className="palette" testId="command-palette">
      <div className="palette-search">
        <Icon name="search" />
        <input
          autoFocus
          aria-label={t('palette.label')}
          placeholder={t('palette.placeholder')}
          value={query}
          data-testid="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={shown[active] ? `palette-${shown[active].id}` : undefined}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              event.preventDefault();
              setActive((index) => Math.min(index + 1, shown.length - 1));
            } else if (event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((index) => Math.max(index - 1, 0));
            } else if (event.key === 'Enter') {
              event.preventDefault();
              run(shown[active]);
            }
          }}
        />
        <kbd>Esc</kbd>
      </div>
      <ul className="palette-list" id="palette-list" role="listbox" aria-label={t('palette.label')}>
        {shown.length === 0 && <li className="palette-empty">{t('palette.empty')}</li>}
        {shown.map((command, index) => (
          <li
            key={command.id}
            id={`palette-${command.id}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'active' : undefined}
            data-testid="palette-item"
            onMouseMove={() => setActive(index)}
            onClick={() => run(command)}
          >
            <Icon name={command.icon} />
            <span className="palette-label">{command.label}</span>
            {command.hint && <kbd>{command.hint}</kbd>}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
