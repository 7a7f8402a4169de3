/**
 * Recommender benchmark on the shared data, with our own leave-last-out split (each
 * user's last interaction by time held out; all items ranked, seen items excluded):
 * HR@10 / NDCG@10 for popularity, item-kNN and the blend, on MovieLens-100K and Amazon
 * Scientific; training time on MovieLens-100K and the time to recommend for 1,000 users.
 *
 *   npx tsx scripts/bench-recs.ts [--only movielens|amazon]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createInferenceEngine } from '../src/core/inference/onnx-runtime.ts';
import { createStderrLogger } from '../src/core/logger.ts';
import { deduplicateInteractions, indexInteractions, leaveLastOut, readInteractionsCsv, type Interaction } from '../src/core/recs/interactions.ts';
import { itemCosine } from '../src/core/recs/item-similarity.ts';
import { rankingMetrics, type RankingMetrics } from '../src/core/recs/metrics.ts';
import { addRow } from '../src/core/recs/model.ts';
import { recommendForUsers } from '../src/core/recs/recommend.ts';
import { topIndices } from '../src/core/recs/scoring.ts';
import { loadRecommender, saveRecommender } from '../src/core/recs/storage.ts';
import { trainRecommender, type TrainOptions } from '../src/core/recs/train.ts';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const sharedRecs = resolve(repoRoot, '../shared/data/recs');

export function readMovieLens(): Interaction[] {
  return readInteractionsCsv(resolve(sharedRecs, 'movielens_100k/train.csv'));
}

/**
 * Amazon Scientific as interactions: each user's valid history plus its target (the
 * sequence without the held-back test item), the position in the sequence as timestamp;
 * ASINs as item ids, with their titles as item texts. A repeated user–item pair keeps its
 * latest position, as `shopdesk recs train` reads a CSV of these rows.
 */
export function readAmazonScientific(): { interactions: Interaction[]; texts: Map<string, string> } {
  const folder = resolve(sharedRecs, 'amazon_scientific');
  const lines = (file: string) => readFileSync(join(folder, file), 'utf8').split('\n').filter((line) => line.trim() !== '');
  const asinByIndex = new Map(lines('Scientific.item2index').map((line) => line.split('\t').reverse() as [string, string]));
  const interactions: Interaction[] = [];
  for (const line of lines('Scientific.valid.inter').slice(1)) {
    const [user, history, target] = line.split('\t') as [string, string, string];
    [...history.split(' '), target].forEach((index, position) => interactions.push({ user: `u${user}`, item: asinByIndex.get(index.trim()) as string, timestamp: position }));
  }
  const texts = new Map(lines('Scientific.text').slice(1).map((line) => line.split('\t').map((field) => field.trim()) as [string, string]));
  return { interactions: deduplicateInteractions(interactions), texts };
}

export interface BaselineScores {
  popularity: RankingMetrics;
  itemKnn: RankingMetrics;
}

/** Popularity and item-kNN (cosine, shrink 10, 200 neighbours, history summed) on a split. */
export function baselines(train: readonly Interaction[], heldOut: readonly Interaction[]): BaselineScores {
  const data = indexInteractions(train);
  const { similarity } = itemCosine(data, { shrink: 10, neighbours: 200 });
  const popularity = Float32Array.from(data.itemCounts);
  const popularityCases: { ranked: string[]; heldOut: string }[] = [];
  const knnCases: { ranked: string[]; heldOut: string }[] = [];
  for (const interaction of heldOut) {
    const row = data.userIndex.get(interaction.user);
    const history = row === undefined ? new Int32Array(0) : (data.sequences[row] as Int32Array);
    const seen = new Set(history);
    const scores = new Float32Array(data.items.length);
    for (const item of history) addRow(similarity, item, 1, scores);
    const names = (items: number[]) => items.map((item) => data.items[item] as string);
    popularityCases.push({ ranked: names(topIndices(popularity, 10, (item) => seen.has(item))), heldOut: interaction.item });
    knnCases.push({ ranked: names(topIndices(scores, 10, (item) => seen.has(item))), heldOut: interaction.item });
  }
  return { popularity: rankingMetrics(popularityCases, 10), itemKnn: rankingMetrics(knnCases, 10) };
}

const format = (metrics: RankingMetrics) => `HR@10 ${metrics.hitRate.toFixed(4)}  NDCG@10 ${metrics.ndcg.toFixed(4)}`;

/** One trained blend to score: its label and training options. */
interface BlendVariant {
  label: string;
  options: TrainOptions;
}

async function benchDataSet(name: string, interactions: Interaction[], variants: BlendVariant[], timing: boolean): Promise<void> {
  const { train, heldOut } = leaveLastOut(interactions);
  console.log(`\n${name}: ${interactions.length} interactions, ${heldOut.length} users held out (own leave-last-out split)`);
  const base = baselines(train, heldOut);
  console.log(`  popularity  ${format(base.popularity)}`);
  console.log(`  item-kNN    ${format(base.itemKnn)}`);
  const dir = mkdtempSync(join(tmpdir(), 'shopdesk-recs-'));
  const engine = createInferenceEngine({ logger: createStderrLogger(true), providers: ['cpu'] });
  try {
    for (const { label, options } of variants) {
      let started = performance.now();
      const model = trainRecommender(train, options);
      const trainSeconds = (performance.now() - started) / 1000;
      console.log(`  ${label}: weights ${JSON.stringify(model.weights)} (validation HR@10 ${model.validation?.hitRate.toFixed(4)}, NDCG@10 ${model.validation?.ndcg.toFixed(4)})`);
      // A folder per model: the inference engine caches sessions by path.
      const modelDir = join(dir, `${label}-split`);
      saveRecommender(model, modelDir);
      const served = await loadRecommender(modelDir, engine);
      const users = heldOut.map((interaction) => interaction.user);
      const lists = await recommendForUsers(served, users, { k: 10 });
      const blend = rankingMetrics(lists.map((list, index) => ({ ranked: list.map((entry) => entry.item), heldOut: (heldOut[index] as Interaction).item })), 10);
      console.log(`  ${label.padEnd(11)} ${format(blend)}   (ratio to item-kNN: HR ×${(blend.hitRate / base.itemKnn.hitRate).toFixed(2)}, NDCG ×${(blend.ndcg / base.itemKnn.ndcg).toFixed(2)})`);
      if (!timing) continue;
      console.log(`  training time (train split, including weight tuning): ${trainSeconds.toFixed(1)} s`);
      started = performance.now();
      const full = trainRecommender(interactions, options);
      console.log(`  training time (all of train.csv): ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const fullDir = join(dir, `${label}-all`);
      saveRecommender(full, fullDir);
      const fullServed = await loadRecommender(fullDir, engine);
      const thousand = Array.from({ length: 1000 }, (_, index) => (fullServed.users[index % fullServed.users.length] as string) + (index >= fullServed.users.length ? '-new' : ''));
      await recommendForUsers(fullServed, thousand.slice(0, 10), { k: 10 });
      started = performance.now();
      await recommendForUsers(fullServed, thousand, { k: 10 });
      console.log(`  recommend for 1,000 users (ONNX ranking + reasons, ${thousand.filter((user) => user.endsWith('-new')).length} of them cold-start): ${((performance.now() - started) / 1000).toFixed(2)} s`);
    }
  } finally {
    await engine.release();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  if (only !== 'amazon') await benchDataSet('MovieLens-100K', readMovieLens(), [{ label: 'blend', options: { seed: 1 } }], true);
  if (only !== 'movielens') {
    const amazon = readAmazonScientific();
    // `recs train` without and with `--catalog` (the item titles); the app always has its catalog.
    const variants = [
      { label: 'blend', options: { seed: 1 } },
      { label: 'with titles', options: { seed: 1, itemTexts: amazon.texts } },
    ];
    await benchDataSet('Amazon Scientific', amazon.interactions, variants, false);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
