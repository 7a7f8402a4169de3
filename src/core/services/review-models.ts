/**
 * Retraining the review model inside the app. The built-in model was trained on public
 * review corpora that do not ship with the app, but what it learned is in its weights, so a
 * retrain adapts the built-in model (reviews/model/adapt.ts) to what this store holds: the
 * agents' sentiment corrections, plus reviews whose stars say it plainly (1-2 negative, 4-5
 * positive; 3 stars is left out as ambiguous). The candidate is evaluated beside the active
 * model on the same held-out rows, and the agent decides whether to switch. Adapting runs in
 * its own worker thread, so the core keeps answering meanwhile.
 */
import { readdirSync, rmSync } from 'node:fs';
import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import { reason } from '../../shared/error-reasons.ts';
import type { ReviewModelEvaluation, Sentiment } from '../../shared/types.ts';
import { audit, type CoreContext } from '../context.ts';
import { InvalidArgumentError, NotFoundError, ReasonedError } from '../errors.ts';
import { loadReviewScorer, readReviewConfig, type ReviewScorer, type ReviewTrainingRow } from '../reviews/model/index.ts';
import { composeReviewText } from '../reviews/model/review-text.ts';
import { adaptReviewModelInWorker } from '../reviews/model/adapt-in-worker.ts';
import { hashString } from '../text/hash.ts';
import { reviewCorrections } from './review-labels.ts';
import {
  activeReviewModel,
  builtInModel,
  retrainedModelName,
  retrainedModelsDir,
  reviewModelDir,
  reviewScorer,
  scoreUnscoredReviews,
  setActiveReviewModel,
} from './review-scoring.ts';

/** One row in five is held out for the side-by-side evaluation, chosen by the text so reruns pick the same rows. */
const heldOutEvery = 5;
/** Fewer rows than this cannot move the model in any way worth comparing. */
const minimumRows = 20;

interface LabelledText {
  text: string;
  label: Sentiment;
  rating?: number;
}

/** Corrections first; a rated review the agent corrected counts once, with the agent's label. */
function retrainingRows(context: CoreContext): LabelledText[] {
  const corrections = reviewCorrections(context);
  const corrected = new Set(corrections.map((row) => row.id));
  const rated = context.db.prepare('SELECT external_id AS id, title, text, rating FROM reviews WHERE rating IS NOT NULL AND rating <> 3 ORDER BY id').all() as {
    id: string;
    title: string;
    text: string;
    rating: number;
  }[];
  return [
    ...corrections.map((row) => ({ text: composeReviewText(row), label: row.label })),
    ...rated
      .filter((row) => !corrected.has(row.id))
      .map((row) => ({ text: composeReviewText(row), label: (row.rating >= 4 ? 'positive' : 'negative') as Sentiment, rating: row.rating })),
  ].filter((row) => row.text !== '');
}

export function reviewModelStatus(context: CoreContext): ApiResult<'reviews.modelStatus'> {
  return {
    active: activeReviewModel(context),
    corrections: reviewCorrections(context).length,
    ratedReviews: context.db.prepare('SELECT count(*) FROM reviews WHERE rating IS NOT NULL AND rating <> 3').pluck().get() as number,
    minimumRows,
  };
}

async function evaluate(scorer: ReviewScorer, model: string, rows: readonly LabelledText[]): Promise<ReviewModelEvaluation> {
  const scores = await scorer.score(rows.map((row) => ({ text: row.text })));
  const correct = scores.filter((score, index) => score.sentiment === rows[index]?.label).length;
  return { model, accuracy: rows.length ? correct / rows.length : 0, rows: rows.length };
}

let nextJob = 1;
/** One retrain at a time per store: a second would prune the first one's candidate. */
const retraining = new WeakSet<CoreContext>();

/**
 * Each retrain writes a 16 MB folder (the built-in model's size): keep only the active model and the new candidate (the
 * app offers no way back to older ones), with the scores of the removed ones.
 */
function removeOldCandidates(context: CoreContext, keep: readonly string[]): void {
  const folders = readdirSync(retrainedModelsDir(context)).filter((name) => retrainedModelName.test(name) && !keep.includes(name));
  if (folders.length === 0) return;
  const removeScores = context.db.prepare('DELETE FROM review_scores WHERE model = ?');
  context.db.transaction(() => {
    for (const folder of folders) removeScores.run(folder);
  })();
  for (const folder of folders) rmSync(reviewModelDir(context, folder), { recursive: true, force: true });
}

export async function retrainReviewModel(context: CoreContext): Promise<ApiResult<'reviews.retrain'>> {
  const rows = retrainingRows(context);
  const heldOut = rows.filter((row) => hashString(row.text) % heldOutEvery === 0);
  const training: ReviewTrainingRow[] = rows.filter((row) => hashString(row.text) % heldOutEvery !== 0);
  const labels = new Set(training.map((row) => row.label));
  if (rows.length < minimumRows || heldOut.length === 0 || !labels.has('positive') || !labels.has('negative')) {
    throw new InvalidArgumentError(reason('reviews.too_few_labels', { minimum: minimumRows, rows: rows.length }));
  }
  if (retraining.has(context)) throw new ReasonedError('unavailable', reason('reviews.retrain_running'));
  retraining.add(context);
  const candidate = `reviews-${new Date().toISOString().replace(/[-:.]/g, '')}`;
  const jobId = `retrain-${nextJob++}`;
  const label = `Retraining the review model on ${training.length} reviews`;
  const steps = 3;
  const report = (done: number, finished = false) => context.events.emit('progress', { jobId, label, task: { kind: 'retrain_reviews', reviews: training.length }, done, total: steps, finished });
  try {
    report(0);
    // Always from the built-in model, never from an earlier candidate: the result depends only on the store's labels, not on how often Retrain was pressed.
    await adaptReviewModelInWorker({ baseDir: reviewModelDir(context, builtInModel), rows: training, outDir: reviewModelDir(context, candidate), name: candidate });
    report(1);
    const current = await evaluate(await reviewScorer(context), activeReviewModel(context), heldOut);
    report(2);
    const candidateScorer = await loadReviewScorer({ engine: context.engine, modelDir: reviewModelDir(context, candidate) });
    const candidateEvaluation = await evaluate(candidateScorer, candidate, heldOut);
    audit(context, 'agent', 'reviews.retrain', candidate, { trainingRows: training.length, current, candidate: candidateEvaluation });
    removeOldCandidates(context, [activeReviewModel(context), candidate]);
    return { candidate, trainingRows: training.length, current, candidateEvaluation };
  } finally {
    retraining.delete(context);
    report(steps, true);
  }
}

export async function useReviewModel(context: CoreContext, args: ApiArgs<'reviews.useModel'>): Promise<ApiResult<'reviews.useModel'>> {
  if (args.model !== builtInModel && !retrainedModelName.test(args.model)) throw new RangeError(`"model" must be ${builtInModel} or a retrained model's name like reviews-20261128T201530123Z`);
  const modelDir = reviewModelDir(context, args.model);
  try {
    readReviewConfig(modelDir);
  } catch {
    throw new NotFoundError('review_model', args.model);
  }
  // Loads before switching, so a broken folder leaves the active model as it was.
  await loadReviewScorer({ engine: context.engine, modelDir });
  const previous = activeReviewModel(context);
  context.db.transaction(() => {
    setActiveReviewModel(context, args.model);
    audit(context, 'agent', 'reviews.useModel', args.model, { previous });
  })();
  const rescored = await scoreUnscoredReviews(context);
  context.events.emit('changed', { domain: 'reviews' });
  return { active: args.model, rescored };
}
