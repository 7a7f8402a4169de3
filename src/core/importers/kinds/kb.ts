import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { segmentForSearch } from '../../kb/segment.ts';
import { detectLanguage } from '../../text/language.ts';
import { reason } from '../../../shared/error-reasons.ts';
import { FieldError } from '../errors.ts';
import { optionalText, requiredText } from '../fields.ts';
import type { ImportKindSpec } from '../kind.ts';
import { readTextFile, type SourceRecord } from '../source.ts';

interface ArticleRecord {
  id: string;
  /** The file named the article by a number (or by its position): answers name it by that number. */
  numericId: boolean;
  title: string;
  body: string;
}

/** The id as answers give it back: a number when the file gave one, so callers can join on it. */
export function articleIdAsGiven(id: string, numericId: boolean | number): string | number {
  return numericId ? Number(id) : id;
}

export const kb: ImportKindSpec<ArticleRecord> = {
  kind: 'kb',
  formats: ['jsonl', 'json', 'csv'],
  // Public FAQ files often have no ids ({"questions": [{question, answer}, …]}): an article without
  // one is named by its position in the file, counting from 0 like the index of a JSON array.
  requiredColumns: [],
  parse(record, { row }) {
    const positional = record.id === undefined;
    const id = positional ? String(row - 1) : requiredText(record, 'id');
    const numericId = positional || typeof record.id === 'number';
    // Two shapes: FAQ pairs {id, question, answer} and articles {id, title, body}. The answer or body
    // may be empty: a list of known questions (a support team's FAQ before its answers are written)
    // is still searchable by its questions; the assistant offers only articles with an answer.
    const question = optionalText(record, 'question');
    if (question !== null) return { id, numericId, title: question, body: optionalText(record, 'answer') ?? '' };
    const title = optionalText(record, 'title');
    if (title === null) throw new FieldError('title', reason('import.title_required'));
    return { id, numericId, title, body: optionalText(record, 'body') ?? '' };
  },
  key: (article) => article.id,
  write(db, values) {
    const existing = db.prepare('SELECT id FROM kb_articles WHERE external_id = ?').pluck();
    const upsert = db.prepare(
      `INSERT INTO kb_articles (external_id, numeric_id, title, body, lang) VALUES (@id, @numericId, @title, @body, @lang)
       ON CONFLICT (external_id) DO UPDATE SET numeric_id = excluded.numeric_id, title = excluded.title, body = excluded.body, lang = excluded.lang,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       RETURNING id`,
    );
    const unindex = db.prepare('DELETE FROM kb_index WHERE rowid = ?');
    const index = db.prepare('INSERT INTO kb_index (rowid, title, body) VALUES (?, ?, ?)');
    let inserted = 0;
    for (const article of values) {
      if (existing.get(article.id) === undefined) inserted += 1;
      const { id } = upsert.get({ ...article, numericId: article.numericId ? 1 : 0, lang: detectLanguage(`${article.title} ${article.body}`) }) as { id: number };
      unindex.run(id);
      index.run(id, segmentForSearch(article.title), segmentForSearch(article.body));
    }
    return { inserted, updated: values.length - inserted };
  },
  export(db) {
    const rows = db.prepare('SELECT external_id AS id, numeric_id AS numericId, title, body FROM kb_articles ORDER BY external_id').all() as { id: string; numericId: number; title: string; body: string }[];
    return { format: 'jsonl', records: rows.map(({ id, numericId, title, body }) => ({ id: articleIdAsGiven(id, numericId), title, body })) };
  },
};

/** A folder of Markdown files: one article each, titled by its first heading (else the file name). */
export async function* markdownArticles(folder: string): AsyncGenerator<SourceRecord> {
  const files = (await readdir(folder)).filter((name) => extname(name).toLowerCase() === '.md').sort();
  let row = 0;
  for (const name of files) {
    row += 1;
    // Strictly decoded: a binary or mis-encoded file is refused by name, not stored with replacement characters.
    const text = readTextFile(join(folder, name)).replace(/^\uFEFF/, '');
    const heading = /^#\s+(.+)$/m.exec(text);
    const title = heading?.[1]?.trim() ?? basename(name, extname(name));
    const body = heading ? text.replace(heading[0], '').trim() : text.trim();
    yield { row, record: { id: basename(name, extname(name)), title, body } };
  }
}
