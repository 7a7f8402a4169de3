// TEMPORARY placeholder by the lead until the demo helper writes the real module.
export function packshotSvg(product: { sku: string; title: string; category: string }): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512"><rect width="512" height="512" fill="#eee"/><desc>${product.sku}</desc></svg>`;
}
