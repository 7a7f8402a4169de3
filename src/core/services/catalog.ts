import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import type { ProductImage, ProductSummary } from '../../shared/types.ts';
import { type CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';

const defaultPageSize = 50;

/** Escapes LIKE wildcards so a search for "100%" finds that text. */
export function likePattern(query: string): string {
  return `%${escapeLike(query)}%`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

const summaryColumns = `p.sku, p.title, p.category, p.price, p.stock,
  (SELECT min(i.id) FROM product_images i WHERE i.product_id = p.id AND i.source = 'catalog') AS imageId`;

/**
 * With a query, the products an agent most likely means come first: the SKU itself, then titles
 * that begin with the words, then titles with a word that begins with them ("tea" → "Glass
 * teapot"), then any title, SKU or description that contains them; alphabetical within each.
 */
const relevanceOrder = `CASE
    WHEN p.sku = @exact COLLATE NOCASE THEN 0
    WHEN p.title LIKE @prefix ESCAPE '\\' THEN 1
    WHEN p.title LIKE @wordPrefix ESCAPE '\\' THEN 2
    WHEN p.title LIKE @query ESCAPE '\\' THEN 3
    WHEN p.sku LIKE @query ESCAPE '\\' THEN 4
    ELSE 5
  END, `;

export function listProducts(context: CoreContext, args: ApiArgs<'catalog.list'>): ApiResult<'catalog.list'> {
  const where: string[] = [];
  const parameters: Record<string, unknown> = { limit: args.limit ?? defaultPageSize, offset: args.offset ?? 0 };
  const query = args.query?.trim();
  if (query) {
    where.push("(p.title LIKE @query ESCAPE '\\' OR p.sku LIKE @query ESCAPE '\\' OR p.description LIKE @query ESCAPE '\\')");
    const escaped = escapeLike(query);
    Object.assign(parameters, { query: likePattern(query), exact: query, prefix: `${escaped}%`, wordPrefix: `% ${escaped}%` });
  }
  if (args.category) {
    where.push('p.category = @category');
    parameters.category = args.category;
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const items = context.db.prepare(`SELECT ${summaryColumns} FROM products p ${filter} ORDER BY ${query ? relevanceOrder : ''}p.title LIMIT @limit OFFSET @offset`).all(parameters) as ProductSummary[];
  const total = context.db.prepare(`SELECT count(*) FROM products p ${filter}`).pluck().get(parameters) as number;
  return { items, total };
}

export function listCategories(context: CoreContext): ApiResult<'catalog.categories'> {
  return context.db.prepare("SELECT category, count(*) AS count FROM products WHERE category <> '' GROUP BY category ORDER BY category").all() as {
    category: string;
    count: number;
  }[];
}

export function getProduct(context: CoreContext, args: ApiArgs<'catalog.get'>): ApiResult<'catalog.get'> {
  const product = context.db.prepare(`SELECT p.id, p.description, ${summaryColumns} FROM products p WHERE p.sku = ?`).get(args.sku) as
    | (ProductSummary & { id: number; description: string })
    | undefined;
  if (!product) throw new NotFoundError('product', args.sku);
  const images = context.db
    .prepare('SELECT id, source, mime, width, height FROM product_images WHERE product_id = ? ORDER BY source, id')
    .all(product.id) as ProductImage[];
  const { id: _rowId, ...rest } = product;
  return { ...rest, images };
}

export function getImage(context: CoreContext, args: ApiArgs<'catalog.image'>): ApiResult<'catalog.image'> {
  const image = context.db.prepare('SELECT mime, bytes FROM product_images WHERE id = ?').get(args.imageId) as { mime: string; bytes: Buffer } | undefined;
  if (!image) throw new NotFoundError('image', args.imageId);
  return { mime: image.mime, base64: Buffer.from(image.bytes).toString('base64') };
}
