/**
 * Exact nearest-neighbour search in process: every vector lives in one contiguous
 * Float32Array and a query is one pass of dot products (cosine, since vectors are unit).
 * A catalog of tens of thousands of vectors searches in milliseconds without an ANN library.
 */

export interface IndexHit {
  id: string;
  key: string;
  score: number;
}

export interface VectorIndex {
  readonly dimensions: number;
  readonly size: number;
  /** Adds or replaces the vector `id`, which stands for the product `key`. */
  add(id: string, key: string, vector: Float32Array): void;
  remove(id: string): boolean;
  /** Removes every vector of a product; returns how many there were. */
  removeKey(key: string): number;
  /** The k best vectors by cosine, best first. */
  search(query: Float32Array, k: number): IndexHit[];
  /** The best score of each product (its closest vector), best first, at most k products. */
  searchKeys(query: Float32Array, k: number): { key: string; score: number }[];
}

export function createVectorIndex(dimensions: number, initialCapacity = 1024): VectorIndex {
  let capacity = Math.max(1, initialCapacity);
  let data = new Float32Array(capacity * dimensions);
  const ids: string[] = [];
  const keys: string[] = [];
  const rowById = new Map<string, number>();

  function grow(): void {
    capacity *= 2;
    const next = new Float32Array(capacity * dimensions);
    next.set(data);
    data = next;
  }

  function scoreAll(query: Float32Array): Float32Array {
    if (query.length !== dimensions) throw new Error(`query has ${query.length} dimensions, the index ${dimensions}`);
    // Locals and a four-way unrolled loop let V8 keep the hot loop free of lookups.
    const block = data;
    const rows = ids.length;
    const scores = new Float32Array(rows);
    const tail = dimensions - (dimensions % 4);
    for (let row = 0; row < rows; row += 1) {
      const offset = row * dimensions;
      let sum0 = 0;
      let sum1 = 0;
      let sum2 = 0;
      let sum3 = 0;
      for (let column = 0; column < tail; column += 4) {
        sum0 += (block[offset + column] as number) * (query[column] as number);
        sum1 += (block[offset + column + 1] as number) * (query[column + 1] as number);
        sum2 += (block[offset + column + 2] as number) * (query[column + 2] as number);
        sum3 += (block[offset + column + 3] as number) * (query[column + 3] as number);
      }
      for (let column = tail; column < dimensions; column += 1) sum0 += (block[offset + column] as number) * (query[column] as number);
      scores[row] = sum0 + sum1 + sum2 + sum3;
    }
    return scores;
  }

  function removeRow(row: number): void {
    const last = ids.length - 1;
    rowById.delete(ids[row] as string);
    if (row !== last) {
      // The last vector moves into the hole, so the block stays contiguous.
      data.copyWithin(row * dimensions, last * dimensions, (last + 1) * dimensions);
      ids[row] = ids[last] as string;
      keys[row] = keys[last] as string;
      rowById.set(ids[row] as string, row);
    }
    ids.pop();
    keys.pop();
  }

  return {
    dimensions,
    get size() {
      return ids.length;
    },
    add(id, key, vector) {
      if (vector.length !== dimensions) throw new Error(`vector has ${vector.length} dimensions, the index ${dimensions}`);
      let row = rowById.get(id);
      if (row === undefined) {
        if (ids.length === capacity) grow();
        row = ids.length;
        ids.push(id);
        keys.push(key);
        rowById.set(id, row);
      } else {
        keys[row] = key;
      }
      data.set(vector, row * dimensions);
    },
    remove(id) {
      const row = rowById.get(id);
      if (row === undefined) return false;
      removeRow(row);
      return true;
    },
    removeKey(key) {
      let removed = 0;
      for (let row = ids.length - 1; row >= 0; row -= 1) {
        if (keys[row] === key) {
          removeRow(row);
          removed += 1;
        }
      }
      return removed;
    },
    search(query, k) {
      const scores = scoreAll(query);
      return topRows(scores, k).map((row) => ({ id: ids[row] as string, key: keys[row] as string, score: scores[row] as number }));
    },
    searchKeys(query, k) {
      const scores = scoreAll(query);
      const best = new Map<string, number>();
      for (let row = 0; row < ids.length; row += 1) {
        const key = keys[row] as string;
        const score = scores[row] as number;
        if (score > (best.get(key) ?? -Infinity)) best.set(key, score);
      }
      return [...best].map(([key, score]) => ({ key, score })).sort((left, right) => right.score - left.score).slice(0, k);
    },
  };
}

/** Rows of the k largest scores, best first; an insertion list, as k is small. */
function topRows(scores: Float32Array, k: number): number[] {
  const rows: number[] = [];
  for (let row = 0; row < scores.length; row += 1) {
    const score = scores[row] as number;
    if (rows.length === k && score <= (scores[rows[k - 1] as number] as number)) continue;
    let position = rows.length === k ? k - 1 : rows.length;
    while (position > 0 && (scores[rows[position - 1] as number] as number) < score) position -= 1;
    rows.splice(position, 0, row);
    if (rows.length > k) rows.pop();
  }
  return rows;
}
