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
  title: string;
  body: string;
}

export const kb: ImportKindSpec<ArticleRecord> = {
  kind: 'kb',
  formats: ['jsonl', 'json', 'csv'],
  requiredColumns: ['id'],
  parse(record) {
    const id = requiredText(record, 'id');
    // Two shapes: FAQ pairs {id, question, answer} and articles {id, title, body}. The answer or body
    // may be empty: a list of known questions (a support team's FAQ before its answers are written)
    // is still searchable by its questions; the assistant offers only articles with an answer.
    const question = optionalText(record, 'question');
    if (question !== null) return { id, title: question, body: optionalText(record, 'answer') ?? '' };
    const title = optionalText(record, 'title');
    if (title === null) throw new FieldError('title', reason('import.title_required'));
    return { id, title, body: optionalText(record, 'body') ?? '' };
  },
  key: (article) => article.id,
  write(db, values) {
    const existing = db.prepare('SELECT id FROM kb_articles WHERE external_id = ?').pluck();
    const upsert = db.prepare(
      `INSERT INTO kb_articles (external_id, title, body, lang) VALUES (@id, @title, @body, @lang)
       ON CONFLICT (external_id) DO UPDATE SET title = excluded.title, body = excluded.body, lang = excluded.lang,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       RETURNING id`,
    );
    const unindex = db.prepare('DELETE FROM kb_index WHERE rowid = ?');
    const index = db.prepare('INSERT INTO kb_index (rowid, title, body) VALUES (?, ?, ?)');
    let inserted = 0;
    for (const article of values) {
      if (existing.get(article.id) === undefined) inserted += 1;
      const { id } = upsert.get({ ...article, lang: detectLanguage(`${article.title} ${article.body}`) }) as { id: number };
      unindex.run(id);
      index.run(id, segmentForSearch(article.title), segmentForSearch(article.body));
    }
    return { inserted, updated: values.length - inserted };
  },
  export(db) {
    const records = db.prepare('SELECT external_id AS id, title, body FROM kb_articles ORDER BY external_id').all() as Record<string, unknown>[];
    return { format: 'jsonl', records };
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
