import { writeFile } from 'node:fs/promises';
import { intentClassifier, kbRetriever, retrievalIntent } from '../../core/assistant/models.ts';
import { readTextCsv } from '../../core/intents/csv.ts';
import { articleIdAsGiven } from '../../core/importers/kinds/kb.ts';
import { importPath } from '../../core/services/data-files.ts';
import { prepareOutputFile, UsageError, type Command } from '../command.ts';

export const kbImportCommand: Command = {
  path: ['kb', 'import'],
  summary: 'Import knowledge-base articles (JSONL, JSON, CSV or a Markdown folder)',
  usage: 'shopdesk kb import --in FILE|DIR',
  options: { in: { value: 'FILE', description: '{id,question,answer} or {id,title,body} records (a record without an id is named by its position, from 0), or a folder of .md files', required: true } },
  async run({ core, options, io, json }) {
    const result = await importPath(core.context, 'kb', String(options.in));
    if (json) io.out(`${JSON.stringify(result)}\n`);
    else io.out(`${result.file}: ${result.rows} articles, ${result.inserted} new, ${result.updated} updated\n`);
  },
};

export const kbSearchCommand: Command = {
  path: ['kb', 'search'],
  summary: "Search the store's knowledge base (BM25, dense vectors and intents, fused) for each query",
  usage: 'shopdesk kb search --in FILE.csv --out FILE.jsonl [--k 5]',
  options: {
    in: { value: 'FILE', description: 'CSV with columns id,query', required: true },
    out: { value: 'FILE', description: 'JSON lines {"id","hits":[{"articleId","score"}]} in input order', required: true },
    k: { value: 'N', description: 'hits per query (default 5)' },
  },
  async run({ core, options, io }) {
    const k = options.k === undefined ? 5 : Number(options.k);
    if (!Number.isSafeInteger(k) || k < 1) throw new UsageError(`--k must be a positive whole number, not ${String(options.k)}`);
    const queries = readTextCsv(String(options.in), 'query');
    // The app's own index (the assistant's and kb.search's), built once for all the queries.
    const kb = await kbRetriever(core.context);
    if (!kb) io.err('warning: the knowledge base is empty (import articles with `shopdesk kb import`); every query gets no hits\n');
    const numericIds = new Set(core.context.db.prepare('SELECT external_id FROM kb_articles WHERE numeric_id = 1').pluck().all() as string[]);
    const classifier = await intentClassifier(core.context);
    const intents = (await classifier.classify(queries.map((query) => query.text))).map(retrievalIntent);
    const lines = queries.map((query, index) => {
      // An empty query still gets its line, with no hits.
      if (query.text === '') io.err(`warning: ${String(options.in)}: row ${index + 1}, field "query": is empty; no hits\n`);
      const hits = query.text === '' || !kb ? [] : kb.retriever.search(query.text, k, intents[index]);
      return JSON.stringify({ id: query.id, hits: hits.map((hit) => ({ articleId: articleIdAsGiven(hit.id, numericIds.has(hit.id)), score: Number(hit.score.toFixed(6)) })) });
    });
    await writeFile(await prepareOutputFile(String(options.out)), lines.length ? `${lines.join('\n')}\n` : '');
    io.err(`searched ${queries.length} queries over ${kb?.retriever.size ?? 0} articles\n`);
  },
};
