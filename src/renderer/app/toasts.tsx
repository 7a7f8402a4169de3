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
  run(): void;
}

interface Toast {
  id: number;
  kind: ToastKind;
  message: ToastText;
  action?: ToastAction;
}

interface Toaster {
  success(message: ToastText, action?: ToastAction): void;
  error(error: unknown): void;
}

const ToastContext = createContext<Toaster | null>(null);

const visibleFor = { success: 3_500, error: 8_000 } as const;
/** Long enough to notice a mistake and reach for Undo. */
const visibleWithAction = 10_000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const t = useT();

  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  const push = useCallback(
    (kind: ToastKind, message: ToastText, action?: ToastAction) => {
      const id = nextId.current++;
      setToasts((current) => [...current.slice(-3), { id, kind, message, ...(action ? { action } : {}) }]);
      setTimeout(() => dismiss(id), action ? visibleWithAction : visibleFor[kind]);
    },
    [dismiss],
  );
  // Ctrl/⌘+Z outside a text field (where it undoes typing) presses the newest Undo on screen: the
  // keyboard's way to it, which Tab reaches only across the whole page.
  useWindowKeydown((event) => {
    if (event.defaultPrevented || event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || isEditable(event.target)) return;
    const newest = toasts.findLast((toast) => toast.action?.label === 'common.undo');
    if (!newest?.action) return;
    event.preventDefault();
    dismiss(newest.id);
    newest.action.run();
  });

  const toaster = useMemo<Toaster>(
    () => ({ success: (message, action) => push('success', message, action), error: (error) => push('error', (translate) => describeError(translate, error)) }),
    [push],
  );

  return (
    <ToastContext.Provider value={toaster}>
      {children}
      <div className="toasts" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} data-testid={`toast-${toast.kind}`}>
            <Icon name={toast.kind === 'error' ? 'alert' : 'check'} />
            <span className="toast-message">{toast.message(t)}</span>
            {toast.action && (
              <button
                type="button"
                className="button small"
                data-testid="toast-action"
                onClick={() => {
                  dismiss(toast.id);
                  toast.action?.run();
                }}
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
