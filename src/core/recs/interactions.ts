/**
 * User–item interactions: the CSV reader (with row/field validation and deduplication) and
 * the indexed, time-ordered form every model trains on.
 */
import { parse } from 'csv-parse/sync';
import { reason } from '../../shared/error-reasons.ts';
import { FieldError, ImportError } from '../importers/errors.ts';
import { optionalTimestamp } from '../importers/fields.ts';
import { readTextFile } from '../importers/source.ts';

export interface Interaction {
  user: string;
  item: string;
  /** 1–5 stars when known; implicit feedback otherwise. */
  rating?: number;
  /** Any increasing number (unix seconds, order index); without it, input order is the time order. */
  timestamp?: number;
}

export const ratingRange = { min: 1, max: 5 } as const;

/** Any number as it is (an order index counts as time); else an ISO date, in unix seconds like the interactions import. */
function timestampOf(path: string, row: number, text: string): number {
  const number = Number(text);
  if (Number.isFinite(number)) return number;
  try {
    return optionalTimestamp({ timestamp: text }, 'timestamp') as number;
  } catch (error) {
    if (error instanceof FieldError) throw new ImportError(path, row, error.field, error.reason);
    throw error;
  }
}

/**
 * Reads `user,item[,rating][,timestamp]` (header required). Bad rows raise an ImportError
 * naming file, row (the first record after the header is row 1, as in every import) and field; an exact repeat of a
 * user–item pair keeps the latest interaction.
 */
export function readInteractionsCsv(path: string): Interaction[] {
  const text = readTextFile(path);
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][];
  } catch (error) {
    throw new ImportError(path, null, null, reason('import.unreadable_csv', { detail: (error as Error).message }));
  }
  const header = records[0];
  if (!header) throw new ImportError(path, null, null, reason('recs.interactions_empty'));
  const columns = header.map((name) => name.toLowerCase());
  const column = (name: string) => columns.indexOf(name);
  // Public sets name them user_id / item_id (RecBole's .inter files); the first spelling found counts.
  const firstColumn = (...names: string[]) => names.map(column).find((position) => position >= 0) ?? -1;
  const userColumn = firstColumn('user', 'user_id', 'userid');
  const itemColumn = firstColumn('item', 'item_id', 'itemid');
  if (userColumn < 0 || itemColumn < 0) throw new ImportError(path, null, 'user', reason('recs.interactions_header', { header: header.join(',') }));
  const ratingColumn = column('rating');
  const timestampColumn = column('timestamp');
  if (records.length === 1) throw new ImportError(path, null, null, reason('recs.no_interactions'));

  const rows: Interaction[] = [];
  for (let index = 1; index < records.length; index += 1) {
    const record = records[index] as string[];
    const row = index;
    const field = (position: number) => (position < 0 ? '' : (record[position] ?? ''));
    const user = field(userColumn);
    const item = field(itemColumn);
    if (user === '') throw new ImportError(path, row, 'user', reason('import.required_empty'));
    if (item === '') throw new ImportError(path, row, 'item', reason('import.required_empty'));
    const interaction: Interaction = { user, item };
    const ratingText = field(ratingColumn);
    if (ratingText !== '') {
      const rating = Number(ratingText);
      if (!Number.isFinite(rating)) throw new ImportError(path, row, 'rating', reason('import.not_a_number', { value: ratingText.slice(0, 40) }));
      if (rating < ratingRange.min || rating > ratingRange.max) throw new ImportError(path, row, 'rating', reason('import.outside_range', { value: rating, min: ratingRange.min, max: ratingRange.max }));
      interaction.rating = rating;
    }
    const timestampText = field(timestampColumn);
    if (timestampText !== '') {
      interaction.timestamp = timestampOf(path, row, timestampText);
    }
    rows.push(interaction);
  }
  return deduplicateInteractions(rows);
}

/** Keeps one interaction per user–item pair: the latest (by timestamp, then by input order). */
export function deduplicateInteractions(interactions: readonly Interaction[]): Interaction[] {
  const latest = new Map<string, Interaction>();
  for (const interaction of interactions) {
    const key = `${interaction.user}\u0000${interaction.item}`;
    const previous = latest.get(key);
    if (!previous || (interaction.timestamp ?? 0) >= (previous.timestamp ?? 0)) latest.set(key, interaction);
  }
  return [...latest.values()];
}

/** Interactions with users and items numbered, each user's items in time order. */
export interface InteractionData {
  users: string[];
  items: string[];
  userIndex: Map<string, number>;
  itemIndex: Map<string, number>;
  /** Per user: item indices in time order (ties keep input order). Ratings are not used: every interaction is a positive signal. */
  sequences: Int32Array[];
  /** Interactions per item. */
  itemCounts: Float64Array;
}

/** Numbers users and items; `catalogItems` adds items nobody interacted with yet (after the others). */
export function indexInteractions(interactions: readonly Interaction[], catalogItems: Iterable<string> = []): InteractionData {
  const userIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  const perUser: { item: number; time: number; order: number }[][] = [];
  // Timestamps order the histories only when every interaction has one; otherwise input order does.
  const hasTimestamps = interactions.length > 0 && interactions.every((interaction) => interaction.timestamp !== undefined);
  const unique = deduplicateInteractions(interactions);
  unique.forEach((interaction, order) => {
    let user = userIndex.get(interaction.user);
    if (user === undefined) {
      user = userIndex.size;
      userIndex.set(interaction.user, user);
      perUser.push([]);
    }
    let item = itemIndex.get(interaction.item);
    if (item === undefined) {
      item = itemIndex.size;
      itemIndex.set(interaction.item, item);
    }
    const time = hasTimestamps ? (interaction.timestamp as number) : order;
    (perUser[user] as { item: number; time: number; order: number }[]).push({ item, time, order });
  });
  for (const item of catalogItems) if (!itemIndex.has(item)) itemIndex.set(item, itemIndex.size);
  const itemCounts = new Float64Array(itemIndex.size);
  const sequences: Int32Array[] = [];
  for (const events of perUser) {
    events.sort((first, second) => first.time - second.time || first.order - second.order);
    sequences.push(Int32Array.from(events, (event) => event.item));
    for (const event of events) itemCounts[event.item] = (itemCounts[event.item] ?? 0) + 1;
  }
  return { users: [...userIndex.keys()], items: [...itemIndex.keys()], userIndex, itemIndex, sequences, itemCounts };
}

/**
 * Leave-last-out: each user's last interaction (by timestamp, ties by input order) is held
 * out when the user has at least two; the rest is the training set.
 */
export function leaveLastOut(interactions: readonly Interaction[]): { train: Interaction[]; heldOut: Interaction[] } {
  const last = new Map<string, { interaction: Interaction; order: number }>();
  interactions.forEach((interaction, order) => {
    const previous = last.get(interaction.user);
    if (!previous || (interaction.timestamp ?? order) >= (previous.interaction.timestamp ?? previous.order)) last.set(interaction.user, { interaction, order });
  });
  const counts = new Map<string, number>();
  for (const interaction of interactions) counts.set(interaction.user, (counts.get(interaction.user) ?? 0) + 1);
  const heldOut = new Set<Interaction>();
  for (const [user, { interaction }] of last) if ((counts.get(user) ?? 0) >= 2) heldOut.add(interaction);
  return { train: interactions.filter((interaction) => !heldOut.has(interaction)), heldOut: [...heldOut] };
}
