/**
 * Conversations exported as the importer reads them: the JSON export of the `conversations`
 * kind, or CSV transcripts with one message per row (what help-desk tools usually produce).
 */
import { stringify } from 'csv-stringify/sync';
import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import { audit, type CoreContext } from '../context.ts';
import { exportKind } from './data-files.ts';

const transcriptColumns = ['conversation_id', 'customer_id', 'subject', 'status', 'author', 'body', 'created_at'];

export function exportConversations(context: CoreContext, args: ApiArgs<'chat.export'>): ApiResult<'chat.export'> {
  if (args.format === 'json') return exportKind(context, 'conversations');
  const rows = context.db
    .prepare(
      `SELECT v.external_id AS conversation_id, c.external_id AS customer_id, v.subject, v.status, m.author, m.body, m.created_at
       FROM conversations v LEFT JOIN customers c ON c.id = v.customer_id JOIN messages m ON m.conversation_id = v.id
       ORDER BY v.external_id, m.created_at, m.id`,
    )
    .all() as Record<string, unknown>[];
  audit(context, 'agent', 'chat.export', '', { format: 'csv', rows: rows.length });
  return { kind: 'conversations', fileName: 'conversations.csv', mime: 'text/csv', content: stringify(rows, { header: true, columns: transcriptColumns }) };
}
