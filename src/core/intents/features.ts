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

/** Bumped whenever the features a text produces change: saved models depend on them. */
export const featureVersion = 1;

/** Size of the hash space; models keep only the buckets seen in training. */
export const hashBuckets = 1 << 22;

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const hanPattern = /\p{Script=Han}/u;

/** Lower-cased NFKC words; digit runs become one token so order numbers generalise. */
export function words(text: string): string[] {
  const result: string[] = [];
  for (const part of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (!part.isWordLike) continue;
    const word = part.segment.replace(/\d+/g, '0');
    result.push(word);
    // Segmenter words of Chinese are often 2–4 characters; single characters help with typos and rare words.
    if (word.length > 1 && hanPattern.test(word)) for (const character of word) result.push(character);
  }
  return result;
}

/** 32-bit FNV-1a over UTF-16 code units: fast, stable across platforms, good enough spread. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
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
