/**
 * Fills `{{group.field}}` variables of a macro. Unknown or empty variables stay as written
 * and are reported, so an agent sees the gap instead of a reply with a silent hole.
 */
import type { Customer, Order } from '../../shared/types.ts';
import { statusWordsZh } from './order-answers.ts';

export interface MacroValues {
  customer: Customer | null;
  order: Order | null;
  agentName: string;
}

/** Latin names give their first word; Chinese names are used whole, as a greeting would. */
export function firstName(name: string): string {
  const trimmed = name.trim();
  if (/\p{Script=Han}/u.test(trimmed)) return trimmed;
  return trimmed.split(/\s+/)[0] ?? trimmed;
}

/** A macro written in Chinese: its order status is said in Chinese too, not as the store's English code. */
function isChinese(body: string): boolean {
  return /\p{Script=Han}/u.test(body);
}

function variableValue(name: string, values: MacroValues, chinese: boolean): string | null {
  const { customer, order } = values;
  switch (name) {
    case 'customer.first_name':
      return customer ? firstName(customer.name) : null;
    case 'customer.name':
      return customer?.name ?? null;
    case 'customer.email':
      return customer?.email ?? null;
    case 'order.number':
      return order?.number ?? null;
    case 'order.status':
      if (!order) return null;
      return chinese ? statusWordsZh[order.status] : order.status;
    case 'order.carrier':
      return order?.carrier ?? null;
    // Both spellings are in use: the demo macros say tracking_number, agents type tracking.
    case 'order.tracking':
    case 'order.tracking_number':
      return order?.trackingNumber ?? null;
    case 'agent.name':
      return values.agentName;
    default:
      return null;
  }
}

export const macroVariablePattern = /\{\{\s*([a-z_]+\.[a-z_]+)\s*\}\}/g;

export function fillMacro(body: string, values: MacroValues): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const chinese = isChinese(body);
  const text = body.replace(macroVariablePattern, (written, name: string) => {
    const value = variableValue(name, values, chinese);
    if (value === null || value === '') {
      missing.add(name);
      return written;
    }
    return value;
  });
  return { text, missing: [...missing] };
}
