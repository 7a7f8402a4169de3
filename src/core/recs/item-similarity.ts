/**
 * Item–item signals from co-occurrence: cosine similarity with shrinkage (item-kNN) and
 * time-ordered transitions (which item tends to come next), both kept as the strongest
 * neighbours per item.
 */
import type { InteractionData } from './interactions.ts';

/** Sparse rows: row r holds columns indices[offsets[r]..offsets[r+1]) with their values. */
export interface SparseRows {
  offsets: Int32Array;
  indices: Int32Array;
  values: Float32Array;
}

/** Rows that hold nothing: a signal with no data (no texts, no images, too large to compute). */
export const emptyRows = (rows: number): SparseRows => ({ offsets: new Int32Array(rows + 1), indices: new Int32Array(0), values: new Float32Array(0) });

/** A row of a sparse matrix before packing. */
export interface RowEntries {
  indices: number[];
  values: number[];
}

/** Keeps, for one dense row, the `limit` largest positive entries (largest first, ties by column); `columns` limits the search to the columns set. */
export function topEntries(row: ArrayLike<number>, limit: number, columns?: readonly number[]): RowEntries {
  const candidates: number[] = [];
  if (columns) {
    for (const column of columns) if ((row[column] as number) > 0) candidates.push(column);
  } else {
    for (let column = 0; column < row.length; column += 1) if ((row[column] as number) > 0) candidates.push(column);
  }
  candidates.sort((first, second) => (row[second] as number) - (row[first] as number) || first - second);
  const kept = candidates.slice(0, limit);
  return { indices: kept, values: kept.map((column) => row[column] as number) };
}

export function packRows(rows: readonly RowEntries[]): SparseRows {
  const offsets = new Int32Array(rows.length + 1);
  rows.forEach((row, index) => (offsets[index + 1] = (offsets[index] as number) + row.indices.length));
  const total = offsets[rows.length] as number;
  const indices = new Int32Array(total);
  const values = new Float32Array(total);
  rows.forEach((row, index) => {
    indices.set(row.indices, offsets[index] as number);
    values.set(row.values, offsets[index] as number);
  });
  return { offsets, indices, values };
}

/** For each item, the users who interacted with it (with the position in their sequence). */
function usersByItem(data: InteractionData): { users: Int32Array; positions: Int32Array }[] {
  const lists: { users: number[]; positions: number[] }[] = data.items.map(() => ({ users: [], positions: [] }));
  data.sequences.forEach((sequence, user) =>
    sequence.forEach((item, position) => {
      const list = lists[item] as { users: number[]; positions: number[] };
      list.users.push(user);
      list.positions.push(position);
    }),
  );
  return lists.map((list) => ({ users: Int32Array.from(list.users), positions: Int32Array.from(list.positions) }));
}

export interface CooccurrenceOptions {
  /** Added to the cosine denominator: pairs seen together by few users count less. */
  shrink: number;
  /** Neighbours kept per item. */
  neighbours: number;
}

/**
 * Cosine similarity between item columns of the user–item matrix, shrunk:
 * sim(i, j) = c(i, j) / (sqrt(n_i n_j) + shrink). Also returns the raw co-occurrence
 * counts of the kept neighbours, which "bought together" reasons quote.
 */
export function itemCosine(data: InteractionData, options: CooccurrenceOptions): { similarity: SparseRows; counts: SparseRows } {
  const byItem = usersByItem(data);
  const row = new Float64Array(data.items.length);
  const pairCounts = new Float64Array(data.items.length);
  const similarityRows: { indices: number[]; values: number[] }[] = [];
  const countRows: { indices: number[]; values: number[] }[] = [];
  for (let item = 0; item < data.items.length; item += 1) {
    const touched: number[] = [];
    for (const user of (byItem[item] as { users: Int32Array }).users) {
      for (const other of data.sequences[user] as Int32Array) {
        if (other === item) continue;
        if (pairCounts[other] === 0) touched.push(other);
        pairCounts[other] = (pairCounts[other] as number) + 1;
      }
    }
    const countItem = data.itemCounts[item] as number;
    for (const other of touched) row[other] = (pairCounts[other] as number) / (Math.sqrt(countItem * (data.itemCounts[other] as number)) + options.shrink);
    const kept = topEntries(row, options.neighbours, touched);
    similarityRows.push(kept);
    countRows.push({ indices: kept.indices, values: kept.indices.map((other) => pairCounts[other] as number) });
    for (const other of touched) {
      row[other] = 0;
      pairCounts[other] = 0;
    }
  }
  return { similarity: packRows(similarityRows), counts: packRows(countRows) };
}

export interface TransitionOptions {
  /** How many later items of the same user count as "next". */
  window: number;
  /** Weight of the item d steps later is decay^(d-1). */
  decay: number;
  shrink: number;
  neighbours: number;
}

/**
 * Next-item transitions: T(i, j) = Σ decay^(d-1) over users where j follows i by d ≤ window
 * steps, divided by (n_i + shrink) so it reads as a shrunk probability of j after i.
 */
export function itemTransitions(data: InteractionData, options: TransitionOptions): SparseRows {
  const byItem = usersByItem(data);
  const row = new Float64Array(data.items.length);
  const rows: { indices: number[]; values: number[] }[] = [];
  for (let item = 0; item < data.items.length; item += 1) {
    const touched: number[] = [];
    const { users, positions } = byItem[item] as { users: Int32Array; positions: Int32Array };
    users.forEach((user, index) => {
      const sequence = data.sequences[user] as Int32Array;
      const start = positions[index] as number;
      const end = Math.min(sequence.length, start + options.window + 1);
      let weight = 1;
      for (let position = start + 1; position < end; position += 1) {
        const next = sequence[position] as number;
        if (row[next] === 0) touched.push(next);
        row[next] = (row[next] as number) + weight;
        weight *= options.decay;
      }
    });
    const denominator = (data.itemCounts[item] as number) + options.shrink;
    for (const next of touched) row[next] = (row[next] as number) / denominator;
    rows.push(topEntries(row, options.neighbours, touched));
    for (const next of touched) row[next] = 0;
  }
  return packRows(rows);
}

/** The same matrix stored by column: row c of the result lists the rows that have column c. */
export function transposeRows(rows: SparseRows, size: number): SparseRows {
  const offsets = new Int32Array(size + 1);
  for (const column of rows.indices) offsets[column + 1] = (offsets[column + 1] as number) + 1;
  for (let column = 0; column < size; column += 1) offsets[column + 1] = (offsets[column + 1] as number) + (offsets[column] as number);
  const filled = offsets.slice(0, size);
  const indices = new Int32Array(rows.indices.length);
  const values = new Float32Array(rows.indices.length);
  for (let row = 0; row < size; row += 1) {
    for (let position = rows.offsets[row] as number; position < (rows.offsets[row + 1] as number); position += 1) {
      const column = rows.indices[position] as number;
      const slot = filled[column] as number;
      indices[slot] = row;
      values[slot] = rows.values[position] as number;
      filled[column] = slot + 1;
    }
  }
  return { offsets, indices, values };
}
