/**
 * Scores the store's reviews with the active review model: on import, and again for
 * every review when the model changes. Scores are kept per model, so switching back
 * and forth loses nothing.
 */
import { join } from 'node:path';
import type { CoreContext } from '../context.ts';
import { builtInReviewModelDir, loadReviewScorer, readReviewConfig, type ReviewScorer } from '../reviews/model/index.ts';

const scorers = new WeakMap<CoreContext, Promise<ReviewScorer>>();

/** Reviews scored per model run and per progress step. */
const batchSize = 2048;

/** The model shipped in models/review-sentiment; any other active model is a retrained folder in the data folder. */
export const builtInModel = 'built-in';
/** Settings row naming the active model; not part of Settings, which the user edits directly. */
const activeModelKey = 'reviews.activeModel';
/** Retrained models are named like their folder, so the name stored with a score finds its folder. */
export const retrainedModelName = /^reviews-\d{8}T\d{9}Z$/;

export function retrainedModelsDir(context: CoreContext): string {
  return join(context.dataDir, 'models');
}

export function activeReviewModel(context: CoreContext): string {
  const stored = context.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(activeModelKey) as string | undefined;
  return stored === undefined ? builtInModel : (JSON.parse(stored) as string);
}

export function reviewModelDir(context: CoreContext, model: string): string {
  return model === builtInModel ? builtInReviewModelDir(context.appRoot) : join(retrainedModelsDir(context), model);
}

/** The name the active model stores with its scores (the queue shows those first). */
export function activeScoreModel(context: CoreContext): string {
  const model = activeReviewModel(context);
  return model === builtInModel ? readReviewConfig(reviewModelDir(context, model)).name : model;
}

/** Records the active model (the caller's transaction) and drops the loaded scorer so the next score uses it. */
export function setActiveReviewModel(context: CoreContext, model: string): void {
  context.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(activeModelKey, JSON.stringify(model));
  scorers.delete(context);
}

export function reviewScorer(context: CoreContext): Promise<ReviewScorer> {
  let scorer = scorers.get(context);
  if (!scorer) {
    const loading = loadReviewScorer({ engine: context.engine, modelDir: reviewModelDir(context, activeReviewModel(context)) });
    loading.catch(() => {
      if (scorers.get(context) === loading) scorers.delete(context);
    });
    scorers.set(context, loading);
    scorer = loading;
  }
  return scorer;
}

let nextJob = 1;

/** Scores every review that has no score from the active model yet; returns how many were scored. */
export async function scoreUnscoredReviews(context: CoreContext): Promise<number> {
  const scorer = await reviewScorer(context);
  const { db, events } = context;
  const pending = db.prepare('SELECT count(*) FROM reviews r WHERE NOT EXISTS (SELECT 1 FROM review_scores s WHERE s.review_id = r.id AND s.model = ?)');
  const total = pending.pluck().get(scorer.name) as number;
  if (total === 0) return 0;
  const nextBatch = db.prepare(
    `SELECT r.id, r.title, r.text FROM reviews r
     WHERE NOT EXISTS (SELECT 1 FROM review_scores s WHERE s.review_id = r.id AND s.model = ?) ORDER BY r.id LIMIT ?`,
  );
  const insert = db.prepare(
    `INSERT INTO review_scores (review_id, model, sentiment, positive, rating, urgency, aspects, reasons)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (review_id, model) DO NOTHING`,
  );
  const setLanguage = db.prepare('UPDATE reviews SET lang = ? WHERE id = ?');
  const jobId = `score-${nextJob++}`;
  const label = `Scoring reviews with ${scorer.name}`;
  const task = { kind: 'score_reviews', model: scorer.name } as const;
  let done = 0;
  try {
    for (;;) {
      const rows = nextBatch.all(scorer.name, batchSize) as { id: number; title: string; text: string }[];
      if (rows.length === 0) break;
      const scores = await scorer.score(rows.map((row) => ({ title: row.title, text: row.text })));
      db.transaction(() => {
        rows.forEach((row, index) => {
          const score = scores[index];
          if (!score) return;
          insert.run(row.id, scorer.name, score.sentiment, score.positive, score.rating, score.urgency, JSON.stringify(score.aspects), JSON.stringify(score.reasons));
          setLanguage.run(score.lang, row.id);
        });
      })();
      done += rows.length;
      events.emit('progress', { jobId, label, task, done, total, finished: false });
    }
  } finally {
    events.emit('progress', { jobId, label, task, done, total, finished: true });
  }
  events.emit('changed', { domain: 'reviews' });
  return done;
}
