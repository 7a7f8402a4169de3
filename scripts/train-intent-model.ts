/**
 * Trains the built-in e-commerce intent model (models/intent-ecommerce) from the shared
 * Bitext utterances and the project's own English and Chinese utterances (scripts/data/),
 * with CLINC150 utterances from unrelated domains (travel, cooking, cars, …) and its
 * out-of-scope examples as negatives, all also wrapped in customer-message context.
 *
 *   npx tsx scripts/train-intent-model.ts [--out DIR]
 *
 * The dataset helpers are exported for scripts/eval-intents.ts and the tests, so every
 * place uses the same validation split.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { hashString } from '../src/core/text/hash.ts';
import { outOfScopeLabel } from '../src/core/intents/model-files.ts';
import { builtInIntentModelDir } from '../src/core/intents/classifier.ts';
import { contextNegatives, parseContextSentences, withMessageContext } from '../src/core/intents/message-context.ts';
import { trainIntentModel, type IntentRow } from '../src/core/intents/train.ts';
import { gloveFolderName, loadWordVectors } from '../src/core/retrieval/word-vectors.ts';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const sharedRoot = resolve(repoRoot, '../shared');
export const glovePath = resolve(sharedRoot, 'models', gloveFolderName);

/** One utterance in ten is held out, chosen by a hash of its text so the split never moves. */
export function isValidationText(text: string): boolean {
  return hashString(text.trim().toLowerCase()) % 10 === 0;
}

/** The union of Bitext's two files (as its provenance advises), one row per distinct utterance. */
export function readBitext(): IntentRow[] {
  const rows = new Map<string, IntentRow>();
  for (const file of ['train.csv', 'canned_responses.csv']) {
    const records = parse(readFileSync(resolve(sharedRoot, 'data/intents/bitext', file)), { columns: true, bom: true }) as { instruction: string; intent: string }[];
    for (const record of records) {
      const key = record.instruction.trim().toLowerCase();
      if (!rows.has(key)) rows.set(key, { text: record.instruction.trim(), intent: record.intent.trim() });
    }
  }
  return [...rows.values()];
}

/** Chinese utterances written for ShopDesk: Bitext has English only. */
export const chineseTrainingPath = resolve(repoRoot, 'scripts/data/intents-zh-train.tsv');
/** English utterances written for ShopDesk the way customers write, often several sentences: Bitext's are short templates. */
export const englishTrainingPath = resolve(repoRoot, 'scripts/data/intents-en-train.tsv');
/** Chinese messages written for ShopDesk to measure the model; never trained on. */
export const chineseHeldOutPath = resolve(repoRoot, 'tests/intents/zh-heldout.tsv');
/** Long English messages (greeting, story, order number, thanks) written for ShopDesk to measure the model; never trained on. */
export const longEnglishHeldOutPath = resolve(repoRoot, 'tests/intents/en-long-heldout.tsv');

/** A project-authored tab-separated file with `text` and `intent` columns (either order) under a header row; lines starting with # are comments. */
export function readMessageRows(path: string): IntentRow[] {
  const records = parse(readFileSync(path), { delimiter: '\t', columns: true, comment: '#', comment_no_infix: true, quote: false, skip_empty_lines: true }) as { intent: string; text: string }[];
  return records.map((record) => ({ text: record.text.trim(), intent: record.intent.trim() }));
}

type ClincSplit = 'train' | 'val' | 'oos_train' | 'oos_val';

export function readClinc(splits: readonly ClincSplit[]): IntentRow[] {
  const data = JSON.parse(readFileSync(resolve(sharedRoot, 'data/intents/clinc150/train_val.json'), 'utf8')) as Record<ClincSplit, [string, string][]>;
  return splits.flatMap((split) => data[split].map(([text, intent]) => ({ text, intent: intent === 'oos' ? outOfScopeLabel : intent })));
}

/** CLINC150 intents that a shop's customer could mean (orders, payments, cards): never used as negatives. */
const shopLikeIntents = new Set(['order', 'order_status', 'shopping_list', 'shopping_list_update', 'cancel', 'what_can_i_ask_you']);
const unrelatedDomains = ['kitchen_and_dining', 'home', 'auto_and_commute', 'travel', 'utility', 'work', 'small_talk', 'meta'];

/** Utterances an e-commerce assistant should not claim: CLINC150 unrelated domains plus its out-of-scope set. */
export function readNegatives(split: 'train' | 'val', perIntent: number): IntentRow[] {
  const domains = JSON.parse(readFileSync(resolve(sharedRoot, 'data/intents/clinc150/domains.json'), 'utf8')) as Record<string, string[]>;
  const wanted = new Set(unrelatedDomains.flatMap((domain) => domains[domain] ?? []).filter((intent) => !shopLikeIntents.has(intent)));
  const taken = new Map<string, number>();
  const rows = readClinc([split]).filter((row) => {
    if (!wanted.has(row.intent)) return false;
    const count = taken.get(row.intent) ?? 0;
    taken.set(row.intent, count + 1);
    return count < perIntent;
  });
  return [...rows, ...readClinc([split === 'train' ? 'oos_train' : 'oos_val'])].map((row) => ({ text: row.text, intent: outOfScopeLabel }));
}

/** CLINC150 negatives per unrelated intent (measured: 50 keeps refusals near 99 % now that messages are read whole and sentence by sentence). */
const negativesPerIntent = 50;

async function main(): Promise<void> {
  const outIndex = process.argv.indexOf('--out');
  const outDir = outIndex > 0 ? resolve(process.argv[outIndex + 1] as string) : builtInIntentModelDir;
  const bitext = readBitext().filter((row) => !isValidationText(row.text));
  // Everyday phrasings Bitext's templates lack ("where is my order"), written for the project.
  const extra = readMessageRows(resolve(repoRoot, 'scripts/data/intents-en-extra.tsv'));
  const english = readMessageRows(englishTrainingPath);
  const chinese = readMessageRows(chineseTrainingPath);
  const negatives = readNegatives('train', negativesPerIntent);
  const contexts = parseContextSentences(readFileSync(resolve(repoRoot, 'scripts/data/customer-context.txt'), 'utf8'));
  const contextAlone = contextNegatives(contexts);
  // Requests are wrapped in openings and closings only. Background sentences ("I bought a lamp
  // last month") and off-topic asides are left to the classifier's sentence-by-sentence reading:
  // wrapped around requests as well, they made the model refuse fewer off-topic questions
  // (98.4 % against 98.8 %) and grow past 25 MB.
  const wrappers = { en: { ...contexts.en, background: [] }, zh: { ...contexts.zh, background: [] } };
  console.log(
    `training on ${bitext.length} Bitext utterances, ${extra.length + english.length} English and ${chinese.length} Chinese of our own, and ${negatives.length} negatives → ${outDir}`,
  );
  const { manifest } = await trainIntentModel({
    rows: [...bitext, ...extra, ...english, ...chinese, ...negatives, ...contextAlone],
    outDir,
    seed: 1,
    // Real messages come with greetings and sign-offs; Bitext's utterances do not.
    augment: (rows, random) => withMessageContext(rows, wrappers, random),
    wordVectors: loadWordVectors(glovePath),
    // A class score per feature row would push the model file past 25 MB.
    linear: false,
    log: (message) => console.log(message),
  });
  console.log(JSON.stringify(manifest.training, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
