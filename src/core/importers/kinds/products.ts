import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import { readImageFacts } from '../../imaging/images.ts';
import { reason } from '../../../shared/error-reasons.ts';
import { FieldError } from '../errors.ts';
import { optionalInteger, optionalNumber, optionalText, requiredText } from '../fields.ts';
import type { ImportKindSpec } from '../kind.ts';
import type { ImportSource } from '../source.ts';

interface ProductImageFile {
  fileName: string;
  mime: string;
  width: number;
  height: number;
  bytes: Uint8Array;
  sha256: string;
}

interface ProductRecord {
  sku: string;
  title: string;
  description: string;
  category: string;
  price: number | null;
  /** Units in stock; null when the file does not say. */
  stock: number | null;
  images: ProductImageFile[];
}

const extensionByMime: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };

async function loadImage(reference: string, source: ImportSource): Promise<ProductImageFile> {
  if (!isAbsolute(reference) && source.baseDir === null) {
    throw new FieldError('image', reason('import.image_relative_in_upload', { image: reference }));
  }
  const path = isAbsolute(reference) ? reference : resolve(source.baseDir ?? '', reference);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch {
    throw new FieldError('image', reason('import.image_not_found', { image: reference }));
  }
  try {
    const facts = await readImageFacts(bytes);
    return { fileName: basename(path), ...facts, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  } catch (error) {
    throw new FieldError('image', reason('import.image_unreadable', { image: reference, detail: error instanceof Error ? error.message : String(error) }));
  }
}

export const products: ImportKindSpec<ProductRecord> = {
  kind: 'products',
  formats: ['csv', 'jsonl'],
  requiredColumns: ['sku', 'title'],
  async parse(record, { source }) {
    const imageReferences = (optionalText(record, 'image') ?? '').split('|').map((part) => part.trim()).filter(Boolean);
    const images: ProductImageFile[] = [];
    for (const reference of imageReferences) images.push(await loadImage(reference, source));
    return {
      sku: requiredText(record, 'sku'),
      title: requiredText(record, 'title'),
      description: optionalText(record, 'description') ?? '',
      category: optionalText(record, 'category') ?? '',
      price: optionalNumber(record, 'price', { min: 0 }),
      stock: optionalInteger(record, 'stock', { min: 0 }),
      images,
    };
  },
  key: (product) => product.sku,
  write(db, values) {
    const existing = db.prepare('SELECT id FROM products WHERE sku = ?').pluck();
    const upsert = db.prepare(
      // A file without stock figures leaves the known stock as it was.
      `INSERT INTO products (sku, title, description, category, price, stock) VALUES (@sku, @title, @description, @category, @price, @stock)
       ON CONFLICT (sku) DO UPDATE SET title = excluded.title, description = excluded.description, category = excluded.category, price = excluded.price,
         stock = coalesce(excluded.stock, products.stock)
       RETURNING id`,
    );
    const addImage = db.prepare(
      `INSERT INTO product_images (product_id, source, file_name, mime, width, height, bytes, sha256)
       VALUES (?, 'catalog', ?, ?, ?, ?, ?, ?) ON CONFLICT (product_id, sha256) DO NOTHING`,
    );
    let inserted = 0;
    let updated = 0;
    for (const product of values) {
      if (existing.get(product.sku) === undefined) inserted += 1;
      else updated += 1;
      const { id } = upsert.get(product) as { id: number };
      for (const image of product.images) addImage.run(id, image.fileName, image.mime, image.width, image.height, image.bytes, image.sha256);
    }
    return { inserted, updated };
  },
  export(db, { withAttachments }) {
    const rows = db.prepare('SELECT id, sku, title, description, category, price, stock FROM products ORDER BY sku').all() as {
      id: number;
      sku: string;
      title: string;
      description: string;
      category: string;
      price: number | null;
      stock: number | null;
    }[];
    const imagesOf = db.prepare("SELECT id, mime, bytes FROM product_images WHERE product_id = ? AND source = 'catalog' ORDER BY id");
    const attachments: { path: string; bytes: Uint8Array }[] = [];
    const records = rows.map((row) => {
      const paths: string[] = [];
      if (withAttachments) {
        for (const image of imagesOf.all(row.id) as { id: number; mime: string; bytes: Uint8Array }[]) {
          const path = `images/${row.sku}-${image.id}.${extensionByMime[image.mime] ?? 'bin'}`;
          attachments.push({ path, bytes: image.bytes });
          paths.push(path);
        }
      }
      return { sku: row.sku, title: row.title, description: row.description, category: row.category, price: row.price ?? '', stock: row.stock ?? '', image: paths.join('|') };
    });
    return { format: 'csv', columns: ['sku', 'title', 'description', 'category', 'price', 'stock', 'image'], records, attachments };
  },
};
