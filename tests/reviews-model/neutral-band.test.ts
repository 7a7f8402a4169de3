/**
 * The neutral band: chosen for macro F1, but only within a few points of even odds, so a
 * review the model reads clearly one way is never called neutral however many neutral
 * reviews the calibration rows hold.
 */
import { describe, expect, it } from 'vitest';
import { chooseNeutralBand, defaultNeutralBand, neutralHalfWidth, threeWay, type ThreeWay } from '../../src/core/reviews/model/calibration.ts';

describe('neutral band', () => {
  it('stays within the half width of even odds even where a wide band would score better', () => {
    // Neutral reviews around 0.35 and 0.65: macro F1 alone would widen the band to hold them.
    const probabilities: number[] = [];
    const labels: ThreeWay[] = [];
    for (let index = 0; index < 50; index += 1) {
      probabilities.push(0.35, 0.65, 0.1, 0.9, 0.5);
      labels.push('neutral', 'neutral', 'negative', 'positive', 'neutral');
    }
    const band = chooseNeutralBand(probabilities, labels);
    expect(band.negativeBelow).toBeGreaterThanOrEqual(0.5 - neutralHalfWidth - 1e-9);
    expect(band.positiveAbove).toBeLessThanOrEqual(0.5 + neutralHalfWidth + 1e-9);
    expect(threeWay(0.5, band)).toBe('neutral');
    expect(threeWay(0.35, band)).toBe('negative');
    expect(threeWay(0.65, band)).toBe('positive');
  });

  it('falls back to the default band when the rows have no neutral label', () => {
    expect(chooseNeutralBand([0.2, 0.8], ['negative', 'positive'])).toEqual(defaultNeutralBand);
    expect(threeWay(0.52, defaultNeutralBand)).toBe('neutral');
    expect(threeWay(0.6, defaultNeutralBand)).toBe('positive');
  });
});
