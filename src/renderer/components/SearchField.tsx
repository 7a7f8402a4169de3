import type { InputHTMLAttributes, Ref } from 'react';
import { Icon } from './Icon.tsx';

/**
 * A search box with its icon; `label` is both the placeholder and the accessible name. `inputProps`
 * reach the input itself, for a search that drives a list (combobox roles, arrow keys).
 */
export function SearchField({
  label,
  value,
  testId,
  grow = false,
  onChange,
  inputProps,
  inputRef,
}: {
  label: string;
  value: string;
  testId: string;
  grow?: boolean;
  onChange: (value: string) => void;
  inputProps?: InputHTMLAttributes<HTMLInputElement>;
  inputRef?: Ref<HTMLInputElement>;
}) {
  return (
    <label className={`field search-field ${grow ? 'grow' : ''}`}>
      <Icon name="search" size={16} />
      <span className="visually-hidden">{label}</span>
      <input {...inputProps} ref={inputRef} type="search" placeholder={label} value={value} data-testid={testId} onChange={(event) => onChange(event.target.value)} />
    </label>
  );
}
