function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.userAgent);
}

/** The name of the command modifier on this platform, as shortcut hints should show it. */
export function modifierKey(): string {
  return isMac() ? '⌘' : 'Ctrl';
}

/** Whether a key press is typing into a field, where single-letter shortcuts must not fire. */
export function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The platform's Back keys, as browsers take them: Alt+← on Windows and Linux, ⌘+[ or ⌘+← on a Mac. */
export function isBackKey(event: KeyboardEvent): boolean {
  if (event.shiftKey || event.ctrlKey) return false;
  if (isMac()) return event.metaKey && !event.altKey && (event.key === '[' || event.key === 'ArrowLeft');
  return event.altKey && !event.metaKey && event.key === 'ArrowLeft';
}

/** The keys of the Back shortcut as the help lists them. */
export function backKeys(): string[] {
  return isMac() ? ['⌘', '['] : ['Alt', '←'];
}
