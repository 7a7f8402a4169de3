/** The MODEL_CARD.md of a review model trained on the shared public data (see scripts/train-review-models.ts). */
import type { ReviewModelConfig } from './model-files.ts';
import { neutralHalfWidth } from './calibration.ts';

export interface CardMeasure {
  rows: number;
  polarityAccuracy: number;
  balancedAccuracy?: number;
  threeWayAccuracy?: number;
  ratingMae?: number;
}

export interface ReviewModelCardInput {
  config: ReviewModelConfig;
  sameDistribution: Record<string, CardMeasure>;
  outOfDomain: Record<string, CardMeasure[]>;
  sourceCounts: Record<string, number>;
}

const percent = (value: number | undefined) => (value === undefined ? '–' : `${(value * 100).toFixed(1)}%`);
const stars = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(3));

export function writeReviewModelCard(input: ReviewModelCardInput): string {
  const { config } = input;
  const lines = [
    `# ${config.name}: review sentiment and star rating (EN + ZH)`,
    '',
    'Scores product reviews: calibrated probability that a review is positive (three-way sentiment through a neutral band),',
    'and a predicted star rating (1–5, fractional). Aspects and urgency are rules in `src/core/reviews/model/` that use this model on clauses.',
    '',
    '## Model',
    `- fastText-style embedding bag trained in TypeScript (\`src/core/reviews/model/bag.ts\`), seed ${config.training.seed}: hashed features`,
    `  (tokens and token pairs/triples within a clause; Han characters are tokens, so character bi/trigrams; character ${config.features.minCharNgram}–${config.features.maxCharNgram}-grams of Latin words)`,
    `  in ${config.features.buckets.toLocaleString('en')} buckets, embedding dimension ${config.training.dimensions}, ${config.training.epochs} epochs of SGD, learning rate ${config.training.learningRate} decaying to 0.`,
    ...(config.features.lexicon
      ? [
          `- Sentiment lexicon features: each of ${Object.keys(config.features.lexicon.polar).length.toLocaleString('en')} polar English words of VADER (Hutto & Gilbert 2014; npm \`vader-sentiment\`, Apache-2.0; word list saved in \`config.json\`) also adds one feature per strength (−4 … 4), a separate one when a negator ("not", "never", "didn't", …) stands up to 3 words before it, so words the training reviews never used still carry their polarity.`,
        ]
      : []),
    '- The text vector is the mean of its features\' embeddings weighted by inverse document frequency (from the training rows).',
    '- Two linear heads on the mean embedding: sentiment (log loss; 3★ English reviews are targets of 0.5) and stars (absolute loss; Chinese rows, which have no stars, get implied ratings 4.7 / 1.6 at low weight).',
    '- Export: both heads are multiplied into the embeddings (exact, as the heads are linear), so `review-sentiment.onnx` is Gather → ReduceSum → ÷ weight total → affine → Sigmoid / Clip on a [buckets + 1, 4] table (weighted review sentiment, weighted stars, weighted clause sentiment, weight; zero for features never seen in training).',
    '- Aspect sentiment: the same sentiment head on each clause that names an aspect (the clause column of the table repeats the sentiment column; `scripts/eval-aspects.ts` measures it on ABSA sentences with aspects of opposite polarity, which training never sees).',
    ...(config.training.labelCleaning
      ? [
          `- Label cleaning: two models, each trained on half of the training rows, score the other half; the ${config.training.labelCleaning.droppedRows.toLocaleString('en')} rows labelled positive or negative (not star-rated) whose own label got a probability below ${config.training.labelCleaning.threshold} were dropped as likely mislabelled before the final training.`,
        ]
      : []),
    `- Calibration: Platt scaling on a 5% calibration split (scale ${config.calibration.scale.toFixed(4)}, shift ${config.calibration.shift.toFixed(4)}), folded into the graph.`,
    '- Rules on top (scorer): safety risks and legal threats lower the sentiment logit by 2 each ("the heater caught fire" has no negative word); aspect clauses use a 0.4–0.6 neutral band.',
    `- Neutral band on the probability of positive: negative below ${config.neutralBand.negativeBelow}, positive above ${config.neutralBand.positiveAbove} (chosen for macro F1 on the calibration split, within ${neutralHalfWidth} of even odds: neutral means the model cannot call it either way).`,
    `- Trained on ${config.training.rows.toLocaleString('en')} rows in ${(config.training.milliseconds / 1000).toFixed(0)} s on 2 CPU cores.`,
    '',
    '## Data (read from ../shared at training time; nothing of it is shipped except what the weights learned)',
    '| set | lang | labelled rows | licence as stated |',
    '| --- | --- | --- | --- |',
  ];
  const licences: Record<string, string> = {
    online_shopping: 'none stated (SophonPlus compilation); research use',
    womens_clothing: 'CC0 on Kaggle (as recalled by the provenance note)',
    amazon_beauty: 'UCSD Amazon 2018: research use',
    amazon_appliances: 'UCSD Amazon 2018: research use',
    eprstmt: 'FewCLUE: none stated',
    absa_en: 'research only (PyABSA collection)',
    absa_zh: 'research only (PyABSA collection)',
  };
  const languages: Record<string, string> = { online_shopping: 'zh', womens_clothing: 'en', amazon_beauty: 'en', amazon_appliances: 'en', eprstmt: 'zh', absa_en: 'en', absa_zh: 'zh' };
  for (const [source, count] of Object.entries(input.sourceCounts)) lines.push(`| ${source} | ${languages[source] ?? ''} | ${count.toLocaleString('en')} | ${licences[source] ?? ''} |`);
  lines.push(
    '',
    'Rows are split by a hash of their text (duplicates stay together): 90% training, 5% calibration, 5% validation.',
    'English ratings map to labels as 4–5★ positive, 1–2★ negative, 3★ neutral; ABSA sentences are used whole when all their aspects agree.',
    'Amazon summaries generated from the rating ("Five Stars") are dropped, and duplicated 5-core reviews kept once.',
    '',
    '**Licence note.** Several training sets are research-only or have no stated licence; the weights are a derived work of them.',
    'Check that this fits your distribution before shipping the built-in model commercially; a shop can train its own model on its own reviews (`trainReviewModel`).',
    '',
    '## Validation: same distribution (5% validation split, scored through onnxruntime)',
    '| set | rows | polarity accuracy (pos/neg) | three-way accuracy | star MAE |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const [source, result] of Object.entries(input.sameDistribution)) {
    lines.push(`| ${source} | ${result.rows} | ${percent(result.polarityAccuracy)} | ${percent(result.threeWayAccuracy)} | ${stars(result.ratingMae)} |`);
  }
  if (Object.keys(input.outOfDomain).length) {
    lines.push(
      '',
      '## Validation: other shops and product types (left out of training entirely)',
      'Each run trains on everything except one online_shopping category, the eprstmt and Amazon sets and the ABSA laptop and television sentences (English electronics), and tests on all rows of those.',
      'Balanced accuracy is the mean recall of positive and negative: the accuracy the model would have on a set with as many negative reviews as positive.',
      '| held-out set | runs | rows | polarity accuracy | balanced accuracy | star MAE |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const [name, results] of Object.entries(input.outOfDomain)) {
      const mean = (pick: (result: CardMeasure) => number | undefined) => {
        const values = results.map(pick).filter((value): value is number => value !== undefined);
        return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : undefined;
      };
      lines.push(`| ${name} | ${results.length} | ${results[0]?.rows ?? 0} | ${percent(mean((result) => result.polarityAccuracy))} | ${percent(mean((result) => result.balancedAccuracy))} | ${stars(mean((result) => result.ratingMae))} |`);
    }
  }
  lines.push(
    '',
    '## Limitations',
    '- English and Chinese only; other languages get features but the model has not seen them (language is reported as `other`).',
    '- Chinese star ratings are implied from sentiment (no Chinese star data); treat them as a sentiment scale.',
    '- The neutral band is learned from English 3★ reviews and ABSA neutral sentences; Chinese neutral reviews are rarer in training.',
    '- Sarcasm and reviews whose verdict depends on long context are the usual failure cases of bag-of-n-gram models.',
    '- Aspect sentiment on short English clauses about delivery, packaging or price is weak ("the delivery was very late" comes out neutral, "the price is fair" negative): the English training reviews are mostly about clothes and their fit.',
    '- Urgency reasons are keyword rules (EN + ZH) with simple negation handling; they can fire on unrelated uses of a cue ("乐坏了" is excluded, others may not be).',
    '',
  );
  return lines.join('\n');
}
