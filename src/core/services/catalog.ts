import type { ApiArgs, ApiResult } from '../../shared/api.ts';
import type { ProductImage, ProductSummary } from '../../shared/types.ts';
import { type CoreContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';

const defaultPageSize = 50;

/** Escapes LIKE wildcards so a search for "100%" finds that text. */
export function likePattern(query: string): string {
  return `%${query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

const summaryColumns = `p.sku, p.title, p.category, p.price, p.stock,
  (SELECT min(i.id) FROM product_images i WHERE i.product_id = p.id AND i.source = 'catalog') AS imageId`;

export function listProducts(context: CoreContext, args: ApiArgs<'catalog.list'>): ApiResult<'catalog.list'> {
  const where: string[] = [];
  const parameters: Record<string, unknown> = { limit: args.limit ?? defaultPageSize, offset: args.offset ?? 0 };
  if (args.query) {
    where.push("(p.title LIKE @query ESCAPE '\\' OR p.sku LIKE @query ESCAPE '\\' OR p.description LIKE @query ESCAPE '\\')");
    parameters.query = likePattern(args.query);
  }
  if (args.category) {
    where.push('p.category = @category');
    parameters.category = args.category;
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const items = context.db.prepare(`SELECT ${summaryColumns} FROM products p ${filter} ORDER BY p.title LIMIT @limit OFFSET @offset`).all(parameters) as ProductSummary[];
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
