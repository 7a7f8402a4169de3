/**
 * Classifies customer messages with an intent model folder through onnxruntime.
 * A text is out of scope when the model says so (an `out_of_scope` class learned from
 * negatives), when its top probability is under the threshold tuned on validation, or
 * when none of its features was seen in training (gibberish, another language).
 * A message of several sentences that is refused as a whole is scored again sentence by
 * sentence: greetings, a story and thanks around one request dilute the whole text's
 * features, while the request's own sentence is clear, so its most confident in-scope
 * sentence answers for it.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { InferenceEngine } from '../inference/onnx-runtime.ts';
import { rowLookup, rowsOf } from './bag-model.ts';
import { featureBuckets } from './features.ts';
import { splitSentences } from '../text/segment.ts';
import { modelFileName, outOfScopeLabel, readBuckets, readIntentManifest } from './model-files.ts';

/** The e-commerce model shipped with the app (trained by scripts/train-intent-model.ts). */
export const builtInIntentModelDir = fileURLToPath(new URL('../../../models/intent-ecommerce/', import.meta.url));

export interface IntentPrediction {
  intent: string;
  /** Probability of the intent; for out-of-scope answers under the threshold, 1 − the top probability. */
  confidence: number;
}

export interface IntentClassifier {
  readonly labels: readonly string[];
  readonly threshold: number;
  /** The word for out of scope in this model's training data; predictions say out_of_scope, files this word. */
  readonly outOfScopeName: string;
  classify(texts: readonly string[]): Promise<IntentPrediction[]>;
}

export interface IntentClassifierOptions {
  engine: InferenceEngine;
  modelDir: string;
  /** Overrides the manifest's threshold, e.g. to trade answers for safety. */
  threshold?: number;
  /** Texts per inference call; bounds the padded batch. */
  batchSize?: number;
}

export async function loadIntentClassifier(options: IntentClassifierOptions): Promise<IntentClassifier> {
  const manifest = readIntentManifest(options.modelDir);
  const lookup = rowLookup(readBuckets(options.modelDir));
  // One operator thread: a small gather-and-multiply graph (see SessionSettings.threads).
  const session = await options.engine.load(join(options.modelDir, modelFileName), { threads: 1 });
  const threshold = options.threshold ?? manifest.threshold;
  const batchSize = options.batchSize ?? 64;

  async function classifyBatch(texts: readonly string[]): Promise<IntentPrediction[]> {
    const rows = texts.map((text) => rowsOf(featureBuckets(text, manifest.features), lookup));
    const length = Math.max(1, ...rows.map((textRows) => textRows.length));
    const featureRows = new BigInt64Array(texts.length * length);
    const featureMask = new Float32Array(texts.length * length);
    rows.forEach((textRows, index) => {
      textRows.forEach((row, position) => {
        featureRows[index * length + position] = BigInt(row);
        featureMask[index * length + position] = 1;
      });
    });
    const outputs = await session.run({
      feature_rows: { type: 'int64', data: featureRows, dims: [texts.length, length] },
      feature_mask: { type: 'float32', data: featureMask, dims: [texts.length, length] },
    });
    const probabilities = outputs.probabilities?.data as Float32Array;
    return rows.map((textRows, index) =>
      textRows.length === 0
        ? { intent: outOfScopeLabel, confidence: 1 }
        : decide(manifest, probabilities.subarray(index * manifest.labels.length, (index + 1) * manifest.labels.length), threshold),
    );
  }

  return {
    labels: manifest.labels.filter((label) => label !== outOfScopeLabel),
    threshold,
    outOfScopeName: manifest.outOfScopeName ?? outOfScopeLabel,
    async classify(texts) {
      const scoreAll = async (all: readonly string[]) => {
        const predictions: IntentPrediction[] = [];
        for (let start = 0; start < all.length; start += batchSize) predictions.push(...(await classifyBatch(all.slice(start, start + batchSize))));
        return predictions;
      };
      const wholes = await scoreAll(texts);
      // Only texts refused as a whole are read again sentence by sentence: the rest keep their answer.
      const retried = wholes.flatMap((whole, index) => {
        if (whole.intent !== outOfScopeLabel) return [];
        const sentences = splitSentences(texts[index] as string);
        return sentences.length > 1 ? [{ index, sentences }] : [];
      });
      const sentencePredictions = await scoreAll(retried.flatMap((item) => item.sentences));
      let next = 0;
      for (const { index, sentences } of retried) {
        const best = mostConfidentInScope(sentencePredictions.slice(next, next + sentences.length));
        next += sentences.length;
        if (best) wholes[index] = best;
      }
      return wholes;
    },
  };
}

function mostConfidentInScope(predictions: readonly IntentPrediction[]): IntentPrediction | undefined {
  let best: IntentPrediction | undefined;
  for (const prediction of predictions) if (prediction.intent !== outOfScopeLabel && prediction.confidence > (best?.confidence ?? 0)) best = prediction;
  return best;
}

/** The answer for one text's probabilities; shared with threshold tuning so both decide alike. */
export function decide(manifest: { labels: readonly string[] }, probabilities: ArrayLike<number>, threshold: number): IntentPrediction {
  let best = 0;
  for (let label = 1; label < probabilities.length; label += 1) if ((probabilities[label] as number) > (probabilities[best] as number)) best = label;
  const confidence = probabilities[best] as number;
  const intent = manifest.labels[best] as string;
  if (intent === outOfScopeLabel) return { intent, confidence };
  if (confidence < threshold) return { intent: outOfScopeLabel, confidence: 1 - confidence };
  return { intent, confidence };
}
