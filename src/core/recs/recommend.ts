/**
 * What the store asks of the model: recommendations for a user (or an anonymous visitor
 * with a current item / cart), similar items, items bought together, popular items. Rules
 * (never an item already interacted with, nor an excluded one), category caps for
 * diversity, and a one-line reason for every result.
 */
import type { RecommendationReason } from '../../shared/types.ts';
import { componentNames, rowValue, type ComponentName, type RecommenderModel } from './model.ts';
import { transposeRows, type SparseRows } from './item-similarity.ts';
import { sequenceScore } from './sequence.ts';
import { runScoringGraph, type GraphRanking } from './scoring-graph.ts';
import { blendScores, componentScale, scoringQuery, topIndices, type ComponentScales, type ItemItemComponent, type ScoringQuery } from './scoring.ts';

export interface Recommendation {
  item: string;
  score: number;
  /** Why, e.g. bought with "Espresso cups" by 12 customers. */
  reason: RecommendationReason;
}

export interface RecommendOptions {
  k: number;
  /** Items never to return, e.g. out of stock. */
  exclude?: ReadonlySet<string>;
  /** Items the visitor is looking at or has in the cart, most recent last; they steer the results and are not returned. */
  context?: readonly string[];
  /** At most this many results per category (default: half of k, at least 2, when categories are known). */
  maxPerCategory?: number;
  /** Display name of an item in reasons (default: the item id). */
  label?: (item: string) => string;
}

/** Candidates fetched beyond k so category caps and rules still leave k results. */
const candidateFactor = 4;

const labelOf = (options: Pick<RecommendOptions, 'label'>, item: string) => (options.label ? options.label(item) : item);

function categoryCap(model: RecommenderModel, options: RecommendOptions): number {
  if (options.maxPerCategory !== undefined) return options.maxPerCategory;
  return model.categories.some((category) => category !== '') ? Math.max(2, Math.ceil(options.k / 2)) : Number.POSITIVE_INFINITY;
}

/** Picks items in order, skipping those past their category's cap. */
function capByCategory(model: RecommenderModel, ranked: readonly number[], k: number, cap: number, taken: Map<string, number>): number[] {
  const picked: number[] = [];
  for (const item of ranked) {
    if (picked.length === k) break;
    const category = model.categories[item] as string;
    const count = taken.get(category) ?? 0;
    if (category !== '' && count >= cap) continue;
    taken.set(category, count + 1);
    picked.push(item);
  }
  return picked;
}

/** An item–item signal by column (cached on the model): which query items point at a candidate. */
function columnsOf(model: RecommenderModel, component: ItemItemComponent): SparseRows {
  model.columns ??= new Map();
  let columns = model.columns.get(component);
  if (!columns) {
    columns = transposeRows(model[component], model.items.length);
    model.columns.set(component, columns);
  }
  return columns;
}

/** One component's raw score for `item` and the query item contributing most to it. */
function itemItemShare(model: RecommenderModel, weights: ReadonlyMap<number, number>, component: ItemItemComponent, item: number): { raw: number; anchor: number | null } {
  const columns = columnsOf(model, component);
  let raw = 0;
  let anchor: number | null = null;
  let strongest = 0;
  for (let position = columns.offsets[item] as number; position < (columns.offsets[item + 1] as number); position += 1) {
    const contribution = (weights.get(columns.indices[position] as number) ?? 0) * (columns.values[position] as number);
    raw += contribution;
    if (contribution > strongest) {
      strongest = contribution;
      anchor = columns.indices[position] as number;
    }
  }
  return { raw, anchor };
}

function popularityReason(model: RecommenderModel, item: number): RecommendationReason {
  const category = model.categories[item] as string;
  return { kind: 'popular', category: category || null, customers: null };
}

/** A user's query weights by item, per item–item component, built when first asked for. */
type QueryWeights = (component: ItemItemComponent) => ReadonlyMap<number, number>;

function queryWeightsOf(query: ScoringQuery): QueryWeights {
  const built = new Map<ItemItemComponent, Map<number, number>>();
  return (component) => {
    let weights = built.get(component);
    if (!weights) {
      const { indices, values } = query.items[component];
      weights = new Map(indices.map((item, position) => [item, values[position] as number]));
      built.set(component, weights);
    }
    return weights;
  };
}

/** The reason of one recommended item: its largest blend component (on the scoring's own scales), said in words. */
function explain(model: RecommenderModel, query: ScoringQuery, queryWeights: QueryWeights, scales: ComponentScales, item: number, options: RecommendOptions): RecommendationReason {
  let best: { component: ComponentName; share: number; anchor: number | null } = { component: 'popularity', share: 0, anchor: null };
  for (const component of componentNames) {
    const weight = model.weights[component];
    if (weight === 0) continue;
    let raw = 0;
    let anchor: number | null = null;
    if (component === 'popularity') raw = model.popularity[item] as number;
    else if (component === 'factors') raw = factorScore(model, query, item);
    else if (component === 'sequence') raw = sequenceScore(model.sequence, query.sequence, item);
    else ({ raw, anchor } = itemItemShare(model, queryWeights(component), component, item));
    const scale = scales[component] ?? (component === 'popularity' ? componentScale(model.popularity) : 1);
    const share = (weight * raw) / scale;
    if (share > best.share) best = { component, share, anchor };
  }
  const { component, anchor } = best;
  if (component === 'popularity') return popularityReason(model, item);
  if (component === 'factors') return { kind: 'similar_customers' };
  if (component === 'sequence') return { kind: 'similar_to_history' };
  if (anchor === null) return { kind: 'similar_to_history' };
  const name = labelOf(options, model.items[anchor] as string);
  const together = rowValue(model.cooccurrences, anchor, item);
  if (component === 'content') return { kind: 'similar_to', item: name };
  if (together >= 2) return { kind: 'bought_with', item: name, customers: together };
  if (component === 'transitions') return { kind: 'bought_after', item: name };
  return { kind: 'also_bought', item: name };
}

/** The factor model's score for one item (0 without a factor row). */
function factorScore(model: RecommenderModel, query: ScoringQuery, item: number): number {
  if (!query.factors) return 0;
  const factorCount = model.settings.factors;
  let dot = 0;
  for (let factor = 0; factor < factorCount; factor += 1) dot += (query.factors[factor] as number) * (model.itemFactors[item * factorCount + factor] as number);
  return dot;
}

/** Items by interaction count, optionally within one category. */
export function popularItems(model: RecommenderModel, options: { k: number; category?: string; exclude?: ReadonlySet<string> }): Recommendation[] {
  const largest = Math.max(1, componentScale(model.popularity));
  const ranked = topIndices(model.popularity, options.k, (item) => (options.category !== undefined && model.categories[item] !== options.category) || options.exclude?.has(model.items[item] as string) === true || model.popularity[item] === 0);
  return ranked.map((item) => ({ item: model.items[item] as string, score: (model.popularity[item] as number) / largest, reason: popularityReason(model, item) }));
}

interface UserPlan {
  row: number | null;
  queryHistory: number[];
  blocked: Set<number>;
}

function planUser(model: RecommenderModel, user: string, options: RecommendOptions): UserPlan {
  const row = model.userIndex.get(user) ?? null;
  const history = row === null ? [] : [...(model.histories[row] as Int32Array)];
  const context = (options.context ?? []).map((item) => model.itemIndex.get(item)).filter((item): item is number => item !== undefined);
  const blocked = new Set([...history, ...context]);
  for (const item of options.exclude ?? []) {
    const index = model.itemIndex.get(item);
    if (index !== undefined) blocked.add(index);
  }
  return { row, queryHistory: [...history, ...context], blocked };
}

/** Items with interactions, most popular first (ties: catalog order). */
function popularityOrder(model: RecommenderModel): number[] {
  const order = model.items.map((_, item) => item).filter((item) => (model.popularity[item] as number) > 0);
  return order.sort((first, second) => (model.popularity[second] as number) - (model.popularity[first] as number) || first - second);
}

/** Popular items to fill a short list: first in the categories of the visitor's recent items, then overall. */
function popularFill(model: RecommenderModel, order: readonly number[], plan: UserPlan, taken: readonly number[], count: number): number[] {
  const skip = new Set([...plan.blocked, ...taken]);
  const categories = new Set(plan.queryHistory.slice(-5).map((item) => model.categories[item] as string).filter(Boolean));
  const fill: number[] = [];
  const pick = (allowed: (item: number) => boolean) => {
    for (const item of order) {
      if (fill.length === count) return;
      if (skip.has(item) || !allowed(item)) continue;
      fill.push(item);
      skip.add(item);
    }
  };
  if (categories.size > 0) pick((item) => categories.has(model.categories[item] as string));
  pick(() => true);
  return fill;
}

/**
 * Recommendations for many users in one pass. Ranking runs through the ONNX session when
 * the model has one (after save or load), otherwise in TypeScript; reasons always come
 * from the TypeScript scores. Unknown users get context-based results, then popularity.
 */
export async function recommendForUsers(model: RecommenderModel, users: readonly string[], options: RecommendOptions): Promise<Recommendation[][]> {
  const plans = users.map((user) => planUser(model, user, options));
  const queries = plans.map((plan) => scoringQuery(model, plan.queryHistory, plan.row));
  const cap = categoryCap(model, options);
  const wanted = Math.min(model.items.length, options.k * candidateFactor + 10);
  const warm = plans.map((plan) => plan.queryHistory.length > 0 || plan.row !== null);
  const ranked: GraphRanking[] = plans.map(() => ({ items: [], scores: [], scales: {} }));
  const warmIndices = plans.flatMap((_, index) => (warm[index] ? [index] : []));
  const batchSize = 256;
  for (let start = 0; start < warmIndices.length; start += batchSize) {
    const slice = warmIndices.slice(start, start + batchSize);
    if (model.session) {
      const results = await runScoringGraph(model, model.session, slice.map((index) => queries[index] as ScoringQuery), slice.map((index) => [...(plans[index] as UserPlan).blocked]), wanted);
      slice.forEach((index, position) => (ranked[index] = results[position] as GraphRanking));
    } else {
      for (const index of slice) {
        const blended = blendScores(model, queries[index] as ScoringQuery);
        const blocked = (plans[index] as UserPlan).blocked;
        const items = topIndices(blended.total, wanted, (item) => blocked.has(item));
        ranked[index] = { items, scores: items.map((item) => blended.total[item] as number), scales: blended.scales };
      }
    }
  }
  const order = popularityOrder(model);
  const largestPopularity = Math.max(1, componentScale(model.popularity));
  return plans.map((plan, index) => {
    const { items, scores, scales } = ranked[index] as GraphRanking;
    const scoreOf = new Map(items.map((item, position) => [item, scores[position] as number]));
    // Items with no signal at all (score 0) are better served by the popularity fill.
    const taken = new Map<string, number>();
    const picked = capByCategory(model, items.filter((item) => (scoreOf.get(item) ?? 0) > 0), options.k, cap, taken);
    const query = queries[index] as ScoringQuery;
    const queryWeights = queryWeightsOf(query);
    const results: Recommendation[] = picked.map((item) => ({ item: model.items[item] as string, score: scoreOf.get(item) as number, reason: explain(model, query, queryWeights, scales, item, options) }));
    if (results.length < options.k) {
      const fill = capByCategory(model, popularFill(model, order, plan, picked, (options.k - results.length) * candidateFactor), options.k - results.length, cap, taken);
      // Below the last blended score: the fill ranks after what the signals found.
      const ceiling = results.length > 0 ? (results[results.length - 1] as Recommendation).score / 2 : 1;
      for (const item of fill) results.push({ item: model.items[item] as string, score: (ceiling * (model.popularity[item] as number)) / largestPopularity, reason: popularityReason(model, item) });
    }
    return results;
  });
}

export async function recommendForUser(model: RecommenderModel, user: string, options: RecommendOptions): Promise<Recommendation[]> {
  return (await recommendForUsers(model, [user], options))[0] as Recommendation[];
}

/** Items like this one: bought by the same customers, described alike or looking alike (the last two also for new items). */
export function similarItems(model: RecommenderModel, item: string, k: number, options: Pick<RecommendOptions, 'label' | 'exclude'> = {}): Recommendation[] {
  const index = model.itemIndex.get(item);
  if (index === undefined) return [];
  type Signal = 'behaviour' | 'content' | 'looks';
  const signals: Signal[] = model.looks.indices.length > 0 ? ['behaviour', 'content', 'looks'] : ['behaviour', 'content'];
  const scores = new Map<number, Record<Signal, number>>();
  const collect = (rows: RecommenderModel['neighbours'], key: Signal) => {
    const start = rows.offsets[index] as number;
    const end = rows.offsets[index + 1] as number;
    const largest = end > start ? (rows.values[start] as number) : 0;
    for (let position = start; position < end; position += 1) {
      const other = rows.indices[position] as number;
      const entry = scores.get(other) ?? { behaviour: 0, content: 0, looks: 0 };
      entry[key] = (rows.values[position] as number) / Math.max(largest, 1e-12);
      scores.set(other, entry);
    }
  };
  collect(model.neighbours, 'behaviour');
  collect(model.content, 'content');
  collect(model.looks, 'looks');
  const ranked = [...scores.entries()]
    .filter(([other]) => options.exclude?.has(model.items[other] as string) !== true)
    .map(([other, parts]) => ({ other, parts, score: parts.behaviour + parts.content + parts.looks }))
    .sort((first, second) => second.score - first.score || first.other - second.other)
    .slice(0, k);
  return ranked.map(({ other, parts, score }) => {
    const together = rowValue(model.cooccurrences, index, other);
    const strongest = signals.reduce((best, signal) => (parts[signal] > parts[best] ? signal : best), 'behaviour' as Signal);
    const reason: RecommendationReason =
      strongest === 'behaviour' && together > 0 ? { kind: 'same_customers', customers: together } : strongest === 'looks' ? { kind: 'looks_similar' } : { kind: 'similar_description' };
    return { item: model.items[other] as string, score: score / signals.length, reason };
  });
}

/** Items most often in the same user's (order's, session's) interactions as this one, with the count. */
export function boughtTogether(model: RecommenderModel, item: string, k: number, options: Pick<RecommendOptions, 'label' | 'exclude'> = {}): Recommendation[] {
  const index = model.itemIndex.get(item);
  if (index === undefined) return [];
  const rows = model.cooccurrences;
  const entries: { other: number; count: number; order: number }[] = [];
  for (let position = rows.offsets[index] as number; position < (rows.offsets[index + 1] as number); position += 1) {
    const other = rows.indices[position] as number;
    if (options.exclude?.has(model.items[other] as string)) continue;
    entries.push({ other, count: rows.values[position] as number, order: position });
  }
  // Rows are in similarity order: ties in count keep the more specific pairing first.
  entries.sort((first, second) => second.count - first.count || first.order - second.order);
  const largest = Math.max(1, entries[0]?.count ?? 1);
  const name = labelOf(options, item);
  return entries.slice(0, k).map(({ other, count }) => ({ item: model.items[other] as string, score: count / largest, reason: { kind: 'bought_with', item: name, customers: count } }));
}
