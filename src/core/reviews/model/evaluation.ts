/** Accuracy measures of review scores against labelled corpus rows, shared by the training and evaluation scripts. */
import type { CorpusRow } from './corpus.ts';

export interface Measure {
  rows: number;
  /** Rows labelled positive or negative, and how many of them the probability gets right. */
  polarRows: number;
  polarCorrect: number;
  polarityAccuracy: number;
  /** Mean of the recalls of positive and negative: what accuracy would be with as many negative reviews as positive. */
  balancedAccuracy: number;
  threeWayAccuracy?: number;
  ratingMae?: number;
}

export interface ScoredRow {
  positive: number;
  rating: number;
  sentiment?: string;
}

/** Accuracy on positive/negative rows (neutral rows left out), three-way accuracy and MAE where the rows have them. */
export function measure(rows: readonly CorpusRow[], predictions: readonly ScoredRow[]): Measure {
  let correct = 0;
  let binary = 0;
  const recalled = { positive: 0, negative: 0 };
  const polar = { positive: 0, negative: 0 };
  let threeWay = 0;
  let absolute = 0;
  let rated = 0;
  rows.forEach((row, index) => {
    const prediction = predictions[index] as ScoredRow;
    if (row.label !== 'neutral') {
      binary += 1;
      polar[row.label as 'positive' | 'negative'] += 1;
      if ((prediction.positive >= 0.5) === (row.label === 'positive')) {
        correct += 1;
        recalled[row.label as 'positive' | 'negative'] += 1;
      }
    }
    if (prediction.sentiment === row.label) threeWay += 1;
    if (row.rating !== undefined) {
      rated += 1;
      absolute += Math.abs(prediction.rating - row.rating);
    }
  });
  const balancedAccuracy = (recalled.positive / Math.max(1, polar.positive) + recalled.negative / Math.max(1, polar.negative)) / 2;
  const result: Measure = { rows: rows.length, polarRows: binary, polarCorrect: correct, polarityAccuracy: correct / Math.max(1, binary), balancedAccuracy };
  if (predictions[0]?.sentiment !== undefined) result.threeWayAccuracy = threeWay / Math.max(1, rows.length);
  if (rated) result.ratingMae = absolute / rated;
  return result;
}

/** Sets no left-out run trains on: other shops (Chinese and English). */
export const unseenSources = ['eprstmt', 'amazon_beauty', 'amazon_appliances'];

/** English electronics: the ABSA laptop and television sentences, the nearest the shared data has to phone and gadget reviews. */
export const isEnglishElectronics = (row: CorpusRow) => row.source === 'absa_en' && (row.domain === 'Laptops' || row.domain === 'Television');

export interface LeftOutRun {
  /** The online_shopping category this run leaves out. */
  category: string;
  trainingRows: CorpusRow[];
  /** Test sets by name: the category, each unseen source and English electronics, all their rows. */
  tests: Record<string, CorpusRow[]>;
}

/**
 * Runs that leave one online_shopping category, the unseen sources and English electronics out
 * of training: `count` categories spread over the sorted list, or every category for 'all'.
 */
export function leftOutRuns(corpus: readonly CorpusRow[], count: number | 'all'): LeftOutRun[] {
  const categories = [...new Set(corpus.filter((row) => row.source === 'online_shopping').map((row) => row.domain))].sort();
  const held = count === 'all' ? categories : categories.filter((_, index) => index % Math.ceil(categories.length / count) === 0);
  return held.map((category) => {
    const inCategory = (row: CorpusRow) => row.source === 'online_shopping' && row.domain === category;
    const tests: Record<string, CorpusRow[]> = { [`online_shopping[${category}]`]: corpus.filter(inCategory) };
    for (const source of unseenSources) tests[source] = corpus.filter((row) => row.source === source);
    tests['absa_en[Laptops+Television]'] = corpus.filter(isEnglishElectronics);
    const heldOut = (row: CorpusRow) => unseenSources.includes(row.source) || isEnglishElectronics(row) || inCategory(row);
    return { category, trainingRows: corpus.filter((row) => !heldOut(row)), tests };
  });
}
