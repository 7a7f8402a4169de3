/**
 * Reads the public review data sets (the `data/reviews` folder of the shared data) into
 * one list of labelled rows with a deterministic split. Used by training scripts, the
 * benchmark and tests; the app itself never reads these files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { hashString } from '../../text/hash.ts';
import type { ReviewSentiment } from './training-rows.ts';

export type CorpusSplit = 'train' | 'calibration' | 'validation';

export interface CorpusRow {
  text: string;
  label?: ReviewSentiment;
  rating?: number;
  /** Data set the row comes from, e.g. 'online_shopping', 'womens_clothing'. */
  source: string;
  /** Finer grouping inside a source (product category), for leave-one-out evaluation. */
  domain: string;
  lang: 'en' | 'zh';
  split: CorpusSplit;
}

/**
 * Splits by the text itself (not the row), so duplicated reviews never straddle splits:
 * 5% calibration (temperature and thresholds), 5% validation (reported numbers), 90% training.
 */
export function splitOf(text: string): CorpusSplit {
  const bucket = hashString(text.trim().toLowerCase()) % 20;
  return bucket === 0 ? 'calibration' : bucket === 1 ? 'validation' : 'train';
}

function labelOfRating(rating: number): ReviewSentiment {
  return rating >= 4 ? 'positive' : rating <= 2 ? 'negative' : 'neutral';
}

function join2(title: string | undefined, text: string | undefined): string {
  const parts = [title?.trim(), text?.trim()].filter((part): part is string => Boolean(part));
  return parts.join('. ');
}

type Row = Omit<CorpusRow, 'split'>;

function onlineShopping(root: string): Row[] {
  const records = parse(readFileSync(join(root, 'online_shopping_10_cats/train.csv')), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return records
    .filter((record) => record.text?.trim())
    .map((record) => ({ text: record.text as string, label: record.label === '1' ? 'positive' : 'negative', source: 'online_shopping', domain: record.category ?? '', lang: 'zh' }));
}

function womensClothing(root: string): Row[] {
  const records = parse(readFileSync(join(root, 'womens_clothing/train.csv')), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const rows: Row[] = [];
  for (const record of records) {
    const text = join2(record.title, record.text);
    const rating = Number(record.rating);
    if (!text || !(rating >= 1 && rating <= 5)) continue;
    rows.push({ text, rating, label: labelOfRating(rating), source: 'womens_clothing', domain: record.department || 'clothing', lang: 'en' });
  }
  return rows;
}

// Amazon fills empty summaries with "Five Stars" etc.: that would leak the rating into the text.
const generatedSummary = /^(one|two|three|four|five) stars?$/i;

function amazon(root: string, folder: string, file: string, source: string): Row[] {
  const lines = gunzipSync(readFileSync(join(root, folder, file))).toString('utf8').split('\n');
  const seen = new Set<string>();
  const rows: Row[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { overall?: number; reviewText?: string; summary?: string };
    const summary = record.summary && !generatedSummary.test(record.summary.trim()) ? record.summary : undefined;
    const text = join2(summary, record.reviewText);
    const rating = Number(record.overall);
    // The 5-core files repeat one review across product variants: keep each text once.
    if (!text || seen.has(text) || !(rating >= 1 && rating <= 5)) continue;
    seen.add(text);
    rows.push({ text, rating, label: labelOfRating(rating), source, domain: source, lang: 'en' });
  }
  return rows;
}

function eprstmt(root: string): Row[] {
  const seen = new Set<string>();
  const rows: Row[] = [];
  for (const file of ['train_few_all.json', 'dev_few_all.json', 'test_public.json']) {
    for (const line of readFileSync(join(root, 'eprstmt_fewclue', file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const record = JSON.parse(line) as { sentence?: string; label?: string };
      if (!record.sentence || seen.has(record.sentence) || (record.label !== 'Positive' && record.label !== 'Negative')) continue;
      seen.add(record.sentence);
      rows.push({ text: record.sentence, label: record.label === 'Positive' ? 'positive' : 'negative', source: 'eprstmt', domain: 'eprstmt', lang: 'zh' });
    }
  }
  return rows;
}

/** One (sentence, aspect term, polarity) triple of an ABSA file. */
export interface AspectTermExample {
  sentence: string;
  term: string;
  polarity: ReviewSentiment;
  lang: 'en' | 'zh';
  domain: string;
}

const absaFiles = {
  en: ['Laptops_Train.xml.seg', 'Menstshirt_Train.xml.seg', 'Television_Train.xml.seg'],
  zh: ['camera.train.txt', 'car.train.txt', 'hair.train.txt', 'notebook.train.txt', 'phone.train.txt'],
};

/** ABSA files hold (sentence with $T$, aspect term, polarity) triples, three lines each. */
function absaTriples(root: string, lang: 'en' | 'zh'): AspectTermExample[] {
  const examples: AspectTermExample[] = [];
  // Chinese files are tokenised with spaces between characters: join them back.
  const untokenise = (text: string) => (lang === 'zh' ? text.replace(/\s+(?=[\u0080-\uffff])|(?<=[\u0080-\uffff])\s+/g, '') : text);
  for (const file of absaFiles[lang]) {
    const lines = readFileSync(join(root, 'absa', lang, file), 'utf8').split('\n');
    for (let index = 0; index + 2 < lines.length; index += 3) {
      const term = (lines[index + 1] as string).trim();
      const sentence = untokenise((lines[index] as string).replace('$T$', term).trim());
      const polarity = (lines[index + 2] as string).trim();
      const label: ReviewSentiment = polarity === 'Positive' ? 'positive' : polarity === 'Negative' ? 'negative' : 'neutral';
      examples.push({ sentence, term: untokenise(term), polarity: label, lang, domain: file.replace(/[._].*$/, '') });
    }
  }
  return examples;
}

/** A sentence within its file: a few sentences occur in two files, each time with its own terms. */
const sentenceKey = (example: AspectTermExample) => `${example.domain}\u0000${example.sentence}`;

/** Polarities of each ABSA sentence's aspect terms, by sentenceKey. */
function polaritiesBySentence(examples: readonly AspectTermExample[]): Map<string, Set<ReviewSentiment>> {
  const polarities = new Map<string, Set<ReviewSentiment>>();
  for (const example of examples) polarities.set(sentenceKey(example), (polarities.get(sentenceKey(example)) ?? new Set()).add(example.polarity));
  return polarities;
}

/** A sentence whose aspects all agree is a review with that polarity. */
function absa(root: string, lang: 'en' | 'zh'): Row[] {
  const examples = absaTriples(root, lang);
  const polarities = polaritiesBySentence(examples);
  const rows: Row[] = [];
  const taken = new Set<string>();
  for (const example of examples) {
    const key = sentenceKey(example);
    if ((polarities.get(key) as Set<ReviewSentiment>).size !== 1 || taken.has(key)) continue;
    taken.add(key);
    rows.push({ text: example.sentence, label: example.polarity, source: `absa_${lang}`, domain: example.domain, lang });
  }
  return rows;
}

/**
 * The aspect terms of ABSA sentences that praise one thing and fault another: what
 * `scripts/eval-aspects.ts` measures aspect sentiment on. The whole-review rows leave these
 * sentences out (they have no one polarity), so no model is trained on them.
 */
export function mixedAspectTerms(reviewsRoot: string): AspectTermExample[] {
  return (['en', 'zh'] as const).flatMap((lang) => {
    const examples = absaTriples(reviewsRoot, lang);
    const polarities = polaritiesBySentence(examples);
    const mixed = (example: AspectTermExample) => (polarities.get(sentenceKey(example)) as Set<ReviewSentiment>).size > 1;
    // A few sentences are mixed in one file and whole-review rows in another: those are trained on.
    const wholeReviews = new Set(examples.filter((example) => !mixed(example)).map((example) => example.sentence));
    return examples.filter((example) => mixed(example) && !wholeReviews.has(example.sentence));
  });
}

/** All labelled review rows of the shared data, each with its split. `reviewsRoot` is `<shared>/data/reviews`. */
export function loadReviewCorpus(reviewsRoot: string): CorpusRow[] {
  const rows = [
    ...onlineShopping(reviewsRoot),
    ...womensClothing(reviewsRoot),
    ...amazon(reviewsRoot, 'amazon2018_5core_all_beauty', 'All_Beauty_5.json.gz', 'amazon_beauty'),
    ...amazon(reviewsRoot, 'amazon2018_5core_appliances', 'Appliances_5.json.gz', 'amazon_appliances'),
    ...eprstmt(reviewsRoot),
    ...absa(reviewsRoot, 'en'),
    ...absa(reviewsRoot, 'zh'),
  ];
  return rows.map((row) => ({ ...row, split: splitOf(row.text) }));
}
