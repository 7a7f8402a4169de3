import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/random.ts';
import { readReviewConfig } from '../../src/core/reviews/model/model-files.ts';
import { createInProcessClient } from '../../src/core/transports/in-process.ts';
import type { ApiClient } from '../../src/shared/api.ts';
import type { ProgressEvent } from '../../src/shared/types.ts';
import { repositoryRoot } from '../../src/core/index.ts';
import { useCore } from '../helpers/core.ts';

const newCore = useCore();
/** The name the built-in model stores with its scores (it carries the model's version). */
const builtInName = readReviewConfig(join(repositoryRoot, 'models', 'review-sentiment')).name;

/** Reviews with obvious sentiment and stars that agree, a month apart, about two products. */
function reviewsCsv(count: number): string {
  const random = seededRandom(11);
  const pick = (items: string[]) => items[Math.floor(random() * items.length)] as string;
  const good = ['love it', 'excellent quality', 'works perfectly', 'great value for the price', 'fast delivery', 'so happy with it'];
  const bad = ['terrible', 'broke after a day', 'waste of money', 'very disappointed', 'awful quality', 'arrived late and damaged'];
  const lines = ['id,sku,rating,title,text,created_at'];
  for (let index = 0; index < count; index += 1) {
    const positive = index % 2 === 0;
    const phrases = positive ? good : bad;
    const month = 8 + (index % 3);
    lines.push(`S${index},${index % 4 === 0 ? 'POT' : 'TEA'},${positive ? 5 : 1},,"The item ${index}: ${pick(phrases)}, ${pick(phrases)}.",2026-${String(month).padStart(2, '0')}-1${index % 10}T10:00:00Z`);
  }
  return `${lines.join('\n')}\n`;
}

async function seeded(count = 8): Promise<{ client: ApiClient; progress: ProgressEvent[]; dataDir: string }> {
  const core = newCore();
  const client = createInProcessClient(core);
  const progress: ProgressEvent[] = [];
  client.on('progress', (event) => progress.push(event));
  await client.call('system.import', { kind: 'products', fileName: 'products.csv', content: 'sku,title\nTEA,Oolong tea\nPOT,Glass teapot\n' });
  await client.call('system.import', { kind: 'reviews', fileName: 'reviews.csv', content: reviewsCsv(count) });
  return { client, progress, dataDir: core.context.dataDir };
}

describe('review triage', () => {
  it('filters the queue by product, aspect, sentiment, language, dates and status, most urgent first', async () => {
    const { client } = await seeded();
    const all = await client.call('reviews.list', {});
    expect(all.total).toBe(8);
    const urgencies = all.items.map((review) => review.score?.urgency ?? 0);
    expect(urgencies).toEqual([...urgencies].sort((first, second) => second - first));
    expect((await client.call('reviews.list', { sku: 'POT' })).items.map((review) => review.id).sort()).toEqual(['S0', 'S4']);
    expect((await client.call('reviews.list', { from: '2026-09-01', to: '2026-09-30' })).items.map((review) => review.id).sort()).toEqual(['S1', 'S4', 'S7']);
    const negative = await client.call('reviews.list', { sentiment: 'negative' });
    expect(negative.items.every((review) => review.rating === 1)).toBe(true);
    const withAspect = all.items.find((review) => review.score?.aspects.length)?.score?.aspects[0]?.aspect;
    expect(withAspect).toBeDefined();
    const byAspect = await client.call('reviews.list', { aspect: withAspect });
    expect(byAspect.total).toBeGreaterThan(0);
    expect(byAspect.items.every((review) => review.score?.aspects.some((aspect) => aspect.aspect === withAspect))).toBe(true);
    expect((await client.call('reviews.list', { lang: 'en', status: 'open' })).total).toBe(8);
    // Refused with a reason the UI says in its own language, as well as in English.
    await expect(client.call('reviews.list', { from: '30/09/2026' })).rejects.toMatchObject({
      code: 'invalid_argument',
      message: '"from" must be a date like 2026-09-30, not "30/09/2026"',
      reason: { key: 'reviews.filter_not_a_date', params: { field: 'from', value: '30/09/2026' } },
    });
    await expect(client.call('reviews.list', { aspect: 'colour' })).rejects.toMatchObject({ code: 'invalid_argument', reason: { key: 'reviews.filter_not_one_of', params: { field: 'aspect' } } });
    await expect(client.call('reviews.assign', { ids: ['S1'], assignee: 'x'.repeat(81) })).rejects.toMatchObject({ code: 'invalid_argument', reason: { key: 'reviews.assignee_too_long', params: { max: 80 } } });
    await expect(client.call('reviews.list', { sentiment: 'angry' as never })).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('resolves, reopens and assigns in bulk, reporting what an undo must set back', async () => {
    const { client } = await seeded();
    await client.call('reviews.setStatus', { ids: ['S1'], status: 'resolved' });
    const resolved = await client.call('reviews.setStatus', { ids: ['S1', 'S2', 'S3', 'missing'], status: 'resolved' });
    expect(resolved).toEqual({ updated: 3, changed: ['S2', 'S3'] });
    await client.call('reviews.setStatus', { ids: resolved.changed, status: 'open' });
    expect((await client.call('reviews.list', { status: 'resolved' })).items.map((review) => review.id)).toEqual(['S1']);

    await client.call('reviews.assign', { ids: ['S1'], assignee: 'Bo' });
    const assigned = await client.call('reviews.assign', { ids: ['S1', 'S2'], assignee: '  Ann  ' });
    expect(assigned).toEqual({ updated: 2, previous: [{ id: 'S1', assignee: 'Bo' }, { id: 'S2', assignee: null }] });
    const listed = await client.call('reviews.list', { sku: 'TEA' });
    expect(listed.items.find((review) => review.id === 'S2')?.assignee).toBe('Ann');
    await client.call('reviews.assign', { ids: ['S2'] });
    expect((await client.call('reviews.list', { sku: 'TEA' })).items.find((review) => review.id === 'S2')?.assignee).toBeNull();
    const audit = await client.call('system.audit', { limit: 10 });
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['reviews.assign', 'reviews.setStatus']));
  });

  it('stores replies under the agent name and refuses blank ones', async () => {
    const { client } = await seeded();
    await client.call('system.updateSettings', { agentName: 'Mei' });
    const reply = await client.call('reviews.reply', { id: 'S1', body: ' Sorry to hear that, a replacement is on its way. ' });
    expect(reply).toMatchObject({ reviewId: 'S1', author: 'Mei', body: 'Sorry to hear that, a replacement is on its way.' });
    expect(await client.call('reviews.replies', { id: 'S1' })).toEqual([reply]);
    expect((await client.call('reviews.list', { sku: 'TEA' })).items.find((review) => review.id === 'S1')?.replies).toBe(1);
    await expect(client.call('reviews.reply', { id: 'S1', body: '   ' })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(client.call('reviews.reply', { id: 'nope', body: 'Hi' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps label corrections, files reviews under them and audits them', async () => {
    const { client } = await seeded();
    await client.call('reviews.setLabel', { id: 'S1', label: 'neutral' });
    const corrected = await client.call('reviews.setLabel', { id: 'S1', label: 'positive' });
    expect(corrected).toEqual({ id: 'S1', label: 'positive', correction: expect.any(Number) });
    const positives = await client.call('reviews.list', { sentiment: 'positive' });
    expect(positives.items.find((review) => review.id === 'S1')).toMatchObject({ label: 'positive', rating: 1 });
    await expect(client.call('reviews.setLabel', { id: 'S1', label: 'great' as never })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(client.call('reviews.setLabel', { id: 'nope', label: 'negative' })).rejects.toMatchObject({ code: 'not_found' });
    const entry = (await client.call('system.audit', { limit: 5 })).find((item) => item.action === 'reviews.setLabel');
    expect(JSON.parse(entry?.detail ?? '{}')).toEqual({ label: 'positive', previous: 'neutral', correction: corrected.correction });
    expect(await client.call('reviews.modelStatus', {})).toEqual({ active: 'built-in', corrections: 1, ratedReviews: 8, minimumRows: 20 });
  });

  it('withdraws a correction (undo): the one before counts again, then the model\'s score', async () => {
    const { client } = await seeded();
    const first = await client.call('reviews.setLabel', { id: 'S1', label: 'neutral' });
    const second = await client.call('reviews.setLabel', { id: 'S1', label: 'positive' });
    const label = async () => (await client.call('reviews.list', {})).items.find((review) => review.id === 'S1')?.label;
    expect(await client.call('reviews.withdrawLabel', { correction: second.correction })).toEqual({ id: 'S1', label: 'neutral' });
    expect(await label()).toBe('neutral');
    expect(await client.call('reviews.withdrawLabel', { correction: first.correction })).toEqual({ id: 'S1', label: null });
    expect(await label()).toBeNull();
    expect((await client.call('reviews.modelStatus', {})).corrections).toBe(0);
    await expect(client.call('reviews.withdrawLabel', { correction: first.correction })).rejects.toMatchObject({ code: 'not_found' });
    const actions = (await client.call('system.audit', { limit: 10 })).map((entry) => entry.action);
    expect(actions.filter((action) => action === 'reviews.withdrawLabel')).toHaveLength(2);
  });

  it('summarises a product by month with its aspects and quotes', async () => {
    const { client } = await seeded(12);
    const summary = await client.call('reviews.summary', { sku: 'TEA' });
    expect(summary).toMatchObject({ sku: 'TEA', productTitle: 'Oolong tea', total: 9 });
    expect(summary.series.map((entry) => entry.period)).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(summary.series.reduce((sum, entry) => sum + entry.positive + entry.neutral + entry.negative, 0)).toBe(9);
    for (const aspect of summary.aspects) {
      expect(aspect.quotes.length).toBeGreaterThan(0);
      expect(aspect.quotes.length).toBeLessThanOrEqual(3);
    }
    expect((await client.call('reviews.summary', { sku: 'TEA', period: 'week' })).series.length).toBeGreaterThanOrEqual(3);
    await expect(client.call('reviews.summary', { sku: 'NONE' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(client.call('reviews.summary', { sku: 'TEA', period: 'year' as never })).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('exports the filtered scores as CSV', async () => {
    const { client } = await seeded();
    await client.call('reviews.setLabel', { id: 'S4', label: 'neutral' });
    const exported = await client.call('reviews.export', { sku: 'POT' });
    expect(exported).toMatchObject({ fileName: 'review-scores.csv', mime: 'text/csv' });
    const rows = parse(exported.content, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0] ?? {})).toEqual(['id', 'product', 'lang', 'sentiment', 'positive', 'rating', 'aspects', 'urgency', 'reasons', 'status', 'label']);
    expect(rows.map((row) => row.id).sort()).toEqual(['S0', 'S4']);
    const corrected = rows.find((row) => row.id === 'S4');
    expect(corrected).toMatchObject({ product: 'POT', lang: 'en', status: 'open', label: 'neutral' });
    expect(Number(corrected?.positive)).toBeGreaterThanOrEqual(0);
    expect(['positive', 'neutral', 'negative']).toContain(corrected?.sentiment);
  });

  it('retrains from corrections and rated reviews, compares, switches with re-scoring and goes back', async () => {
    const { client, progress, dataDir } = await seeded(120);
    await expect(client.call('reviews.useModel', { model: '../etc' })).rejects.toMatchObject({ code: 'invalid_argument' });
    await expect(client.call('reviews.useModel', { model: 'reviews-20260101T000000000Z' })).rejects.toMatchObject({ code: 'not_found' });
    await client.call('reviews.setLabel', { id: 'S3', label: 'negative' });

    const result = await client.call('reviews.retrain', {});
    expect(result.candidate).toMatch(/^reviews-\d{8}T\d{9}Z$/);
    expect(existsSync(join(dataDir, 'models', result.candidate, 'review-sentiment.onnx'))).toBe(true);
    // The candidate is the built-in model adapted to this store, not a model of the store's reviews alone.
    expect(JSON.parse(readFileSync(join(dataDir, 'models', result.candidate, 'config.json'), 'utf8'))).toMatchObject({ adaptedFrom: { model: builtInName } });
    expect(result.current).toMatchObject({ model: 'built-in' });
    expect(result.candidateEvaluation.model).toBe(result.candidate);
    expect(result.candidateEvaluation.rows).toBe(result.current.rows);
    expect(result.current.rows + result.trainingRows).toBe(120);
    expect(result.candidateEvaluation.accuracy).toBeGreaterThan(0.8);
    expect(progress.some((event) => event.task.kind === 'retrain_reviews' && event.task.reviews > 0 && event.finished)).toBe(true);
    // Retraining switches nothing by itself.
    expect((await client.call('reviews.modelStatus', {})).active).toBe('built-in');

    progress.length = 0;
    expect(await client.call('reviews.useModel', { model: result.candidate })).toEqual({ active: result.candidate, rescored: 120 });
    expect(progress.some((event) => event.task.kind === 'score_reviews' && event.task.model === result.candidate && event.finished && event.done === 120)).toBe(true);
    const rescored = await client.call('reviews.list', { limit: 200 });
    expect(rescored.items.every((review) => review.score?.model === result.candidate)).toBe(true);
    const good = rescored.items.find((review) => review.id === 'S0');
    const bad = rescored.items.find((review) => review.id === 'S1');
    expect(good?.score?.positive).toBeGreaterThan(bad?.score?.positive ?? 1);

    // Back to the built-in model: its scores are still there, nothing to re-score.
    expect(await client.call('reviews.useModel', { model: 'built-in' })).toEqual({ active: 'built-in', rescored: 0 });
    expect((await client.call('reviews.list', { limit: 1 })).items[0]?.score?.model).toBe(builtInName);

    // A second retrain keeps the active model and the new candidate only; a third may not overlap it.
    const running = client.call('reviews.retrain', {});
    await expect(client.call('reviews.retrain', {})).rejects.toMatchObject({ code: 'unavailable' });
    const second = await running;
    expect(second.current.model).toBe('built-in');
    expect(existsSync(join(dataDir, 'models', second.candidate))).toBe(true);
    expect(existsSync(join(dataDir, 'models', result.candidate))).toBe(false);
  });

  it('refuses to retrain on too few labelled reviews', async () => {
    const { client } = await seeded(6);
    await expect(client.call('reviews.retrain', {})).rejects.toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('at least 20') });
  });
});
