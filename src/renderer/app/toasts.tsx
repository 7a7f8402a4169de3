/**
 * Toast notifications: errors say what failed in the UI's language, successes confirm an action.
 * A toast is worded when it renders, not when it is raised, so one still showing when the agent
 * switches the language is said in the new one.
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { describeError } from '../components/describe-error.ts';
import { Icon } from '../components/Icon.tsx';
import { isEditable } from '../components/keys.ts';
import { useWindowKeydown } from '../components/useWindowKeydown.ts';
import { useT, type MessageKey, type Translate } from '../i18n/i18n.tsx';

type ToastKind = 'error' | 'success';
/** A success message, worded in whatever language the UI has while it shows. */
export type ToastText = (translate: Translate) => string;
/** A button on a success toast, e.g. Undo; the toast closes when it is pressed. */
export interface ToastAction {
  label: MessageKey;
  /** May return the work it starts: the focus is put back once that settles. */
  run(): void | Promise<unknown>;
  /**
   * Where the focus goes once the action is done, e.g. the row an undo brought back; looked for
   * until it shows. Without it (or while it finds nothing), the element focused when the toast was raised.
   */
  focusAfter?: () => HTMLElement | null;
}

interface Toast {
  id: number;
  kind: ToastKind;
  message: ToastText;
  action?: ToastAction;
  /** What had the focus when the toast was raised: the place to come back to after its action. */
  origin: Element | null;
}

interface Toaster {
  success(message: ToastText, action?: ToastAction): void;
  error(error: unknown): void;
}

const ToastContext = createContext<Toaster | null>(null);

const visibleFor = { success: 3_500, error: 8_000 } as const;
/** Long enough to notice a mistake and reach for Undo. */
const visibleWithAction = 10_000;
/** At most this many toasts show at once; older ones fold into one button that shows them again. */
const shownAtOnce = 3;
/** How long the focus waits for the item an action restores (its list reloads after the call). */
const focusWait = 3_000;

/**
 * Pressing the toast's button removed it and dropped the focus to the page: once the action is done
 * the focus goes to what it restored, else back where it was, unless the agent has moved it meanwhile.
 */
function restoreFocus(toast: Toast, done: Promise<unknown>): void {
  const deadline = performance.now() + focusWait;
  const attempt = () => {
    const focused = document.activeElement;
    if (focused !== null && focused !== document.body) return;
    const target = toast.action?.focusAfter?.() ?? (toast.origin instanceof HTMLElement && toast.origin.isConnected ? toast.origin : null);
    if (target) target.focus();
    else if (performance.now() < deadline) requestAnimationFrame(attempt);
  };
  void done.finally(attempt);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const [expanded, setExpanded] = useState(false);
  const nextId = useRef(1);
  const t = useT();

  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  const push = useCallback(
    (kind: ToastKind, message: ToastText, action?: ToastAction) => {
      const id = nextId.current++;
      const origin = document.activeElement === document.body ? null : document.activeElement;
      setToasts((current) => [...current, { id, kind, message, origin, ...(action ? { action } : {}) }]);
      // Something new folds the older ones again: the cap is what keeps them off the work.
      setExpanded(false);
      setTimeout(() => dismiss(id), action ? visibleWithAction : visibleFor[kind]);
    },
    [dismiss],
  );
  // Ctrl/⌘+Z outside a text field (where it undoes typing) presses the newest Undo on screen: the
  // keyboard's way to it, which Tab reaches only across the whole page.
  useWindowKeydown((event) => {
    if (event.defaultPrevented || event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || isEditable(event.target)) return;
    const newest = toasts.findLast((toast) => toast.action?.label === 'common.undo');
    if (!newest) return;
    event.preventDefault();
    runAction(newest);
  });

  const runAction = (toast: Toast) => {
    dismiss(toast.id);
    if (toast.action) restoreFocus(toast, Promise.resolve(toast.action.run()));
  };

  const toaster = useMemo<Toaster>(
    () => ({ success: (message, action) => push('success', message, action), error: (error) => push('error', (translate) => describeError(translate, error)) }),
    [push],
  );

  // Unfolded, the older toasts stay shown until they have all gone.
  if (expanded && toasts.length <= shownAtOnce) setExpanded(false);
  const shown = expanded ? toasts : toasts.slice(-shownAtOnce);
  const folded = toasts.length - shown.length;

  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <div className="toasts" aria-live="polite" data-testid="toasts">
        {folded > 0 && (
          <button type="button" className="button small toast-more" data-testid="toast-more" onClick={() => setExpanded(true)}>
            {t('toasts.more', { n: folded })}
          </button>
        )}
        {shown.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} data-testid={`toast-${toast.kind}`}>
            <Icon name={toast.kind === 'error' ? 'alert' : 'check'} />
            <span className="toast-message">{toast.message(t)}</span>
            {toast.action && (
              <button
                type="button"
                className="button small"
                data-testid="toast-action"
                onClick={() => runAction(toast)}
              >
                {t(toast.action.label)}
              </button>
            )}
            <button type="button" className="icon-button" aria-label={t('common.close')} onClick={() => dismiss(toast.id)}>
              <Icon name="close" />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Toaster {
  const toaster = useContext(ToastContext);
  if (!toaster) throw new Error('useToast outside ToastProvider');
  return toaster;
}
