import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import type { RelatedProduct } from '../../shared/types.ts';
import type { CoreContext } from '../context.ts';

const imageOf = `(SELECT min(i.id) FROM product_images i WHERE i.product_id = p.id AND i.source = 'catalog')`;

/** Products that share orders with the given one, by how many customers bought both. */
export function boughtTogether(context: CoreContext, args: ApiArgs<'recs.boughtTogether'>): ApiResult<'recs.boughtTogether'> {
  const rows = context.db
    .prepare(
      `SELECT p.sku, p.title, ${imageOf} AS imageId, count(DISTINCT o.customer_id) AS customers
       FROM order_items mine JOIN order_items other ON other.order_id = mine.order_id AND other.sku <> mine.sku
       JOIN orders o ON o.id = mine.order_id JOIN products p ON p.sku = other.sku
       WHERE mine.sku = ? AND o.status NOT IN ('cancelled')
       GROUP BY p.sku ORDER BY customers DESC, p.title LIMIT ?`,
    )
    .all(args.sku, args.k ?? 5) as (Omit<RelatedProduct, 'reason' | 'score'> & { customers: number })[];
  return rows.map(({ customers, ...product }) => ({
    ...product,
    score: customers,
    reason: `bought with this by ${customers} customer${customers === 1 ? '' : 's'}`,
  }));
}

/** Best sellers by distinct buyers, optionally within a category. */
export function popular(context: CoreContext, args: ApiArgs<'recs.popular'>): ApiResult<'recs.popular'> {
  const rows = context.db
    .prepare(
      `SELECT p.sku, p.title, p.category, ${imageOf} AS imageId, count(DISTINCT o.customer_id) AS customers
       FROM products p JOIN order_items i ON i.sku = p.sku JOIN orders o ON o.id = i.order_id
       WHERE (@category IS NULL OR p.category = @category) AND o.status NOT IN ('cancelled')
       GROUP BY p.sku ORDER BY customers DESC, p.title LIMIT @k`,
    )
    .all({ category: args.category ?? null, k: args.k ?? 10 }) as (Omit<RelatedProduct, 'reason' | 'score'> & { category: string; customers: number })[];
  return rows.map(({ customers, category, ...product }) => ({
    ...product,
    score: customers,
    reason: `popular${category ? ` in ${category}` : ''}: bought by ${customers} customer${customers === 1 ? '' : 's'}`,
  }));
}
