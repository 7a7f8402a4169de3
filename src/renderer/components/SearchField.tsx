import { Icon } from './Icon.tsx';

/** A search box with its icon; `label` is both the placeholder and the accessible name. */
export function SearchField({ label, value, testId, grow = false, onChange }: { label: string; value: string; testId: string; grow?: boolean; onChange: (value: string) => void }) {
  return (
    <label className={`field search-field ${grow ? 'grow' : ''}`}>
      <Icon name="search" size={16} />
      <span className="visually-hidden">{label}</span>
      <input type="search" placeholder={label} value={value} data-testid={testId} onChange={(event) => onChange(event.target.value)} />
    </label>
  );
}
