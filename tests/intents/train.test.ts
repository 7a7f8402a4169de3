import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/core/logger.ts';
import { createInferenceEngine } from '../../src/core/inference/onnx-runtime.ts';
import { loadIntentClassifier } from '../../src/core/intents/classifier.ts';
import { classifyFile } from '../../src/core/intents/classify-file.ts';
import { readTextCsv, readTrainingCsv } from '../../src/core/intents/csv.ts';
import { readIntentManifest } from '../../src/core/intents/model-files.ts';
import { trainIntentModel } from '../../src/core/intents/train.ts';

const examples: Record<string, string[]> = {
  track_order: [
    'where is my order', 'track my package', 'has my parcel shipped yet', 'when will my order arrive', 'i want to track my order',
    'where is my delivery', 'tracking number for my order please', 'my package has not arrived', 'status of my order', 'is my order on the way',
    'can you tell me where my parcel is', 'order still not delivered', 'check the delivery status', 'where is the package i ordered', 'how do i track my shipment',
  ],
  cancel_order: [
    'cancel my order', 'i want to cancel the purchase', 'please cancel order', 'how do i cancel an order', 'stop my order',
    'i changed my mind cancel it', 'cancel the item i just bought', 'can i still cancel my order', 'i need to cancel my purchase', 'cancel order please',
    'do not ship my order, cancel it', 'help me cancel the order', 'cancelling my order', 'i would like to cancel', 'remove my order and cancel it',
  ],
  get_refund: [
    'i want a refund', 'give me my money back', 'how do i get a refund', 'refund my payment', 'can i get reimbursed',
    'i need my money returned', 'request a refund', 'when do i get my refund', 'refund for a broken item', 'i want to be refunded',
    'money back please', 'get a refund for my purchase', 'please refund me', 'return the money to my card', 'how can i receive a refund',
  ],
  out_of_scope: [
    'what is the weather today', 'tell me a joke', 'who won the football game', 'how do i bake bread', 'play some music',
    'what time is it in tokyo', 'book a flight to london', 'what is the capital of france', 'set an alarm for seven', 'how tall is mount everest',
    'recommend a good movie', 'translate hello into spanish', 'how many calories in an apple', 'will it rain tomorrow', 'what is the meaning of life',
  ],
};

let directory: string;
const engine = createInferenceEngine({ logger: createMemoryLogger(), providers: ['cpu'] });

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'shopdesk-intents-test-'));
});

afterAll(async () => {
  await engine.release();
  rmSync(directory, { recursive: true, force: true });
});

describe('intent training', () => {
  it('trains from a CSV into an ONNX model that classifies and refuses', async () => {
    const csv = ['text,intent', ...Object.entries(examples).flatMap(([intent, texts]) => texts.map((text) => `"${text}",${intent}`))].join('\n');
    const csvPath = join(directory, 'train.csv');
    writeFileSync(csvPath, csv);
    const { rows, outOfScopeName } = readTrainingCsv(csvPath);
    expect(rows).toHaveLength(60);
    expect(outOfScopeName).toBe('out_of_scope');
    const modelDir = join(directory, 'model');
    const { manifest } = await trainIntentModel({ rows, outDir: modelDir, seed: 3, epochs: 40 });
    expect(manifest.labels).toEqual(['cancel_order', 'get_refund', 'out_of_scope', 'track_order']);
    expect(readIntentManifest(modelDir).threshold).toBe(manifest.threshold);

    const classifier = await loadIntentClassifier({ engine, modelDir });
    expect(classifier.labels).toEqual(['cancel_order', 'get_refund', 'track_order']);
    const predictions = await classifier.classify([
      'where is my parcel? it has not arrived',
      'please cancel my order',
      'I would like a refund of my money',
      'qwzx vbnmk plkjh',
      'will it be sunny in paris tomorrow',
    ]);
    expect(predictions.map((prediction) => prediction.intent)).toEqual(['track_order', 'cancel_order', 'get_refund', 'out_of_scope', 'out_of_scope']);
    for (const prediction of predictions) {
      expect(prediction.confidence).toBeGreaterThan(0);
      expect(prediction.confidence).toBeLessThanOrEqual(1);
    }

    const inFile = join(directory, 'messages.csv');
    writeFileSync(inFile, 'id,text\nm1,cancel my order now\nm2,"tell me a joke, please"\n');
    const outFile = join(directory, 'predictions.jsonl');
    expect(await classifyFile({ classifier, inFile, outFile })).toEqual({ rows: 2 });
    const lines = readFileSync(outFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: string; intent: string; confidence: number });
    expect(lines.map((line) => [line.id, line.intent])).toEqual([
      ['m1', 'cancel_order'],
      ['m2', 'out_of_scope'],
    ]);
    expect(Object.keys(lines[0] ?? {})).toEqual(['id', 'intent', 'confidence']);
  });

  it('names the file, row and field of bad CSV input', () => {
    const missingColumn = join(directory, 'no-intent.csv');
    writeFileSync(missingColumn, 'text,tag\nhello,greeting\n');
    expect(() => readTrainingCsv(missingColumn)).toThrow(/no-intent\.csv, field "intent": missing column/);
    const emptyIntent = join(directory, 'empty-intent.csv');
    writeFileSync(emptyIntent, 'text,intent\nwhere is my order,track_order\ncancel it,\n');
    expect(() => readTrainingCsv(emptyIntent)).toThrow(/empty-intent\.csv: row 2, field "intent": is empty/);
    const texts = join(directory, 'texts.csv');
    writeFileSync(texts, 'text\nwhere is my order\n"cancel, please"\n');
    expect(readTextCsv(texts)).toEqual([
      { id: '1', text: 'where is my order' },
      { id: '2', text: 'cancel, please' },
    ]);
  });

  it('refuses to train without two intents', async () => {
    await expect(trainIntentModel({ rows: [{ text: 'hi', intent: 'greet' }], outDir: join(directory, 'bad') })).rejects.toThrow(/at least two intents/);
  });
});
