/**
 * Arithmetic both intent models (`bag-model.ts`, `linear-model.ts`) share, so the two read
 * feature weights and turn logits into probabilities the same way.
 */

/** Each row's inverse document frequency over the examples, raised to `power`: rare features weigh more. */
export function inverseDocumentFrequencies(encoded: readonly { rows: Int32Array }[], rowCount: number, power: number): Float32Array {
  const counts = new Float32Array(rowCount);
  for (const example of encoded) for (const row of new Set(example.rows)) counts[row] = (counts[row] as number) + 1;
  const weights = new Float32Array(rowCount);
  // Rows only a pretrained vector brought in were never seen: they get the weight of the rarest feature.
  for (let row = 0; row < rowCount; row += 1) weights[row] = Math.pow(Math.log((encoded.length + 1) / ((counts[row] as number) + 1)) + 1, power);
  return weights;
}

/** Turns logits into probabilities in place (shifted by the largest, so exp cannot overflow). */
export function softmaxInPlace(values: Float32Array | Float64Array): void {
  let maximum = -Infinity;
  for (const value of values) if (value > maximum) maximum = value;
  let total = 0;
  for (let index = 0; index < values.length; index += 1) {
    const value = Math.exp((values[index] as number) - maximum);
    values[index] = value;
    total += value;
  }
  for (let index = 0; index < values.length; index += 1) values[index] = (values[index] as number) / total;
}
