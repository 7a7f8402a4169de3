import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/random.ts';
import { fitReviewModel, type ReviewTrainingRow } from '../../src/core/reviews/model/index.ts';
import { defaultFeatureOptions } from '../../src/core/text/features.ts';

/**
 * Reviews that say "Excellent" or "Terrible": 800 labelled, every 25th with the opposite
 * label, and 800 rated, every 25th with stars that contradict the words.
 */
function rows(): { rows: ReviewTrainingRow[]; flippedLabels: number } {
  const random = seededRandom(9);
  const items = ['kettle', 'jacket', 'lamp', 'blender', 'scarf', 'charger', 'mug', 'tent'];
  const result: ReviewTrainingRow[] = [];
  let flippedLabels = 0;
  for (const kind of ['labelled', 'rated'] as const) {
    for (let index = 0; index < 800; index += 1) {
      const positive = index % 2 === 0;
      const item = items[Math.floor(random() * items.length)] as string;
      const text = `The ${item} came in week ${index} (${kind}). ${positive ? 'Excellent' : 'Terrible'}, I told my neighbour.`;
      const says = index % 25 === 0 ? !positive : positive;
      // Rated rows carry the label their stars imply, as the shared data's rows do.
      if (kind === 'rated') result.push({ text, rating: says ? 5 : 1, label: says ? 'positive' : 'negative' });
      else result.push({ text, label: says ? 'positive' : 'negative' });
      if (kind === 'labelled' && says !== positive) flippedLabels += 1;
    }
  }
  return { rows: result, flippedLabels };
}

describe('label cleaning', () => {
  const options = { features: { ...defaultFeatureOptions, buckets: 1 << 16 }, dimensions: 8, epochs: 5 };

  it('drops labelled rows that contradict their words, and never a rated row', () => {
    const { rows: training, flippedLabels } = rows();
    const cleaned = fitReviewModel(training, 3, { ...options, labelCleaning: 0.2 });
    // The contradicting labelled rows outside the calibration split go; the same number of
    // contradicting rated rows stays (dropping them too would double the count).
    expect(cleaned.droppedRows).toBeGreaterThanOrEqual(flippedLabels * 0.75);
    expect(cleaned.droppedRows).toBeLessThanOrEqual(flippedLabels);
    expect(cleaned.trainingRows + cleaned.droppedRows).toBe(fitReviewModel(training, 3, options).trainingRows);
  });

  it('keeps every row when off', () => {
    expect(fitReviewModel(rows().rows, 3, { ...options, labelCleaning: 0 }).droppedRows).toBe(0);
  });
});
