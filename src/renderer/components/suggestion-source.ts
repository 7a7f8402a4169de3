/** Where a suggested reply comes from, in the UI's language: orders and the return policy from their structured note, articles and macros by their own title. */
import type { Suggestion } from '../../shared/types.ts';
import type { Translate } from '../i18n/i18n.tsx';

export function describeSource(t: Translate, source: Suggestion['source']): string {
  const note = source.note;
  if (!note) return source.title;
  switch (note.kind) {
    case 'order':
      return t('chat.source.order', { number: note.number, status: t(`order.status.${note.status}`) });
    case 'order_not_found':
      return t('chat.source.orderNotFound', { number: note.number });
    case 'customer_unknown':
      return note.number === null ? t('chat.source.customerUnknownNoNumber') : t('chat.source.customerUnknown', { number: note.number });
    case 'no_order':
      return t('chat.source.noOrder');
    case 'return_window':
      return t('chat.source.returnWindow', { days: note.days });
  }
}
