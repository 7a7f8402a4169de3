import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import { reason } from '../../shared/error-reasons.ts';
import type { ConversationStatus, ConversationSummary, Message } from '../../shared/types.ts';
import { audit, type CoreContext } from '../context.ts';
import { InvalidArgumentError, NotFoundError } from '../errors.ts';
import { getSettings } from './settings.ts';

const summarySelect = `SELECT v.external_id AS id, c.external_id AS customerId, c.name AS customerName, v.subject, v.status,
  v.unread, v.assignee, v.created_at AS createdAt, v.updated_at AS updatedAt, v.escalation, v.first_reply_at AS firstReplyAt,
  coalesce((SELECT m.body FROM messages m WHERE m.conversation_id = v.id AND m.author <> 'note' ORDER BY m.created_at DESC, m.id DESC LIMIT 1), '') AS lastMessage
  FROM conversations v LEFT JOIN customers c ON c.id = v.customer_id`;

type SummaryRow = Omit<ConversationSummary, 'unread'> & { unread: number };

function toSummary(row: SummaryRow): ConversationSummary {
  return { ...row, unread: row.unread === 1 };
}

export function listConversations(
  context: CoreContext,
  args: ApiArgs<'chat.list'> & { customerId?: string },
): ApiResult<'chat.list'> {
  const where: string[] = [];
  const parameters: Record<string, unknown> = { limit: args.limit ?? 50, offset: args.offset ?? 0 };
  if (args.status) {
    where.push('v.status = @status');
    parameters.status = args.status;
  }
  if (args.customerId) {
    where.push('c.external_id = @customerId');
    parameters.customerId = args.customerId;
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = context.db.prepare(`${summarySelect} ${filter} ORDER BY v.updated_at DESC LIMIT @limit OFFSET @offset`).all(parameters) as SummaryRow[];
  const total = context.db.prepare(`SELECT count(*) FROM conversations v LEFT JOIN customers c ON c.id = v.customer_id ${filter}`).pluck().get(parameters) as number;
  return { items: rows.map(toSummary), total };
}

export function conversationRowId(context: CoreContext, id: string): number {
  const rowId = context.db.prepare('SELECT id FROM conversations WHERE external_id = ?').pluck().get(id) as number | undefined;
  if (rowId === undefined) throw new NotFoundError('conversation', id);
  return rowId;
}

export function summary(context: CoreContext, id: string): ConversationSummary {
  return toSummary(context.db.prepare(`${summarySelect} WHERE v.external_id = ?`).get(id) as SummaryRow);
}

export function getConversation(context: CoreContext, args: ApiArgs<'chat.get'>): ApiResult<'chat.get'> {
  const rowId = conversationRowId(context, args.id);
  const messages = context.db
    .prepare('SELECT id, author, body, created_at AS createdAt FROM messages WHERE conversation_id = ? ORDER BY created_at, id')
    .all(rowId) as Message[];
  context.db.prepare('UPDATE conversations SET unread = 0 WHERE id = ?').run(rowId);
  return { ...summary(context, args.id), messages };
}

/** Longest message stored; a paste beyond this is almost surely a mistake. */
const maximumMessageLength = 100_000;

export function sendMessage(context: CoreContext, args: ApiArgs<'chat.send'>): ApiResult<'chat.send'> {
  const body = args.body.trim();
  if (body === '') throw new InvalidArgumentError(reason('chat.message_empty'));
  if (body.length > maximumMessageLength) throw new InvalidArgumentError(reason('chat.message_too_long', { max: maximumMessageLength }));
  const rowId = conversationRowId(context, args.conversationId);
  const createdAt = new Date().toISOString();
  const message = context.db.transaction(() => {
    const inserted = context.db
      .prepare('INSERT INTO messages (conversation_id, author, body, created_at) VALUES (?, ?, ?, ?) RETURNING id, author, body, created_at AS createdAt')
      .get(rowId, args.author, body, createdAt) as Message;
    // Notes are internal: they neither answer the customer nor count as activity they see.
    if (args.author !== 'note') {
      context.db.prepare('UPDATE conversations SET updated_at = ?, unread = ? WHERE id = ?').run(createdAt, args.author === 'customer' ? 1 : 0, rowId);
    }
    if (args.author === 'agent' || args.author === 'assistant') {
      context.db.prepare('UPDATE conversations SET first_reply_at = coalesce(first_reply_at, ?) WHERE id = ?').run(createdAt, rowId);
    }
    // The agent who answers an unassigned conversation takes it.
    if (args.author === 'agent') context.db.prepare('UPDATE conversations SET assignee = coalesce(assignee, ?) WHERE id = ?').run(getSettings(context).agentName, rowId);
    audit(context, args.author, 'chat.send', args.conversationId, { messageId: inserted.id });
    return inserted;
  })();
  context.events.emit('changed', { domain: 'chat' });
  return message;
}

/** One agent change to a conversation: written with its audit entry in one transaction, then announced. */
function changeConversation(context: CoreContext, id: string, action: string, detail: Record<string, unknown> | undefined, write: (rowId: number) => void): ConversationSummary {
  const rowId = conversationRowId(context, id);
  context.db.transaction(() => {
    write(rowId);
    audit(context, 'agent', action, id, detail);
  })();
  context.events.emit('changed', { domain: 'chat' });
  return summary(context, id);
}

export function setConversationStatus(context: CoreContext, args: { id: string; status: ConversationStatus }): ApiResult<'chat.setStatus'> {
  return changeConversation(context, args.id, 'chat.setStatus', { status: args.status }, (rowId) => {
    context.db.prepare('UPDATE conversations SET status = ? WHERE id = ?').run(args.status, rowId);
  });
}

export function clearEscalation(context: CoreContext, args: ApiArgs<'chat.clearEscalation'>): ApiResult<'chat.clearEscalation'> {
  return changeConversation(context, args.id, 'chat.clearEscalation', undefined, (rowId) => {
    context.db
      .prepare(
        `UPDATE conversations SET escalation = NULL,
           escalation_cleared_through = (SELECT max(id) FROM messages WHERE conversation_id = @rowId AND author = 'customer')
         WHERE id = @rowId`,
      )
      .run({ rowId });
  });
}

export function escalateConversation(context: CoreContext, args: ApiArgs<'chat.escalate'>): ApiResult<'chat.escalate'> {
  return changeConversation(context, args.id, 'chat.escalate', { reason: args.reason }, (rowId) => {
    context.db.prepare('UPDATE conversations SET escalation = ? WHERE id = ?').run(args.reason, rowId);
  });
}

export function assignConversation(context: CoreContext, args: ApiArgs<'chat.assign'>): ApiResult<'chat.assign'> {
  const assignee = args.assignee.trim();
  if (assignee.length > 80) throw new InvalidArgumentError(reason('chat.assignee_too_long', { max: 80 }));
  // An empty name unassigns.
  return changeConversation(context, args.id, 'chat.assign', { assignee }, (rowId) => {
    context.db.prepare('UPDATE conversations SET assignee = ? WHERE id = ?').run(assignee === '' ? null : assignee, rowId);
  });
}
