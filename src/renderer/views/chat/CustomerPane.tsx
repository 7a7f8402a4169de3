/**
 * The customer column beside the thread. Narrow windows have no room for it: there it is hidden until
 * the thread's "Customer" button or the i key opens it as a drawer over the thread, and Escape closes it.
 */
import type { ReactNode } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { isEditable } from '../../components/keys.ts';
import { useWindowKeydown } from '../../components/useWindowKeydown.ts';
import { useT } from '../../i18n/i18n.tsx';

export const customerPaneId = 'chat-customer-pane';
export const customerPaneKey = 'i';

export function CustomerPane({ open, onOpenChange, children }: { open: boolean; onOpenChange: (open: boolean) => void; children: ReactNode }) {
  const t = useT();
  useWindowKeydown((event) => {
    // defaultPrevented: someone closer took the key (Escape closing the macro picker).
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || document.querySelector('dialog[open]')) return;
    if (event.key === 'Escape' && open) onOpenChange(false);
    else if (event.key === customerPaneKey && !isEditable(event.target)) onOpenChange(!open);
    else return;
    event.preventDefault();
  });

  return (
    <aside id={customerPaneId} className={`pane side-pane ${open ? 'open' : ''}`} aria-label={t('customer.profile')} data-testid="customer-pane">
      <button type="button" className="icon-button side-pane-close" aria-label={t('common.close')} data-testid="customer-pane-close" onClick={() => onOpenChange(false)}>
        <Icon name="close" size={16} />
      </button>
      {children}
    </aside>
  );
}
