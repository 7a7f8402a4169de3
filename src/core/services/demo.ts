/**
 * Demo stores. The built-in one is content the project authored (resources/demo) with
 * packshots drawn at creation time; the grocery one is built from the layout of the
 * Grocery Store data set. Both go through the ordinary importers, so a demo store is
 * exactly what a user's own import would produce.
 */
import { parse } from 'csv-parse/sync';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { ImportKind, Macro } from '../../shared/types.ts';
import type { CoreContext } from '../context.ts';
import { packshotSvg } from '../demo/packshots.ts';
import { renderSvgToPng } from '../imaging/images.ts';
import { tableCounts } from '../store/database.ts';
import { importPath } from './data-files.ts';
import { upsertMacros } from './macros.ts';

/** Import order matters: orders and conversations refer to customers. */
const demoFiles: [ImportKind, string][] = [
  ['products', 'products.csv'],
  ['customers', 'customers.csv'],
  ['orders', 'orders.csv'],
  ['reviews', 'reviews.csv'],
  ['kb', 'kb.jsonl'],
  ['conversations', 'conversations.json'],
  ['interactions', 'interactions.csv'],
];

export async function createDemoStore(context: CoreContext): Promise<Record<string, number>> {
  const demoDir = join(context.appRoot, 'resources', 'demo');
  const workDir = await mkdtemp(join(tmpdir(), 'shopdesk-demo-'));
  try {
    // Products refer to images/<sku>.png beside the CSV: draw them there, then import from that folder.
    const productsCsv = await readFile(join(demoDir, 'products.csv'), 'utf8');
    const products = parse(productsCsv, { columns: true, bom: true }) as { sku: string; title: string; category: string; image: string }[];
    await mkdir(join(workDir, 'images'), { recursive: true });
    for (const product of products) {
      if (product.image) await writeFile(join(workDir, product.image), await renderSvgToPng(packshotSvg(product)));
    }
    await writeFile(join(workDir, 'products.csv'), productsCsv);
    for (const [kind, file] of demoFiles) {
      await importPath(context, kind, kind === 'products' ? join(workDir, file) : join(demoDir, file));
    }
    upsertMacros(context, JSON.parse(await readFile(join(demoDir, 'macros.json'), 'utf8')) as Macro[]);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return tableCounts(context.db);
}

interface GroceryClass {
  'Class Name (str)': string;
  'Class ID (int)': string;
  'Coarse Class Name (str)': string;
  'Iconic Image Path (str)': string;
  'Product Description Path (str)': string;
}

/** Builds a catalog from a Grocery Store data set folder: one product per fine-grained class. */
export async function createGroceryStore(context: CoreContext, datasetDir: string): Promise<Record<string, number>> {
  datasetDir = resolve(datasetDir);
  const classesPath = join(datasetDir, 'classes.csv');
  if (!existsSync(classesPath)) throw new Error(`${classesPath} not found: --grocery needs the folder holding classes.csv and iconic-images-and-descriptions/`);
  const classes = parse(await readFile(classesPath, 'utf8'), { columns: true, bom: true, trim: true }) as GroceryClass[];
  const rows = [];
  for (const entry of classes) {
    const descriptionPath = join(datasetDir, entry['Product Description Path (str)']);
    const description = existsSync(descriptionPath) ? (await readFile(descriptionPath, 'utf8')).trim() : '';
    const topGroup = entry['Iconic Image Path (str)'].split('/').filter(Boolean)[1] ?? '';
    rows.push({
      sku: `GRO-${entry['Class ID (int)'].padStart(3, '0')}`,
      title: entry['Class Name (str)'].replace(/-/g, ' '),
      description,
      category: `${topGroup} / ${entry['Coarse Class Name (str)']}`,
      price: '',
      image: join(datasetDir, entry['Iconic Image Path (str)']),
    });
  }
  const workDir = await mkdtemp(join(tmpdir(), 'shopdesk-grocery-'));
  try {
    const csvPath = join(workDir, 'grocery-products.csv');
    await writeFile(csvPath, stringify(rows, { header: true, columns: ['sku', 'title', 'description', 'category', 'price', 'image'] }));
    await importPath(context, 'products', csvPath);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return tableCounts(context.db);
}
