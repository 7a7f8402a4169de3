/**
 * Aspect sentiment on sentences that praise one thing and fault another: the ABSA sentences
 * of ../shared/data/reviews/absa whose aspect terms disagree in polarity (`mixedAspectTerms`;
 * no model trains on them). Each (sentence, aspect term, polarity) whose term names exactly
 * one of our aspects (by the cue lexicon of aspects.ts) is scored through a review model as a
 * review, and the aspect's sentiment in the result is compared with the term's polarity. The
 * baseline gives every aspect the whole sentence's sentiment, which is what scoring without
 * clauses would say.
 *
 *   npx tsx scripts/eval-aspects.ts [--model DIR] [--errors]
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createInferenceEngine } from '../src/core/inference/onnx-runtime.ts';
import { createStderrLogger } from '../src/core/logger.ts';
import { aspectsInClause } from '../src/core/reviews/model/aspects.ts';
import { mixedAspectTerms, type AspectTermExample } from '../src/core/reviews/model/corpus.ts';
import { builtInReviewModelDir, loadReviewScorer } from '../src/core/reviews/model/scorer.ts';
import { defaultNormalizeOptions, normalizeText } from '../src/core/text/normalize.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { model: { type: 'string' }, errors: { type: 'boolean', default: false } } });

interface Tally {
  terms: number;
  right: number;
  polarTerms: number;
  polarRight: number;
}
const emptyTally = (): Tally => ({ terms: 0, right: 0, polarTerms: 0, polarRight: 0 });
const count = (tally: Tally, example: AspectTermExample, sentiment: string) => {
  tally.terms += 1;
  if (sentiment === example.polarity) tally.right += 1;
  if (example.polarity === 'neutral') return;
  tally.polarTerms += 1;
  if (sentiment === example.polarity) tally.polarRight += 1;
};
const percent = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1)} %`;
const line = (tally: Tally) => `${percent(tally.right, tally.terms)} (positive/negative terms only: ${percent(tally.polarRight, tally.polarTerms)})`;

const engine = createInferenceEngine({ logger: createStderrLogger(false), providers: ['cpu'] });
const scorer = await loadReviewScorer({ engine, modelDir: values.model ? resolve(values.model) : builtInReviewModelDir(repoRoot) });
console.log(`model ${scorer.name}`);
const allTerms = mixedAspectTerms(resolve(repoRoot, '../shared/data/reviews'));
for (const lang of ['en', 'zh'] as const) {
  const terms = allTerms.filter((example) => example.lang === lang);
  const named = terms.map((example) => ({ example, aspect: aspectsInClause(normalizeText(example.term, defaultNormalizeOptions)) })).filter(({ aspect }) => aspect.length === 1);
  // Two terms of one sentence that name the same aspect with different polarities say nothing clear about it.
  const polaritiesOf = new Map<string, Set<string>>();
  for (const { example, aspect } of named) {
    const key = `${example.sentence}\u0000${aspect[0]}`;
    polaritiesOf.set(key, (polaritiesOf.get(key) ?? new Set()).add(example.polarity));
  }
  const usable = named.filter(({ example, aspect }) => (polaritiesOf.get(`${example.sentence}\u0000${aspect[0]}`) as Set<string>).size === 1);
  const sentences = [...new Set(usable.map(({ example }) => example.sentence))];
  const scores = await scorer.score(sentences.map((text) => ({ text })));
  const scoreOf = new Map(sentences.map((sentence, index) => [sentence, scores[index]]));
  const aspectTally = emptyTally();
  const sentenceTally = emptyTally();
  let missed = 0;
  for (const { example, aspect } of usable) {
    const score = scoreOf.get(example.sentence);
    const found = score?.aspects.find((entry) => entry.aspect === aspect[0]);
    if (!score || !found) {
      missed += 1;
      continue;
    }
    count(aspectTally, example, found.sentiment);
    count(sentenceTally, example, score.sentiment);
    if (values.errors && found.sentiment !== example.polarity) console.log(`    ${example.polarity} ${found.aspect} [${example.term}] → ${found.sentiment}: ${example.sentence.slice(0, 160)}`);
  }
  console.log(`${lang}: ${terms.length} aspect terms in ${new Set(terms.map((example) => example.sentence)).size} mixed sentences; ${usable.length} name one of our aspects (${percent(usable.length, terms.length)}), ${missed} of them not found by the scorer`);
  console.log(`  aspect sentiment right:               ${line(aspectTally)}`);
  console.log(`  the whole sentence's sentiment instead: ${line(sentenceTally)}`);
}
await engine.release();
