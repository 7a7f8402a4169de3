/**
 * `shopdesk intents classify --in FILE.csv --out FILE.jsonl`: one JSON line per input row,
 * `{"id","intent","confidence"}`, in input order. Out of scope is written the way the model's
 * training file wrote it (out_of_scope, or CLINC150's oos).
 */
import { writeFileSync } from 'node:fs';
import type { IntentClassifier } from './classifier.ts';
import { outOfScopeLabel } from './model-files.ts';
import { readTextCsv } from './csv.ts';

export interface ClassifyFileOptions {
  classifier: IntentClassifier;
  inFile: string;
  outFile: string;
  /** A row with no text: it is answered out of scope with confidence 0. */
  onEmptyText?(row: number): void;
}

export async function classifyFile(options: ClassifyFileOptions): Promise<{ rows: number }> {
  const rows = readTextCsv(options.inFile);
  const texts = rows.filter((row) => row.text !== '').map((row) => row.text);
  const classified = await options.classifier.classify(texts);
  let next = 0;
  const predictions = rows.map((row, index) => {
    if (row.text !== '') return classified[next++] as { intent: string; confidence: number };
    options.onEmptyText?.(index + 1);
    return { intent: outOfScopeLabel, confidence: 0 };
  });
  const lines = rows.map((row, index) => {
    const prediction = predictions[index] as { intent: string; confidence: number };
    const intent = prediction.intent === outOfScopeLabel ? options.classifier.outOfScopeName : prediction.intent;
    return JSON.stringify({ id: row.id, intent, confidence: Number(prediction.confidence.toFixed(4)) });
  });
  writeFileSync(options.outFile, lines.length > 0 ? `${lines.join('\n')}\n` : '');
  return { rows: rows.length };
}
