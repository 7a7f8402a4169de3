/** Dense linear algebra on Float64Array, row-major, enough for the recommenders' closed forms. */

/**
 * Inverts a symmetric positive-definite n×n matrix in place with the sweep operator, which
 * keeps the matrix symmetric at every step, so only the lower triangle is updated (half
 * the work of Gauss–Jordan). A ridge term on the diagonal keeps every pivot positive.
 * On return the full matrix holds the inverse.
 */
export function invertPositiveDefinite(matrix: Float64Array, size: number): void {
  const column = new Float64Array(size);
  for (let k = 0; k < size; k += 1) {
    const pivot = matrix[k * size + k] as number;
    if (!(pivot > 0)) throw new Error(`matrix is not positive definite (pivot ${pivot} at ${k})`);
    // Column k of the symmetric matrix, read from the lower triangle.
    for (let row = 0; row < k; row += 1) column[row] = matrix[k * size + row] as number;
    for (let row = k; row < size; row += 1) column[row] = matrix[row * size + k] as number;
    for (let row = 0; row < size; row += 1) {
      const factor = (column[row] as number) / pivot;
      if (factor === 0) continue;
      const offset = row * size;
      let index = 0;
      // Unrolled by four: V8 does not vectorise, and this loop is the whole cost.
      for (; index + 3 <= row; index += 4) {
        matrix[offset + index] = (matrix[offset + index] as number) - factor * (column[index] as number);
        matrix[offset + index + 1] = (matrix[offset + index + 1] as number) - factor * (column[index + 1] as number);
        matrix[offset + index + 2] = (matrix[offset + index + 2] as number) - factor * (column[index + 2] as number);
        matrix[offset + index + 3] = (matrix[offset + index + 3] as number) - factor * (column[index + 3] as number);
      }
      for (; index <= row; index += 1) matrix[offset + index] = (matrix[offset + index] as number) - factor * (column[index] as number);
    }
    for (let row = 0; row < k; row += 1) matrix[k * size + row] = (column[row] as number) / pivot;
    for (let row = k + 1; row < size; row += 1) matrix[row * size + k] = (column[row] as number) / pivot;
    matrix[k * size + k] = -1 / pivot;
  }
  // The sweep leaves −A⁻¹ in the lower triangle: negate and mirror.
  for (let row = 0; row < size; row += 1) {
    for (let index = 0; index <= row; index += 1) {
      const value = -(matrix[row * size + index] as number);
      matrix[row * size + index] = value;
      matrix[index * size + row] = value;
    }
  }
}
