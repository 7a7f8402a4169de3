/**
 * The blend as an ONNX graph: per component, query × item matrix (MatMul), scaled by the
 * row's largest absolute value, weighted; summed with the popularity row and a mask
 * (large negative for excluded items); TopK. Served through the inference layer.
 */
import type { ModelSession, TensorValue } from '../inference/onnx-runtime.ts';
import { encodeModel, type GraphInitializer, type GraphNode, type GraphValue } from '../inference/onnx-graph.ts';
import type { SparseRows } from './item-similarity.ts';
import type { RecommenderModel } from './model.ts';
import { itemItemComponents, scaleFloor, type ComponentScales, type ScoringQuery } from './scoring.ts';

/** Added to the score of an excluded item: far below any blended score. */
export const maskPenalty = -1e9;
/** Dense item × item matrices grow with the square of the catalog; past this the graph is not built. */
export const maximumGraphItems = 8000;

function denseRows(rows: SparseRows, size: number): Float32Array {
  const dense = new Float32Array(size * size);
  for (let row = 0; row < size; row += 1) {
    for (let position = rows.offsets[row] as number; position < (rows.offsets[row + 1] as number); position += 1) {
      dense[row * size + (rows.indices[position] as number)] = rows.values[position] as number;
    }
  }
  return dense;
}

const scalar = (name: string, value: number): GraphInitializer => ({ name, type: 'float32', dims: [1], data: new Float32Array([value]) });

/** Which inputs the graph takes, in the order the model's weights make active. */
export function graphComponents(model: RecommenderModel): { itemItem: typeof itemItemComponents[number][]; factors: boolean; sequence: boolean; popularity: boolean } {
  return {
    itemItem: itemItemComponents.filter((component) => model.weights[component] > 0),
    factors: model.weights.factors > 0 && model.settings.factors > 0,
    sequence: model.weights.sequence > 0 && model.sequence.dimension > 0,
    popularity: model.weights.popularity > 0,
  };
}

export function buildScoringGraph(model: RecommenderModel): Uint8Array {
  const itemCount = model.items.length;
  if (itemCount > maximumGraphItems) throw new Error(`the ONNX scoring graph supports up to ${maximumGraphItems} items, the model has ${itemCount}`);
  const active = graphComponents(model);
  const inputs: GraphValue[] = [];
  const initializers: GraphInitializer[] = [scalar('scale_floor', scaleFloor)];
  const nodes: GraphNode[] = [];
  const summands: string[] = [];
  // The scales go out too: the reasons compare components on the graph's own scaling.
  const scaleOutputs: GraphValue[] = [];
  const addComponent = (name: string, queryDims: number, matrix: Float32Array, weight: number) => {
    inputs.push({ name: `${name}_query`, type: 'float32', dims: ['batch', queryDims] });
    initializers.push({ name: `${name}_matrix`, type: 'float32', dims: [queryDims, itemCount], data: matrix }, scalar(`${name}_weight`, weight));
    nodes.push(
      { op: 'MatMul', inputs: [`${name}_query`, `${name}_matrix`], outputs: [`${name}_raw`] },
      { op: 'Abs', inputs: [`${name}_raw`], outputs: [`${name}_abs`] },
      { op: 'ReduceMax', inputs: [`${name}_abs`], outputs: [`${name}_largest`], attributes: { axes: [1], keepdims: 1 } },
      { op: 'Max', inputs: [`${name}_largest`, 'scale_floor'], outputs: [`${name}_scale`] },
      { op: 'Div', inputs: [`${name}_raw`, `${name}_scale`], outputs: [`${name}_scaled`] },
      { op: 'Mul', inputs: [`${name}_scaled`, `${name}_weight`], outputs: [`${name}_score`] },
    );
    summands.push(`${name}_score`);
    scaleOutputs.push({ name: `${name}_scale`, type: 'float32', dims: ['batch', 1] });
  };
  for (const component of active.itemItem) addComponent(component, itemCount, denseRows(model[component], itemCount), model.weights[component]);
  if (active.factors) {
    // MatMul wants factors × items: transpose the items × factors table once here.
    const factorCount = model.settings.factors;
    const transposed = new Float32Array(factorCount * itemCount);
    for (let item = 0; item < itemCount; item += 1) for (let factor = 0; factor < factorCount; factor += 1) transposed[factor * itemCount + item] = model.itemFactors[item * factorCount + factor] as number;
    addComponent('factors', factorCount, transposed, model.weights.factors);
  }
  if (active.sequence) {
    // The query ends in a 1 that meets the item biases in the matrix's last row.
    const { dimension, embeddings, biases } = model.sequence;
    const matrix = new Float32Array((dimension + 1) * itemCount);
    for (let item = 0; item < itemCount; item += 1) {
      for (let factor = 0; factor < dimension; factor += 1) matrix[factor * itemCount + item] = embeddings[item * dimension + factor] as number;
      matrix[dimension * itemCount + item] = biases[item] as number;
    }
    addComponent('sequence', dimension + 1, matrix, model.weights.sequence);
  }
  if (active.popularity) {
    let largest = 0;
    for (const count of model.popularity) largest = Math.max(largest, Math.abs(count));
    const row = Float32Array.from(model.popularity, (count) => (count / Math.max(largest, scaleFloor)) * model.weights.popularity);
    initializers.push({ name: 'popularity_row', type: 'float32', dims: [1, itemCount], data: row });
    summands.push('popularity_row');
  }
  inputs.push({ name: 'mask', type: 'float32', dims: ['batch', itemCount] }, { name: 'k', type: 'int64', dims: [1] });
  nodes.push(
    { op: 'Sum', inputs: [...summands, 'mask'], outputs: ['total'] },
    { op: 'TopK', inputs: ['total', 'k'], outputs: ['scores', 'indices'], attributes: { axis: -1, largest: 1, sorted: 1 } },
  );
  return encodeModel({
    name: 'shopdesk-recommender',
    inputs,
    outputs: [
      { name: 'scores', type: 'float32', dims: ['batch', 'k'] },
      { name: 'indices', type: 'int64', dims: ['batch', 'k'] },
      ...scaleOutputs,
    ],
    initializers,
    nodes,
    metadata: { items: String(itemCount), weights: JSON.stringify(model.weights) },
  });
}

export interface GraphRanking {
  items: number[];
  scores: number[];
  scales: ComponentScales;
}

/** Runs the graph for a batch of queries; blocked items are masked. Returns per query the top items, scores and component scales. */
export async function runScoringGraph(
  model: RecommenderModel,
  session: ModelSession,
  queries: readonly ScoringQuery[],
  blocked: readonly (readonly number[])[],
  k: number,
): Promise<GraphRanking[]> {
  const itemCount = model.items.length;
  const batch = queries.length;
  const active = graphComponents(model);
  const feeds: Record<string, TensorValue> = {};
  for (const component of active.itemItem) {
    const data = new Float32Array(batch * itemCount);
    queries.forEach((query, row) => query.items[component].indices.forEach((item, position) => (data[row * itemCount + item] = query.items[component].values[position] as number)));
    feeds[`${component}_query`] = { type: 'float32', data, dims: [batch, itemCount] };
  }
  if (active.factors) {
    const factorCount = model.settings.factors;
    const data = new Float32Array(batch * factorCount);
    queries.forEach((query, row) => {
      if (query.factors) data.set(query.factors, row * factorCount);
    });
    feeds.factors_query = { type: 'float32', data, dims: [batch, factorCount] };
  }
  if (active.sequence) {
    const width = model.sequence.dimension + 1;
    const data = new Float32Array(batch * width);
    queries.forEach((query, row) => {
      data.set(query.sequence, row * width);
      data[row * width + width - 1] = 1;
    });
    feeds.sequence_query = { type: 'float32', data, dims: [batch, width] };
  }
  const mask = new Float32Array(batch * itemCount);
  blocked.forEach((items, row) => items.forEach((item) => (mask[row * itemCount + item] = maskPenalty)));
  feeds.mask = { type: 'float32', data: mask, dims: [batch, itemCount] };
  const count = Math.min(k, itemCount);
  feeds.k = { type: 'int64', data: new BigInt64Array([BigInt(count)]), dims: [1] };
  const outputs = await session.run(feeds);
  const indices = outputs.indices?.data as BigInt64Array;
  const scores = outputs.scores?.data as Float32Array;
  const scaled = [...active.itemItem, ...(active.factors ? (['factors'] as const) : []), ...(active.sequence ? (['sequence'] as const) : [])];
  return queries.map((_, row) => {
    const scales: ComponentScales = {};
    for (const component of scaled) scales[component] = (outputs[`${component}_scale`]?.data as Float32Array)[row] as number;
    const items: number[] = [];
    const rowScores: number[] = [];
    for (let position = 0; position < count; position += 1) {
      const score = scores[row * count + position] as number;
      // Masked items sort last; they are never returned.
      if (score <= maskPenalty / 2) break;
      items.push(Number(indices[row * count + position]));
      rowScores.push(score);
    }
    return { items, scores: rowScores, scales };
  });
}
