/**
 * Text → sparse hashed feature ids, fastText style: tokens, token pairs and triples within
 * a clause, and character n-grams of Latin-script words, all hashed into one fixed space.
 * Chinese characters are tokens, so their pairs and triples are the usual character
 * bigrams and trigrams; character n-grams let typos and inflections share features.
 * Feature ids repeat when a feature repeats, so counts carry weight as in fastText.
 * Hashes are computed straight from the text's code units: scoring allocates almost nothing.
 * With a sentiment lexicon, each polar word also yields one feature shared by every word of
 * its strength (negated or not): a model then knows "defective" is bad even when its
 * training reviews never used the word, which is what carries it to other shops' products.
 */
import { combineHashes, fnvOffset, hashStep, hashString } from './hash.ts';
import { normalizeText } from './normalize.ts';
import { createTokenSpans, longNumberLength, scanSpans } from './tokenize.ts';

/** Bumped whenever the ids a text produces change: saved models depend on them. */
export const featureVersion = 1;

export interface FeatureOptions {
  /** Size of the hash space; ids are in [0, buckets). */
  buckets: number;
  /** Longest token sequence hashed as one feature (1 = tokens only, 3 = up to triples). */
  tokenNgrams: number;
  /** Character n-gram sizes of Latin-script words, with < and > marking the word ends; 0 turns them off. */
  minCharNgram: number;
  maxCharNgram: number;
  /** Cap on the features of one text, so a pathological text costs a bounded time. */
  maxFeatures: number;
  /** Sentiment lexicon whose polar words add shared features (reviews); absent: no such features. */
  lexicon?: FeatureLexicon;
}

/** A sentiment lexicon as part of the feature settings (saved with a model, so served features match). */
export interface FeatureLexicon {
  /** Word (normalised: lower case) → strength, −4 (very negative) … 4 (very positive), whole and non-zero. */
  polar: Record<string, number>;
  /** Words that flip a polar word up to `negationWindow` tokens later in the same clause. */
  negators: string[];
}

/** VADER's window: a negator reaches the three words after it ("not very good at all"). */
export const negationWindow = 3;

export const defaultFeatureOptions: FeatureOptions = { buckets: 1 << 20, tokenNgrams: 3, minCharNgram: 3, maxCharNgram: 5, maxFeatures: 4096 };

// Seeds per token kind (word, number, han, symbol: the order of tokenKinds) and for character n-grams.
const kindSeeds = [0x77, 0x6e, 0x68, 0x73].map((code) => hashStep(fnvOffset, code));
const numberKind = 1;
const wordKind = 0;
const charNgramSeed = hashStep(fnvOffset, 0x63);
const longNumberHash = hashStep(kindSeeds[numberKind] as number, 0x23);
const lexiconSeed = hashStep(fnvOffset, 0x6c);
const negatedLexiconSeed = hashStep(fnvOffset, 0x4c);
const wordStartCode = 0x3c;
const wordEndCode = 0x3e;

export interface TextSegment {
  start: number;
  end: number;
}

export interface SegmentFeatures {
  ids: Int32Array;
  /** Segment `s` owns ids[offsets[s] … offsets[s + 1]). */
  offsets: Int32Array;
}

export interface Featurizer {
  readonly options: FeatureOptions;
  /** Hashed feature ids of an already normalised text (see normalizeText). */
  featurize(normalizedText: string): Int32Array;
  /**
   * Features of each segment (e.g. clause) of a normalised text, one after the other, as
   * if each were featurised alone: no n-gram spans two segments. Capped at maxFeatures in all.
   */
  featurizeSegments(normalizedText: string, segments: readonly TextSegment[]): SegmentFeatures;
}

/** The hash the featurizer computes for a word token (signed, as `collect` holds it), so lexicon words are matched without building strings. */
function wordHash(word: string): number {
  return hashString(word, kindSeeds[wordKind]) | 0;
}

/** What the lexicon table holds for a negator (polar words hold their strength, −4 … 4, never 0). */
const negatorMark = 127;

/**
 * Word hash → small number, 0 for words not in it: an open-addressing table in typed arrays,
 * because a Map keyed by 32-bit hashes made featurising a fifth slower.
 */
function createWordTable(entries: readonly (readonly [hash: number, value: number])[]): (hash: number) => number {
  let size = 1;
  while (size < entries.length * 2) size *= 2;
  const mask = size - 1;
  const keys = new Int32Array(size);
  const values = new Int8Array(size);
  for (const [hash, value] of entries) {
    let slot = (hash ^ (hash >>> 16)) & mask;
    while (values[slot] !== 0 && keys[slot] !== hash) slot = (slot + 1) & mask;
    keys[slot] = hash;
    values[slot] = value;
  }
  return (hash) => {
    let slot = (hash ^ (hash >>> 16)) & mask;
    for (;;) {
      const value = values[slot] as number;
      if (value === 0 || keys[slot] === hash) return value;
      slot = (slot + 1) & mask;
    }
  };
}

export function createFeaturizer(options: FeatureOptions = defaultFeatureOptions): Featurizer {
  const { buckets, tokenNgrams, minCharNgram, maxCharNgram, maxFeatures, lexicon } = options;
  const lexiconWord = lexicon
    ? createWordTable([
        ...Object.entries(lexicon.polar).map(([word, strength]) => [wordHash(word), strength] as const),
        ...lexicon.negators.map((word) => [wordHash(word), negatorMark] as const),
      ])
    : undefined;
  // A power-of-two space takes ids with a mask: the same ids as the remainder, without float arithmetic.
  const mask = (buckets & (buckets - 1)) === 0 ? buckets - 1 : -1;
  const bucketOf = (hash: number) => (mask >= 0 ? hash & mask : (hash >>> 0) % buckets);
  const output = new Int32Array(maxFeatures);
  const spans = createTokenSpans();
  // Hashes of the last tokens of the current clause, newest first.
  const recent = new Int32Array(Math.max(1, tokenNgrams));

  /** Appends the features of text[from, to) to `output` from `count`; returns the new count. */
  function collect(text: string, from: number, to: number, count: number): number {
    scanSpans(text, spans, from, to);
    const { starts, ends, kinds, clauseStarts } = spans;
    let clauseLength = 0;
    // How many more tokens the last negator reaches, and whether it was the token just before.
    let negationReach = 0;
    let afterNegator = false;
    for (let token = 0; token < spans.count && count < maxFeatures; token += 1) {
      const start = starts[token] as number;
      const end = ends[token] as number;
      const kind = kinds[token] as number;
      let hash: number;
      if (kind === numberKind && end - start > longNumberLength) hash = longNumberHash;
      else {
        hash = kindSeeds[kind] as number;
        for (let index = start; index < end; index += 1) hash = hashStep(hash, text.charCodeAt(index));
      }
      output[count++] = bucketOf(hash);
      if (clauseStarts[token] === 1) clauseLength = 0;
      if (lexiconWord) {
        // "didn’t" arrives as "didn", a break (the curly apostrophe), "t": the "t" neither ends the negation nor counts.
        // (Not mended in the tokenizer: that would change every feature and void every saved review model.)
        const contractionTail = afterNegator && end - start === 1 && text.charCodeAt(start) === 0x74;
        afterNegator = false;
        if (!contractionTail) {
          if (clauseStarts[token] === 1) negationReach = 0;
          const entry = kind === wordKind ? lexiconWord(hash) : 0;
          const negated = negationReach > 0;
          if (negated) negationReach -= 1;
          if (entry === negatorMark) {
            negationReach = negationWindow;
            afterNegator = true;
          } else if (entry !== 0 && count < maxFeatures) output[count++] = bucketOf(hashStep(negated ? negatedLexiconSeed : lexiconSeed, entry + 8));
        }
      }
      let combined = hash;
      for (let size = 2; size <= tokenNgrams && size - 2 < clauseLength && count < maxFeatures; size += 1) {
        combined = combineHashes(recent[size - 2] as number, combined);
        output[count++] = bucketOf(combined);
      }
      for (let index = recent.length - 1; index > 0; index -= 1) recent[index] = recent[index - 1] as number;
      recent[0] = hash;
      clauseLength += 1;
      if (kind !== wordKind || minCharNgram <= 0) continue;
      // Character n-grams over "<word>", without building the padded string.
      const padded = end - start + 2;
      for (let gramStart = 0; gramStart < padded; gramStart += 1) {
        let gram = charNgramSeed;
        for (let size = 1; size <= maxCharNgram && gramStart + size <= padded; size += 1) {
          const position = gramStart + size - 1;
          const code = position === 0 ? wordStartCode : position === padded - 1 ? wordEndCode : text.charCodeAt(start + position - 1);
          gram = hashStep(gram, code);
          // The whole padded word is already the token feature.
          if (size >= minCharNgram && size < padded && count < maxFeatures) output[count++] = bucketOf(gram);
        }
      }
    }
    return count;
  }

  return {
    options,
    featurize(text) {
      return output.slice(0, collect(text, 0, text.length, 0));
    },
    featurizeSegments(text, segments) {
      const offsets = new Int32Array(segments.length + 1);
      let count = 0;
      segments.forEach((segment, index) => {
        count = collect(text, segment.start, segment.end, count);
        offsets[index + 1] = count;
      });
      return { ids: output.slice(0, count), offsets };
    },
  };
}

/** Normalises and featurises one text; for many texts, create one Featurizer and reuse it. */
export function featurize(text: string, options: FeatureOptions = defaultFeatureOptions): Int32Array {
  return createFeaturizer(options).featurize(normalizeText(text));
}
