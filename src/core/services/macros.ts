/** Macros: canned replies agents insert from the composer, and the assistant offers by intent. */
import { randomUUID } from 'node:crypto';
import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import { reason } from '../../shared/error-reasons.ts';
import type { Customer, Macro, Order } from '../../shared/types.ts';
import { fillMacro } from '../assistant/macro-variables.ts';
import { audit, type CoreContext } from '../context.ts';
import { InvalidArgumentError, NotFoundError } from '../errors.ts';
import { extractEntities } from '../intents/entities.ts';
import { likePattern } from './catalog.ts';
import { conversationRowId } from './chat.ts';
import { getOrder } from './customers.ts';
import { getSettings } from './settings.ts';

const macroSelect = 'SELECT external_id AS id, name, shortcut, body, intent FROM macros';

/** Longest macro body; canned replies are a few paragraphs. */
const maximumBodyLength = 10_000;

function checked(field: 'name' | 'shortcut' | 'body' | 'intent', value: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new InvalidArgumentError(reason(`macros.${field}_empty`));
  if (field === 'body' ? trimmed.length > maximumBodyLength : trimmed.length > 120) throw new InvalidArgumentError(reason(`macros.${field}_too_long`));
  if (field === 'shortcut' && /\s/.test(trimmed)) throw new InvalidArgumentError(reason('macros.shortcut_has_space', { shortcut: trimmed }));
  return trimmed;
}

/** Macros whose name or shortcut contains the query (case-insensitive), shortcut matches first. */
export function listMacros(context: CoreContext, args: ApiArgs<'macros.list'>): ApiResult<'macros.list'> {
  const query = args.query?.trim() ?? '';
  if (query === '') return context.db.prepare(`${macroSelect} ORDER BY name`).all() as Macro[];
  return context.db
    .prepare(
      `${macroSelect} WHERE name LIKE @pattern ESCAPE '\\' OR shortcut LIKE @pattern ESCAPE '\\'
       ORDER BY (shortcut LIKE @prefix ESCAPE '\\') DESC, name`,
    )
    .all({ pattern: likePattern(query), prefix: `${likePattern(query).slice(1)}` }) as Macro[];
}

export function getMacro(context: CoreContext, id: string): Macro {
  const macro = context.db.prepare(`${macroSelect} WHERE external_id = ?`).get(id) as Macro | undefined;
  if (!macro) throw new NotFoundError('macro', id);
  return macro;
}

function shortcutTaken(context: CoreContext, shortcut: string, exceptId: string | null): void {
  const owner = context.db.prepare('SELECT external_id FROM macros WHERE shortcut = ?').pluck().get(shortcut) as string | undefined;
  if (owner !== undefined && owner !== exceptId) throw new InvalidArgumentError(reason('macros.shortcut_taken', { shortcut, macro: owner }));
}

export function createMacro(context: CoreContext, args: ApiArgs<'macros.create'>): ApiResult<'macros.create'> {
  const id = `macro-${randomUUID().slice(0, 8)}`;
  const shortcut = args.shortcut === undefined || args.shortcut.trim() === '' ? null : checked('shortcut', args.shortcut);
  const intent = args.intent === undefined || args.intent.trim() === '' ? null : checked('intent', args.intent);
  if (shortcut) shortcutTaken(context, shortcut, null);
  context.db.transaction(() => {
    context.db.prepare('INSERT INTO macros (external_id, name, shortcut, body, intent) VALUES (?, ?, ?, ?, ?)').run(id, checked('name', args.name), shortcut, checked('body', args.body), intent);
    audit(context, 'agent', 'macros.create', id);
  })();
  context.events.emit('changed', { domain: 'macros' });
  return getMacro(context, id);
}

export function updateMacro(context: CoreContext, args: ApiArgs<'macros.update'>): ApiResult<'macros.update'> {
  const current = getMacro(context, args.id);
  // An empty shortcut or intent removes it; an absent one keeps it.
  const shortcut = args.shortcut === undefined ? current.shortcut : args.shortcut.trim() === '' ? null : checked('shortcut', args.shortcut);
  const intent = args.intent === undefined ? current.intent : args.intent.trim() === '' ? null : checked('intent', args.intent);
  if (shortcut) shortcutTaken(context, shortcut, args.id);
  const name = args.name === undefined ? current.name : checked('name', args.name);
  const body = args.body === undefined ? current.body : checked('body', args.body);
  context.db.transaction(() => {
    context.db
      .prepare("UPDATE macros SET name = ?, shortcut = ?, body = ?, intent = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE external_id = ?")
      .run(name, shortcut, body, intent, args.id);
    audit(context, 'agent', 'macros.update', args.id);
  })();
  context.events.emit('changed', { domain: 'macros' });
  return getMacro(context, args.id);
}

export function deleteMacro(context: CoreContext, args: ApiArgs<'macros.delete'>): ApiResult<'macros.delete'> {
  const deleted = context.db.transaction(() => {
    const { changes } = context.db.prepare('DELETE FROM macros WHERE external_id = ?').run(args.id);
    if (changes === 0) throw new NotFoundError('macro', args.id);
    audit(context, 'agent', 'macros.delete', args.id);
    return changes;
  })();
  context.events.emit('changed', { domain: 'macros' });
  return { deleted };
}

/** Writes macros by id, replacing those that exist: how the demo store gets its macros. */
export function upsertMacros(context: CoreContext, macros: readonly Macro[]): void {
  const write = context.db.prepare(
    `INSERT INTO macros (external_id, name, shortcut, body, intent) VALUES (@id, @name, @shortcut, @body, @intent)
     ON CONFLICT (external_id) DO UPDATE SET name = excluded.name, shortcut = excluded.shortcut, body = excluded.body, intent = excluded.intent`,
  );
  context.db.transaction(() => {
    for (const macro of macros) write.run(macro);
  })();
  context.events.emit('changed', { domain: 'macros' });
}

/** The customer of a conversation, with the order the conversation is about. */
interface ConversationParties {
  customer: Customer | null;
  order: Order | null;
}

/**
 * The order a conversation is about: the last order number its customer wrote that belongs
 * to them, else their most recent order. Another customer's order is never used.
 */
function conversationParties(context: CoreContext, conversationId: string, orderNumber?: string): ConversationParties {
  const rowId = conversationRowId(context, conversationId);
  const customer = context.db
    .prepare(
      `SELECT c.external_id AS id, c.name, c.email, c.phone, c.created_at AS createdAt
       FROM conversations v JOIN customers c ON c.id = v.customer_id WHERE v.id = ?`,
    )
    .get(rowId) as Customer | undefined;
  if (!customer) return { customer: null, order: null };
  const number =
    orderNumber ??
    (context.db
      .prepare(
        `SELECT o.number FROM orders o JOIN customers c ON c.id = o.customer_id
         WHERE c.external_id = ? ORDER BY o.placed_at DESC LIMIT 1`,
      )
      .pluck()
      .get(customer.id) as string | undefined);
  if (number === undefined) return { customer, order: null };
  try {
    const order = getOrder(context, { number });
    return { customer, order: order.customerId === customer.id ? order : null };
  } catch (error) {
    if (error instanceof NotFoundError) return { customer, order: null };
    throw error;
  }
}

/** The order number the customer wrote last in the conversation, if any. */
function mentionedOrderNumber(context: CoreContext, conversationId: string): string | undefined {
  const bodies = context.db
    .prepare("SELECT body FROM messages WHERE conversation_id = ? AND author = 'customer' ORDER BY created_at DESC, id DESC LIMIT 20")
    .pluck()
    .all(conversationRowId(context, conversationId)) as string[];
  for (const body of bodies) {
    const order = extractEntities(body).find((entity) => entity.type === 'order');
    if (order) return order.value;
  }
  return undefined;
}

/** `orderNumber` when the caller already knows which order the reply is about. */
export function renderMacro(context: CoreContext, args: ApiArgs<'macros.render'>, orderNumber?: string): ApiResult<'macros.render'> {
  const macro = getMacro(context, args.id);
  const parties = conversationParties(context, args.conversationId, orderNumber ?? mentionedOrderNumber(context, args.conversationId));
  return { macroId: macro.id, ...fillMacro(macro.body, { ...parties, agentName: getSettings(context).agentName }) };
}
