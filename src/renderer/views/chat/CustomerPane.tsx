/**
 * The customer column beside the thread. Narrow windows have no room for it: there it is hidden until
 * the thread's "Customer" button or the i key opens it as a drawer over the thread, and Escape closes it.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { isEditable } from '../../components/keys.ts';
import { useT } from '../../i18n/i18n.tsx';

export const customerPaneId = 'chat-customer-pane';
export const customerPaneKey = 'i';

export function CustomerPane({ open, onOpenChange, children }: { open: boolean; onOpenChange: (open: boolean) => void; children: ReactNode }) {
  const t = useT();
  // The latest state, for the window listener registered once.
  const keyHandler = useRef<(event: KeyboardEvent) => void>(() => undefined);
  keyHandler.current = (event) => {
    // defaultPrevented: someone closer took the key (Escape closing the macro picker).
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || document.querySelector('dialog[open]')) return;
    if (event.key === 'Escape' && open) onOpenChange(false);
    else if (event.key === customerPaneKey && !isEditable(event.target)) onOpenChange(!open);
    else return;
    event.preventDefault();
  };
  useEffect(() => {
    const listener = (event: KeyboardEvent) => keyHandler.current(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <aside id={customerPaneId} className={`pane side-pane ${open ? 'open' : ''}`} aria-label={t('customer.profile')} data-testid="customer-pane">
      <button type="button" className="icon-button side-pane-close" aria-label={t('common.close')} data-testid="customer-pane-close" onClick={() => onOpenChange(false)}>
        <Icon name="close" size={16} />
      </button>
      {children}
    </aside>
  );
}
