import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadRecommender, readInteractionsCsv, readItemFile, recommendForUsers, saveRecommender, similarItems, trainRecommender } from '../../core/recs/index.ts';
import { ImportError } from '../../core/importers/errors.ts';
import { readTextFile } from '../../core/importers/source.ts';
import { reason } from '../../shared/error-reasons.ts';
import { loadNamedModel, prepareOutputFile, UsageError, type Command, type CommandRun } from '../command.ts';

function positiveInteger(value: string | boolean | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isSafeInteger(number) || number < 1) throw new UsageError(`--${name} must be a positive whole number, not ${String(value)}`);
  return number;
}

interface Key {
  key: string;
  line: number;
}

/** What a header line of a user or item list says (`user`, `user_id`, …), as in the interactions file. */
const headerNames = { user: new Set(['user', 'user_id', 'userid']), item: new Set(['item', 'item_id', 'itemid']) };

/**
 * One key per line; blank lines and # comments are skipped, and so is a first line that is a
 * column header (a list cut from a CSV column) unless the model knows it as an id. A file with
 * none is refused, not answered with nothing.
 */
function readKeys(path: string, what: 'user' | 'item', known: ReadonlyMap<string, number>): Key[] {
  const keys = readTextFile(path)
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((text, index) => ({ key: text.trim(), line: index + 1 }))
    .filter(({ key }) => key !== '' && !key.startsWith('#'));
  const first = keys[0];
  if (first !== undefined && !known.has(first.key) && headerNames[what].has(first.key.toLowerCase())) keys.shift();
  if (keys.length === 0) throw new ImportError(path, null, null, reason(what === 'user' ? 'import.no_user_ids' : 'import.no_item_ids'));
  return keys;
}

async function writeLines(path: string, records: unknown[]): Promise<void> {
  await writeFile(await prepareOutputFile(path), records.length ? `${records.map((record) => JSON.stringify(record)).join('\n')}\n` : '');
}

async function loadModel(run: CommandRun) {
  return loadNamedModel(String(run.options.model), () => loadRecommender(resolve(String(run.options.model)), run.core.context.engine));
}

export const recsTrainCommand: Command = {
  path: ['recs', 'train'],
  summary: 'Train recommendations from interactions (user,item[,rating][,timestamp]) and optional item texts',
  usage: 'shopdesk recs train --in FILE.csv --out DIR [--catalog FILE.csv|FILE.jsonl] [--seed N]',
  options: {
    in: { value: 'FILE', description: 'CSV with columns user,item and optional rating,timestamp', required: true },
    out: { value: 'DIR', description: 'model folder to write', required: true },
    catalog: { value: 'FILE', description: 'CSV or JSONL: item and any of title, text, category, description (text similarity, also for items nobody has interacted with; category for cold start and diversity)' },
    seed: { value: 'N', description: 'random seed (default 1)' },
  },
  async run({ options, io, json }) {
    const interactions = readInteractionsCsv(String(options.in));
    const facts = options.catalog === undefined ? null : await readItemFile(String(options.catalog));
    const model = trainRecommender(interactions, { ...facts, seed: positiveInteger(options.seed, 'seed', 1) });
    const outDir = resolve(String(options.out));
    await mkdir(outDir, { recursive: true });
    const saved = saveRecommender(model, outDir);
    const interacted = new Set(interactions.map((interaction) => interaction.item));
    const items = facts && { rows: facts.itemTexts.size, withInteractions: [...facts.itemTexts.keys()].filter((item) => interacted.has(item)).length };
    if (json) io.out(`${JSON.stringify({ interactions: interactions.length, ...(items && { items }), outDir, ...saved })}\n`);
    else {
      const itemNote = items ? `; ${items.rows} items read, ${items.withInteractions} of them with interactions` : '';
      io.out(`trained on ${interactions.length} interactions${itemNote}; written to ${outDir}${saved.scoringGraph ? '' : ' (catalog too large for the ONNX scoring graph: scoring runs in TypeScript)'}\n`);
    }
  },
};

export const recsRecommendCommand: Command = {
  path: ['recs', 'recommend'],
  summary: 'Recommend items for users (never one they already have)',
  usage: 'shopdesk recs recommend --model DIR --users FILE.txt --out FILE.jsonl [--k 10]',
  options: {
    model: { value: 'DIR', description: 'a folder from `recs train`', required: true },
    users: { value: 'FILE', description: 'one user id per line; unknown users get cold-start results', required: true },
    out: { value: 'FILE', description: 'JSON lines {"user","items":[...]} in input order', required: true },
    k: { value: 'N', description: 'items per user (default 10)' },
  },
  async run(run) {
    const k = positiveInteger(run.options.k, 'k', 10);
    const model = await loadModel(run);
    const users = readKeys(String(run.options.users), 'user', model.userIndex).map(({ key }) => key);
    const results = await recommendForUsers(model, users, { k });
    await writeLines(String(run.options.out), users.map((user, index) => ({ user, items: (results[index] ?? []).map((entry) => entry.item) })));
    const unknown = users.filter((user) => !model.userIndex.has(user)).length;
    run.io.err(`recommended for ${users.length} users${unknown ? ` (${unknown} unknown to the model: cold-start results)` : ''}\n`);
  },
};

export const recsSimilarCommand: Command = {
  path: ['recs', 'similar'],
  summary: 'Items similar to given items',
  usage: 'shopdesk recs similar --model DIR --items FILE.txt --out FILE.jsonl [--k 10]',
  options: {
    model: { value: 'DIR', description: 'a folder from `recs train`', required: true },
    items: { value: 'FILE', description: 'one item id per line', required: true },
    out: { value: 'FILE', description: 'JSON lines {"item","items":[...]} in input order', required: true },
    k: { value: 'N', description: 'items per item (default 10)' },
  },
  async run(run) {
    const k = positiveInteger(run.options.k, 'k', 10);
    const model = await loadModel(run);
    const path = String(run.options.items);
    const items = readKeys(path, 'item', model.itemIndex);
    for (const { key, line } of items) {
      if (!model.itemIndex.has(key)) run.io.err(`warning: ${path}: line ${line}: unknown item "${key.slice(0, 80)}" (not in the model): no similar items\n`);
    }
    await writeLines(String(run.options.out), items.map(({ key }) => ({ item: key, items: similarItems(model, key, k).map((entry) => entry.item) })));
    run.io.err(`found similar items for ${items.length} items\n`);
  },
};
