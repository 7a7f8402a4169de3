import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import type { RelatedProduct } from '../../shared/types.ts';
import { type CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { recommendForUser, similarItems, type Recommendation } from '../recs/index.ts';
import { currentRecommender, retrainRecommender } from './recs-model.ts';

const imageOf = `(SELECT min(i.id) FROM product_images i WHERE i.product_id = p.id AND i.source = 'catalog')`;
/** Nothing out of stock is offered; a product without a stock figure counts as available. */
const inStock = '(p.stock IS NULL OR p.stock > 0)';

function outOfStock(context: CoreContext): Set<string> {
  return new Set(context.db.prepare('SELECT sku FROM products WHERE stock = 0').pluck().all() as string[]);
}

function requireProduct(context: CoreContext, sku: string): void {
  if (!context.db.prepare('SELECT 1 FROM products WHERE sku = ?').get(sku)) throw new NotFoundError('product', sku);
}

/** Products that share orders with the given one, by how many customers bought both. */
export function boughtTogether(context: CoreContext, args: ApiArgs<'recs.boughtTogether'>): ApiResult<'recs.boughtTogether'> {
  // As recs.similar: an unknown product is an error, not a product nobody buys anything with.
  requireProduct(context, args.sku);
  const rows = context.db
    .prepare(
      `SELECT p.sku, p.title, ${imageOf} AS imageId, count(DISTINCT o.customer_id) AS customers
       FROM order_items mine JOIN order_items other ON other.order_id = mine.order_id AND other.sku <> mine.sku
       JOIN orders o ON o.id = mine.order_id JOIN products p ON p.sku = other.sku
       WHERE mine.sku = ? AND o.status NOT IN ('cancelled') AND ${inStock}
       GROUP BY p.sku ORDER BY customers DESC, p.title LIMIT ?`,
    )
    .all(args.sku, args.k ?? 5) as (Omit<RelatedProduct, 'reason' | 'score'> & { customers: number })[];
  return rows.map(({ customers, ...product }) => ({
    ...product,
    score: customers,
    reason: { kind: 'bought_with', item: null, customers },
  }));
}

/** Best sellers by distinct buyers, optionally within a category. */
export function popular(context: CoreContext, args: ApiArgs<'recs.popular'>): ApiResult<'recs.popular'> {
  const rows = context.db
    .prepare(
      `SELECT p.sku, p.title, p.category, ${imageOf} AS imageId, count(DISTINCT o.customer_id) AS customers
       FROM products p JOIN order_items i ON i.sku = p.sku JOIN orders o ON o.id = i.order_id
       WHERE (@category IS NULL OR p.category = @category) AND o.status NOT IN ('cancelled') AND ${inStock}
       GROUP BY p.sku ORDER BY customers DESC, p.title LIMIT @k`,
    )
    .all({ category: args.category ?? null, k: args.k ?? 10 }) as (Omit<RelatedProduct, 'reason' | 'score'> & { category: string; customers: number })[];
  return rows.map(({ customers, category, ...product }) => ({
    ...product,
    score: customers,
    reason: { kind: 'popular', category: category || null, customers },
  }));
}

/** Title, category and image of the catalog's products, by sku. */
function catalogProducts(context: CoreContext, skus: readonly string[]): Map<string, Omit<RelatedProduct, 'reason' | 'score'>> {
  if (skus.length === 0) return new Map();
  const rows = context.db
    .prepare(`SELECT p.sku, p.title, ${imageOf} AS imageId FROM products p WHERE p.sku IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(skus)) as Omit<RelatedProduct, 'reason' | 'score'>[];
  return new Map(rows.map((row) => [row.sku, row]));
}

/** Engine results as products: items the catalog does not know (interactions may name any key) are dropped. */
function asProducts(context: CoreContext, results: readonly Recommendation[], k: number): RelatedProduct[] {
  const products = catalogProducts(context, results.map((result) => result.item));
  return results.flatMap((result) => {
    const product = products.get(result.item);
    return product ? [{ ...product, score: result.score, reason: result.reason }] : [];
  }).slice(0, k);
}

function titleLabel(context: CoreContext): (sku: string) => string {
  const title = context.db.prepare('SELECT title FROM products WHERE sku = ?').pluck();
  return (sku) => (title.get(sku) as string | undefined) ?? sku;
}

/** Room for results the catalog filter drops. */
const slack = 10;

/** Products like this one: bought by the same customers, or described alike (the only signal for a new product). */
export async function similar(context: CoreContext, args: ApiArgs<'recs.similar'>): Promise<ApiResult<'recs.similar'>> {
  requireProduct(context, args.sku);
  const k = args.k ?? 6;
  const model = await currentRecommender(context);
  if (!model) return [];
  return asProducts(context, similarItems(model, args.sku, k + slack, { label: titleLabel(context), exclude: outOfStock(context) }), k);
}

/**
 * Suggestions for one customer: never something they bought, reviewed or interacted with.
 * A customer the model has not seen (or an unknown id) gets cold-start results from the
 * product in view and the popular items of its category, then overall popularity.
 * Out-of-stock products are never offered.
 */
export async function forCustomer(context: CoreContext, args: ApiArgs<'recs.forCustomer'>): Promise<ApiResult<'recs.forCustomer'>> {
  const k = args.k ?? 5;
  if (args.contextSku !== undefined) requireProduct(context, args.contextSku);
  const model = await currentRecommender(context);
  // The model may predate the latest orders: what the store says was bought is excluded too.
  const excluded = new Set(
    context.db
      .prepare(
        `SELECT i.sku FROM order_items i JOIN orders o ON o.id = i.order_id JOIN customers c ON c.id = o.customer_id WHERE c.external_id = @customer
         UNION SELECT item FROM interactions WHERE user = @customer`,
      )
      .pluck()
      .all({ customer: args.customerId }) as string[],
  );
  if (!model) return popular(context, { k: k + excluded.size }).filter((product) => !excluded.has(product.sku)).slice(0, k);
  for (const sku of outOfStock(context)) excluded.add(sku);
  const results = await recommendForUser(model, args.customerId, {
    k: k + slack,
    exclude: excluded,
    ...(args.contextSku !== undefined ? { context: [args.contextSku] } : {}),
    // Diversity: the caps are set for the k shown, not the longer list fetched.
    maxPerCategory: Math.max(2, Math.ceil(k / 2)),
    label: titleLabel(context),
  });
  return asProducts(context, results, k);
}

export function retrain(context: CoreContext): Promise<ApiResult<'recs.retrain'>> {
  return retrainRecommender(context);
}
