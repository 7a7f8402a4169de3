/**
 * `shopdesk intents classify --in FILE.csv --out FILE.jsonl`: one JSON line per input row,
 * `{"id","intent","confidence"}`, in input order. Out of scope is written the way the model's
 * training file wrote it (out_of_scope, or CLINC150's oos).
 */
import { writeFileSync } from 'node:fs';
import type { IntentClassifier } from './classifier.ts';
import { outOfScopeLabel } from './model-files.ts';
import { readTextCsv } from './csv.ts';

export async function classifyFile(options: { classifier: IntentClassifier; inFile: string; outFile: string }): Promise<{ rows: number }> {
  const rows = readTextCsv(options.inFile);
  const predictions = await options.classifier.classify(rows.map((row) => row.text));
  const lines = rows.map((row, index) => {
    const prediction = predictions[index] as { intent: string; confidence: number };
    const intent = prediction.intent === outOfScopeLabel ? options.classifier.outOfScopeName : prediction.intent;
    return JSON.stringify({ id: row.id, intent, confidence: Number(prediction.confidence.toFixed(4)) });
  });
  writeFileSync(options.outFile, lines.length > 0 ? `${lines.join('\n')}\n` : '');
  return { rows: rows.length };
}
