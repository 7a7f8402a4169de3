/**
 * Measures the intent models on validation splits of the shared data, through the same
 * code paths as the app (trainIntentModel → ONNX folder → loadIntentClassifier).
 *
 *   npx tsx scripts/eval-intents.ts [banking77] [clinc] [builtin] [--no-vectors] [--model DIR]
 *
 * - banking77: trained on 90% of train.csv (hash split), scored on the other 10%; also the training time.
 * - clinc: trained on train + oos_train, scored on val + oos_val (accuracy over all, out-of-scope recall).
 * - builtin: the committed models/intent-ecommerce (or --model DIR) on the held-out Bitext
 *   utterances, on whole customer messages written for the project (tests/intents/messages-en.tsv,
 *   tests/intents/en-long-heldout.tsv), on Chinese messages written for it (tests/intents/zh-heldout.tsv),
 *   and its refusals on held-out CLINC150 negatives.
 */
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createStderrLogger } from '../src/core/logger.ts';
import { createInferenceEngine, type InferenceEngine } from '../src/core/inference/onnx-runtime.ts';
import { builtInIntentModelDir, loadIntentClassifier } from '../src/core/intents/classifier.ts';
import { outOfScopeLabel } from '../src/core/intents/model-files.ts';
import { trainIntentModel, type IntentRow } from '../src/core/intents/train.ts';
import { loadWordVectors, type WordVectors } from '../src/core/retrieval/word-vectors.ts';
import { chineseHeldOutPath, glovePath, isValidationText, longEnglishHeldOutPath, readBitext, readClinc, readMessageRows, readNegatives, repoRoot, sharedRoot } from './train-intent-model.ts';

interface Score {
  rows: number;
  accuracy: number;
  inScopeAccuracy: number;
  outOfScopeRecall: number | null;
}

async function score(engine: InferenceEngine, modelDir: string, rows: readonly IntentRow[]): Promise<Score> {
  const classifier = await loadIntentClassifier({ engine, modelDir });
  const predictions = await classifier.classify(rows.map((row) => row.text));
  const right = rows.map((row, index) => predictions[index]?.intent === row.intent);
  const share = (keep: (row: IntentRow) => boolean) => {
    const picked = rows.map((row, index) => ({ row, right: right[index] })).filter(({ row }) => keep(row));
    return picked.length === 0 ? null : picked.filter((item) => item.right).length / picked.length;
  };
  return {
    rows: rows.length,
    accuracy: share(() => true) ?? 0,
    inScopeAccuracy: share((row) => row.intent !== outOfScopeLabel) ?? 0,
    outOfScopeRecall: share((row) => row.intent === outOfScopeLabel),
  };
}

async function trainAndScore(engine: InferenceEngine, name: string, train: IntentRow[], test: IntentRow[], wordVectors: WordVectors | undefined): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), `shopdesk-intents-${name}-`));
  try {
    const started = performance.now();
    await trainIntentModel({ rows: train, outDir, seed: 1, ...(wordVectors ? { wordVectors } : {}), log: (message) => console.log(`  ${name}: ${message}`) });
    const seconds = (performance.now() - started) / 1000;
    const result = await score(engine, outDir, test);
    console.log(`${name}: train ${train.length} rows in ${seconds.toFixed(1)} s; test ${JSON.stringify(result)}`);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const modelIndex = process.argv.indexOf('--model');
const builtInModel = modelIndex > 0 ? resolve(process.argv[modelIndex + 1] as string) : builtInIntentModelDir;
const wanted = process.argv.slice(2).filter((argument, index, all) => !argument.startsWith('--') && all[index - 1] !== '--model');
const runs = wanted.length > 0 ? wanted : ['banking77', 'clinc', 'builtin'];
const wordVectors = process.argv.includes('--no-vectors') ? undefined : loadWordVectors(glovePath);
const engine = createInferenceEngine({ logger: createStderrLogger(true), providers: ['cpu'] });

if (runs.includes('banking77')) {
  const records = parse(readFileSync(resolve(sharedRoot, 'data/intents/banking77/train.csv')), { columns: true, bom: true }) as { text: string; category: string }[];
  const rows = records.map((record) => ({ text: record.text, intent: record.category }));
  await trainAndScore(
    engine,
    'banking77',
    rows.filter((row) => !isValidationText(row.text)),
    rows.filter((row) => isValidationText(row.text)),
    wordVectors,
  );
}
if (runs.includes('clinc')) {
  await trainAndScore(engine, 'clinc150', readClinc(['train', 'oos_train']), readClinc(['val', 'oos_val']), wordVectors);
}
if (runs.includes('builtin')) {
  const heldOut = readBitext().filter((row) => isValidationText(row.text));
  console.log(`builtin on held-out Bitext: ${JSON.stringify(await score(engine, builtInModel, heldOut))}`);
  console.log(`builtin on whole customer messages: ${JSON.stringify(await score(engine, builtInModel, readMessageRows(resolve(repoRoot, 'tests/intents/messages-en.tsv'))))}`);
  console.log(`builtin on long English messages: ${JSON.stringify(await score(engine, builtInModel, readMessageRows(longEnglishHeldOutPath)))}`);
  console.log(`builtin on held-out negatives (CLINC150 val, unrelated domains + oos_val): ${JSON.stringify(await score(engine, builtInModel, readNegatives('val', 20)))}`);
  console.log(`builtin on held-out Chinese messages: ${JSON.stringify(await score(engine, builtInModel, readMessageRows(chineseHeldOutPath)))}`);
}
await engine.release();
