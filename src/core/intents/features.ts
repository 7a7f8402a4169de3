/**
 * Text → hashed feature ids for the intent model, fastText style: words, word bigrams
 * and character n-grams of each word, hashed into a fixed space. Character n-grams
 * make typos and inflections ("refnd", "refunds") share features with the clean word;
 * Chinese has no spaces, so it is segmented with Intl.Segmenter and its characters
 * count as words too.
 *
 * Private to the intent model until the shared `src/core/text/` module offers the same
 * features; the model's manifest records `featureVersion` so a change here is caught.
 */
import { hashString } from '../text/hash.ts';
import { segmentWords } from '../text/segment.ts';

/** Bumped whenever the features a text produces change: saved models depend on them. */
export const featureVersion = 1;

/** Size of the hash space; models keep only the buckets seen in training. */
export const hashBuckets = 1 << 22;

const hanPattern = /\p{Script=Han}/u;

/** Lower-cased NFKC words; digit runs become one token so order numbers generalise. */
export function words(text: string): string[] {
  const result: string[] = [];
  for (const segment of segmentWords(text.normalize('NFKC').toLowerCase())) {
    const word = segment.replace(/\d+/g, '0');
    result.push(word);
    // Segmenter words of Chinese are often 2–4 characters; single characters help with typos and rare words.
    if (word.length > 1 && hanPattern.test(word)) for (const character of word) result.push(character);
  }
  return result;
}

export interface FeatureOptions {
  minCharGram: number;
  maxCharGram: number;
}

export const defaultFeatureOptions: FeatureOptions = { minCharGram: 3, maxCharGram: 5 };

/** Hash buckets of one text (with repeats: a repeated word weighs more, as in fastText). */
export function featureBuckets(text: string, options: FeatureOptions = defaultFeatureOptions): number[] {
  const tokens = words(text);
  const buckets: number[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const word = tokens[index] as string;
    buckets.push(hashString(`w ${word}`) % hashBuckets);
    if (index + 1 < tokens.length) buckets.push(hashString(`b ${word} ${tokens[index + 1]}`) % hashBuckets);
    const padded = `<${word}>`;
    if (hanPattern.test(word)) continue;
    for (let size = options.minCharGram; size <= options.maxCharGram; size += 1) {
      for (let start = 0; start + size <= padded.length; start += 1) {
        // The whole padded word is already the word feature.
        if (size === padded.length) continue;
        buckets.push(hashString(`c ${padded.slice(start, start + size)}`) % hashBuckets);
      }
    }
  }
  return buckets;
}
