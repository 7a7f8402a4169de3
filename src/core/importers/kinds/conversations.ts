import type { ConversationStatus, MessageAuthor } from '../../../shared/types.ts';
import { reason } from '../../../shared/error-reasons.ts';
import { FieldError } from '../errors.ts';
import { oneOf, optionalDate, optionalText, requiredText, type RawRecord } from '../fields.ts';
import type { ImportKindSpec } from '../kind.ts';

interface MessageRecord {
  author: MessageAuthor;
  body: string;
  createdAt: string;
}

interface ConversationRecord {
  id: string;
  customerId: number | null;
  subject: string;
  status: ConversationStatus;
  channel: string;
  messages: MessageRecord[];
  /** One message of a CSV-style transcript (rows of a conversation merge), rather than a whole conversation. */
  transcriptRow: boolean;
  /** As the file names it, for messages. */
  customerKey: string | null;
}

const authors = ['customer', 'agent', 'assistant', 'note'] as const;
const statuses = ['open', 'pending', 'resolved'] as const;

function message(record: RawRecord, prefix = ''): MessageRecord {
  try {
    const createdAt = optionalDate(record, 'created_at');
    if (createdAt === null) throw new FieldError('created_at', reason('import.required_empty'));
    return { author: oneOf(record, 'author', authors), body: requiredText(record, 'body'), createdAt };
  } catch (error) {
    if (error instanceof FieldError && prefix) throw new FieldError(`${prefix}.${error.field}`, error.reason);
    throw error;
  }
}

/**
 * Two shapes: JSON conversations with a `messages` array, or CSV transcripts with one
 * message per row (`conversation_id`, …, `author`, `body`, `created_at`).
 */
export const conversations: ImportKindSpec<ConversationRecord> = {
  kind: 'conversations',
  formats: ['json', 'jsonl', 'csv'],
  requiredColumns: ['conversation_id', 'author', 'body', 'created_at'],
  parse(record, { db }) {
    const customerKey = optionalText(record, 'customer_id');
    let customerId: number | null = null;
    if (customerKey !== null) {
      customerId = (db.prepare('SELECT id FROM customers WHERE external_id = ?').pluck().get(customerKey) as number | undefined) ?? null;
      if (customerId === null) throw new FieldError('customer_id', reason('import.unknown_customer', { customer: customerKey }));
    }
    const isTranscriptRow = record.messages === undefined;
    let messages: MessageRecord[];
    if (isTranscriptRow) messages = [message(record)];
    else if (!Array.isArray(record.messages)) throw new FieldError('messages', reason('import.messages_not_array'));
    else messages = record.messages.map((entry, index) => message((entry ?? {}) as RawRecord, `messages[${index}]`));
    return {
      id: requiredText(record, isTranscriptRow ? 'conversation_id' : 'id'),
      customerId,
      subject: optionalText(record, 'subject') ?? '',
      status: oneOf(record, 'status', statuses, 'open'),
      channel: optionalText(record, 'channel') ?? 'chat',
      messages,
      transcriptRow: isTranscriptRow,
      customerKey,
    };
  },
  group: {
    key: (conversation) => conversation.id,
    /** Transcript rows of one conversation merge; a whole conversation given twice, or rows naming two customers, would silently lose one. */
    check(conversation, first) {
      if (!conversation.transcriptRow || !first.transcriptRow) {
        throw new FieldError('id', reason('import.conversation_repeated', { conversation: conversation.id }));
      }
      if (conversation.customerKey !== null && conversation.customerKey !== first.customerKey) {
        throw new FieldError('customer_id', reason('import.conversation_customer_differs', { conversation: first.id, first: first.customerKey ?? '', value: conversation.customerKey }));
      }
    },
  },
  write(db, values) {
    const merged = new Map<string, ConversationRecord>();
    for (const conversation of values) {
      const earlier = merged.get(conversation.id);
      if (earlier) earlier.messages.push(...conversation.messages);
      else merged.set(conversation.id, { ...conversation, messages: [...conversation.messages] });
    }
    const existing = db.prepare('SELECT id FROM conversations WHERE external_id = ?').pluck();
    const upsert = db.prepare(
      `INSERT INTO conversations (external_id, customer_id, subject, channel, status, unread, created_at, updated_at, first_reply_at)
       VALUES (@id, @customerId, @subject, @channel, @status, @unread, @createdAt, @updatedAt, @firstReplyAt)
       ON CONFLICT (external_id) DO UPDATE SET customer_id = excluded.customer_id, subject = excluded.subject,
         channel = excluded.channel, status = excluded.status, unread = excluded.unread, created_at = excluded.created_at,
         updated_at = excluded.updated_at, first_reply_at = excluded.first_reply_at
       RETURNING id`,
    );
    // A re-imported conversation keeps every message the store has (replies sent in the app since
    // the file was exported among them) and gains the file's messages it lacks: nothing is lost, and
    // importing the same file again changes nothing.
    const storedMessages = db.prepare('SELECT m.author, m.body, m.created_at AS createdAt FROM messages m JOIN conversations v ON v.id = m.conversation_id WHERE v.external_id = ?');
    const addMessage = db.prepare('INSERT INTO messages (conversation_id, author, body, created_at) VALUES (?, ?, ?, ?)');
    const messageKey = (message: MessageRecord) => `${message.author}\u0000${message.createdAt}\u0000${message.body}`;
    let inserted = 0;
    for (const conversation of merged.values()) {
      if (existing.get(conversation.id) === undefined) inserted += 1;
      const stored = storedMessages.all(conversation.id) as MessageRecord[];
      const known = new Set(stored.map(messageKey));
      const added = conversation.messages.filter((message) => !known.has(messageKey(message)));
      const ordered = [...stored, ...added].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      const last = ordered.at(-1);
      const { id } = upsert.get({
        ...conversation,
        // Unread while the customer spoke last and nobody has answered.
        unread: last?.author === 'customer' && conversation.status !== 'resolved' ? 1 : 0,
        createdAt: ordered[0]?.createdAt ?? new Date().toISOString(),
        updatedAt: last?.createdAt ?? new Date().toISOString(),
        firstReplyAt: ordered.find((entry) => entry.author === 'agent' || entry.author === 'assistant')?.createdAt ?? null,
      }) as { id: number };
      for (const entry of [...added].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) addMessage.run(id, entry.author, entry.body, entry.createdAt);
    }
    return { inserted, updated: merged.size - inserted };
  },
  export(db) {
    const rows = db
      .prepare(
        `SELECT v.id AS rowId, v.external_id AS id, c.external_id AS customer_id, v.subject, v.status, v.channel
         FROM conversations v LEFT JOIN customers c ON c.id = v.customer_id ORDER BY v.external_id`,
      )
      .all() as ({ rowId: number } & Record<string, unknown>)[];
    const messagesOf = db.prepare('SELECT author, body, created_at FROM messages WHERE conversation_id = ? ORDER BY created_at, id');
    const records = rows.map(({ rowId, ...conversation }) => ({ ...conversation, messages: messagesOf.all(rowId) }));
    return { format: 'json', records };
  },
};
