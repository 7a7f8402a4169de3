/**
 * Per-language logistic-regression heads beside the embedding bag. A plain linear model
 * over TF-IDF-weighted n-grams beat the bag on English clothing and on other shops
 * (docs/benchmarks.md), but one linear model for both languages cost English accuracy:
 * hashed features of English words share buckets with Chinese-only terms. So there are
 * two heads, each trained on its own language's rows only, and a review reads them through
 * a gate: its share of Chinese script. An English review never sees the Chinese head's
 * weights, whatever buckets they occupy.
 *
 * A head reads the same hashed features as the bag, each weighted by the bag's inverse
 * document frequency, over the Euclidean length of those weights (TF-IDF's usual
 * normalisation: on the calibration rows it beat dividing by the weight total as the bag
 * does, 93.9 % against 93.8 % in English and 93.3 % against 92.8 % in Chinese, with lower
 * log loss). The served graph gathers each head as one more column of its table and the
 * length from the weight column it already gathers.
 */
import { seededRandom, shuffle } from '../../random.ts';
import { countScripts } from '../../text/language.ts';
import { sigmoid } from './bag.ts';
import { fitPlatt, meanLogLoss } from './calibration.ts';

/** A Chinese character carries about as much as a three-letter stretch of English (as in detectLanguage). */
const hanWeight = 3;

/** Leading code units that decide the gate, as in detectLanguage. */
const sampleLength = 1000;

/**
 * Share of the (first 1,000 code units of the) text's letters that are Chinese script, each
 * Han character counting as three letters: 1 for Chinese, 0 for English, in between for mixed
 * text; 0.5 for a text without letters, which then reads both heads at half weight.
 */
export function chineseShare(normalizedText: string): number {
  const counts = countScripts(normalizedText, sampleLength);
  const han = (counts.han + counts.kana) * hanWeight;
  const total = han + counts.latin + counts.otherLetters;
  return total === 0 ? 0.5 : han / total;
}

export interface LanguageHeadExample {
  ids: Int32Array;
  /** 1 positive, 0 negative. */
  target: number;
}

export interface LanguageHeadOptions {
  epochs: number;
  /** AdaGrad step size. */
  learningRate: number;
  seed: number;
}

/** Chosen on the calibration rows among 10–20 epochs and step sizes 0.05–2. */
export const defaultLanguageHeadOptions: LanguageHeadOptions = { epochs: 20, learningRate: 0.1, seed: 1 };

export interface LinearHead {
  /** [buckets] weight of each feature in the head's logit (times the feature's weight, over the text's length; see textLength). */
  weights: Float32Array;
  bias: number;
}

/** The Euclidean length of a text's feature weights (a repeated feature counts each time, as in the graph's sum). */
export function textLength(featureWeights: Float32Array, ids: Int32Array): number {
  let squares = 0;
  for (let index = 0; index < ids.length; index += 1) squares += (featureWeights[ids[index] as number] as number) ** 2;
  return Math.sqrt(squares);
}

/** The head's logit of one text: its weighted features' sum over the text's length, plus the bias. */
export function linearLogit(head: LinearHead, featureWeights: Float32Array, ids: Int32Array): number {
  const length = textLength(featureWeights, ids);
  if (length <= 0) return head.bias;
  let sum = 0;
  for (let index = 0; index < ids.length; index += 1) {
    const id = ids[index] as number;
    sum += (head.weights[id] as number) * (featureWeights[id] as number);
  }
  return sum / length + head.bias;
}

/**
 * Logistic regression by AdaGrad (per-feature step sizes, so rare n-grams learn as fast as
 * common ones need to), epochs as the only regularisation, seeded. `featureWeights` are the
 * bag's inverse document frequencies: a feature no training text had stays at zero.
 */
export function trainLinearHead(examples: readonly LanguageHeadExample[], featureWeights: Float32Array, options: LanguageHeadOptions): LinearHead {
  const buckets = featureWeights.length;
  const weights = new Float64Array(buckets);
  const squaredGradients = new Float64Array(buckets);
  let bias = 0;
  let biasSquaredGradient = 0;
  const random = seededRandom(options.seed);
  const order = examples.map((_, index) => index);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    shuffle(order, random);
    for (const index of order) {
      const example = examples[index] as LanguageHeadExample;
      const length = textLength(featureWeights, example.ids);
      if (length <= 0) continue;
      let sum = 0;
      for (const id of example.ids) sum += (weights[id] as number) * (featureWeights[id] as number);
      const error = sigmoid(sum / length + bias) - example.target;
      for (const id of example.ids) {
        const gradient = (error * (featureWeights[id] as number)) / length;
        if (gradient === 0) continue;
        squaredGradients[id] = (squaredGradients[id] as number) + gradient * gradient;
        weights[id] = (weights[id] as number) - (options.learningRate * gradient) / Math.sqrt(squaredGradients[id] as number);
      }
      biasSquaredGradient += error * error;
      bias -= (options.learningRate * error) / Math.sqrt(biasSquaredGradient);
    }
  }
  return { weights: Float32Array.from(weights), bias };
}

/** The two heads, each already multiplied by its blend weight. */
export interface LanguageHeads {
  english: LinearHead;
  chinese: LinearHead;
}

/** What the heads add to the bag's logit: each head's logit weighted by the gate. */
export function languageLogit(heads: LanguageHeads, featureWeights: Float32Array, ids: Int32Array, share: number): number {
  const chinese = share > 0 ? share * linearLogit(heads.chinese, featureWeights, ids) : 0;
  const english = share < 1 ? (1 - share) * linearLogit(heads.english, featureWeights, ids) : 0;
  return chinese + english;
}

export interface LanguageHeadText {
  ids: Int32Array;
  /** chineseShare of the normalised text. */
  share: number;
  /** 1 positive, 0 negative. */
  target: number;
}

/**
 * Blend weights tried for each head, on the calibration rows. Up to 16, Chinese chose 16 and
 * the one Platt scaling both languages share then fitted English worse (log loss on all
 * calibration rows 0.2015 against 0.1736 with this grid).
 */
const blendWeights = [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];

/** Log loss of the logits after Platt scaling fitted on them. */
function plattLogLoss(logits: readonly number[], targets: readonly number[]): number {
  const { scale, shift } = fitPlatt(logits, targets);
  return meanLogLoss(logits, targets, scale, shift);
}

/** A text trains (and calibrates) the head of the language most of its letters are in. */
const isChinese = (text: { share: number }) => text.share >= 0.5;

function scaled(head: LinearHead, factor: number): LinearHead {
  return { weights: head.weights.map((weight) => weight * factor), bias: head.bias * factor };
}

/**
 * Trains each head on its language's training texts, then picks its blend weight on that
 * language's calibration texts: the weight whose bag + weight × head logit, Platt-scaled on
 * those texts, has the lowest log loss (0 when the head does not help).
 */
export function fitLanguageHeads(
  training: readonly LanguageHeadText[],
  calibration: readonly (LanguageHeadText & { bagLogit: number })[],
  featureWeights: Float32Array,
  options: LanguageHeadOptions,
): { heads: LanguageHeads; blend: { english: number; chinese: number } } {
  const fit = (chinese: boolean) => {
    const head = trainLinearHead(training.filter((text) => isChinese(text) === chinese), featureWeights, options);
    const rows = calibration.filter((text) => isChinese(text) === chinese);
    const headLogits = rows.map((text) => linearLogit(head, featureWeights, text.ids));
    let best = { weight: 0, logLoss: Number.POSITIVE_INFINITY };
    for (const weight of blendWeights) {
      const logLoss = plattLogLoss(
        rows.map((text, index) => text.bagLogit + weight * (headLogits[index] as number)),
        rows.map((text) => text.target),
      );
      if (logLoss < best.logLoss) best = { weight, logLoss };
    }
    return { head: scaled(head, rows.length ? best.weight : 0), weight: rows.length ? best.weight : 0 };
  };
  const english = fit(false);
  const chinese = fit(true);
  return { heads: { english: english.head, chinese: chinese.head }, blend: { english: english.weight, chinese: chinese.weight } };
}
