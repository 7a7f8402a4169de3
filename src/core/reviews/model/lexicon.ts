/**
 * The sentiment lexicon the review model's features carry (see FeatureLexicon): built at
 * training time from VADER's word list (Hutto & Gilbert 2014, npm `vader-sentiment`,
 * Apache-2.0), then saved inside the model's config, so the app needs no lexicon file.
 */
import type { FeatureLexicon } from '../../text/features.ts';

/**
 * Negating words. Contractions typed with a curly apostrophe ("don’t") reach the featurizer
 * as "don" + "t", so those first halves count too, except "can" and "won", which are words.
 */
const negators = [
  'not', 'no', 'never', 'nothing', 'nobody', 'none', 'neither', 'nor', 'cannot', 'without', 'hardly', 'barely', 'scarcely',
  "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't", "won't", "wouldn't", "shouldn't", "couldn't", "can't",
  "hasn't", "haven't", "hadn't", "ain't", "mustn't", "needn't",
  'don', 'doesn', 'didn', 'isn', 'wasn', 'aren', 'weren', 'wouldn', 'shouldn', 'couldn', 'hasn', 'haven', 'hadn',
];

/**
 * Reads VADER's `vader_lexicon.txt` (word, mean valence −4 … 4, …; tab-separated): words of
 * letters (with at most one inner apostrophe, as the tokenizer keeps them), valence rounded;
 * emoticons and words rounding to 0 are left out.
 */
export function lexiconFromVader(text: string): FeatureLexicon {
  const polar: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const [word, valence] = line.split('\t');
    if (!word || !/^[a-z]+(?:'[a-z]+)?$/.test(word)) continue;
    const strength = Math.max(-4, Math.min(4, Math.round(Number(valence))));
    if (Number.isFinite(strength) && strength !== 0 && !negators.includes(word)) polar[word] = strength;
  }
  return { polar, negators: [...negators] };
}
