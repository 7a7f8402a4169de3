/**
 * Reads the item file of `shopdesk recs train --catalog`: one row per item with its text and
 * category, the same facts the in-app training takes from the catalog. A bad row stops with
 * its row and field.
 */
import { reason } from '../../shared/error-reasons.ts';
import { FieldError, ImportError } from '../importers/errors.ts';
import { optionalText, requiredText, type RawRecord } from '../importers/fields.ts';
import { formatOf, readRecords, sourceFromFile } from '../importers/source.ts';

/** In the order the in-app catalog joins them (title, category, description), with a free `text` after the title. */
const itemTextFields = ['title', 'text', 'category', 'description'] as const;

export interface ItemFacts {
  /** Item → its text fields joined by spaces. */
  itemTexts: Map<string, string>;
  /** Item → category, for items that have one. */
  itemCategories: Map<string, string>;
}

function itemText(record: RawRecord): string {
  const parts = itemTextFields.map((field) => optionalText(record, field)).filter((part): part is string => part !== null);
  if (parts.length === 0) throw new FieldError(itemTextFields.join('/'), reason('recs.item_text_empty'));
  return parts.join(' ');
}

export async function readItemFile(path: string): Promise<ItemFacts> {
  const source = sourceFromFile(path);
  const itemTexts = new Map<string, string>();
  const itemCategories = new Map<string, string>();
  const firstRow = new Map<string, number>();
  const format = formatOf(path);
  for await (const { row, record } of readRecords(source, format, { requiredColumns: ['item'] })) {
    // A CSV record holds every header column, so the first one tells whether any text column exists.
    if (row === 1 && format === 'csv' && !itemTextFields.some((field) => field in record)) {
      throw new ImportError(source.fileName, null, null, reason('recs.item_header', { columns: itemTextFields.map((field) => `"${field}"`).join(', ') }));
    }
    try {
      const item = requiredText(record, 'item');
      const earlier = firstRow.get(item);
      if (earlier !== undefined) throw new FieldError('item', reason('import.duplicate_key', { key: item.slice(0, 40), firstRow: earlier }));
      firstRow.set(item, row);
      itemTexts.set(item, itemText(record));
      const category = optionalText(record, 'category');
      if (category !== null) itemCategories.set(item, category);
    } catch (error) {
      if (error instanceof FieldError) throw new ImportError(source.fileName, row, error.field, error.reason);
      throw error;
    }
  }
  if (itemTexts.size === 0) throw new ImportError(source.fileName, null, null, reason('recs.no_items'));
  return { itemTexts, itemCategories };
}
