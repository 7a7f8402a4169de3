import { resolve } from 'node:path';
import { loadIntentClassifier, builtInIntentModelDir } from '../../core/intents/classifier.ts';
import { classifyFile } from '../../core/intents/classify-file.ts';
import { readTrainingCsv } from '../../core/intents/csv.ts';
import { trainIntentModel } from '../../core/intents/train.ts';
import { findWordVectors } from '../../core/retrieval/default-embedder.ts';
import { loadNamedModel, prepareOutputFile, UsageError, type Command } from '../command.ts';

export const intentsTrainCommand: Command = {
  path: ['intents', 'train'],
  summary: 'Train an intent model (rows with intent out_of_scope teach what to refuse)',
  usage: 'shopdesk intents train --in FILE.csv|FILE.json --out DIR [--seed N]',
  options: {
    in: { value: 'FILE', description: 'CSV with columns text,intent (or category, or label), or JSON such as CLINC150\'s train_val.json; intent out_of_scope (or oos) marks negatives', required: true },
    out: { value: 'DIR', description: 'model folder to write (usable with `intents classify --model`)', required: true },
    seed: { value: 'N', description: 'random seed (default 1)' },
  },
  async run({ core, options, io, json }) {
    const seed = options.seed === undefined ? 1 : Number(options.seed);
    if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be a whole number, not ${String(options.seed)}`);
    const { rows, outOfScopeName } = readTrainingCsv(String(options.in));
    const wordVectors = findWordVectors(core.context.modelsPath);
    const result = await trainIntentModel({
      rows,
      outOfScopeName,
      outDir: resolve(String(options.out)),
      seed,
      ...(wordVectors ? { wordVectors } : {}),
      log: (message) => io.err(`${message}\n`),
    });
    if (json) io.out(`${JSON.stringify(result.manifest)}\n`);
    else io.out(`trained on ${rows.length} rows (${result.manifest.labels.length} intents); written to ${result.outDir}\n`);
  },
};

export const intentsClassifyCommand: Command = {
  path: ['intents', 'classify'],
  summary: 'Classify texts into intents, out_of_scope when not confident',
  usage: 'shopdesk intents classify --in FILE.csv --out FILE.jsonl [--model DIR]',
  options: {
    in: { value: 'FILE', description: 'CSV with columns id,text', required: true },
    out: { value: 'FILE', description: 'JSON lines {"id","intent","confidence"} in input order', required: true },
    model: { value: 'DIR', description: 'a folder from `intents train` (default: the built-in e-commerce model)' },
  },
  async run({ core, options, io }) {
    const classifier = options.model
      ? await loadNamedModel(String(options.model), () => loadIntentClassifier({ engine: core.context.engine, modelDir: resolve(String(options.model)) }))
      : await loadIntentClassifier({ engine: core.context.engine, modelDir: builtInIntentModelDir });
    const inFile = String(options.in);
    const result = await classifyFile({
      classifier,
      inFile,
      outFile: await prepareOutputFile(String(options.out)),
      onEmptyText: (row) => io.err(`warning: ${inFile}: row ${row}, field "text": is empty; answered out of scope\n`),
    });
    io.err(`classified ${result.rows} texts\n`);
  },
};
