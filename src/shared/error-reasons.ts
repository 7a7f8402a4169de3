/**
 * Why a call failed, as a stable key with values: the UI says it in its own language, the
 * English wording below is what the core's `message` (and so the CLI and the logs) says.
 * `{name}` marks a value and `{n|one|other}` an English plural (a `{kind}` is an import kind, which
 * the UI names in its own words); the core fills these templates, and the renderer's English
 * dictionary is made of them, so the English the core writes and the UI shows cannot drift.
 */
import { fillTemplate } from './template.ts';

export const errorReasons = {
  // A field of an imported record (the location names the file, row and field).
  'import.field_is_object': 'expected a value, got an object',
  'import.required_empty': 'is required and empty',
  'import.title_required': 'is required (or give "question" and "answer")',
  'import.empty': 'is empty',
  'import.too_long': 'is longer than {max} characters',
  'import.not_a_number': '"{value}" is not a number',
  'import.below_minimum': '{value} is below {min}',
  'import.above_maximum': '{value} is above {max}',
  'import.outside_range': '{value} is outside {min}–{max}',
  'import.not_whole_number': '{value} is not a whole number',
  'import.too_large': '{value} is too large',
  'import.too_large_for_unix_seconds': '{value} is too large for unix seconds',
  'import.not_one_of': '"{value}" is not one of {allowed}',
  'import.not_iso_date': '"{value}" is not an ISO date (YYYY-MM-DD)',
  'import.not_a_date': '"{value}" is not a valid date',
  'import.not_a_timestamp': '"{value}" is neither unix seconds nor an ISO date',
  'import.not_an_email': '"{value}" is not an email address',
  'import.duplicate_key': '"{key}" appears again (first on row {firstRow})',
  'import.unknown_customer': 'unknown customer "{customer}" (import customers first)',
  'import.messages_not_array': 'must be an array of messages',
  'import.conversation_repeated': 'conversation "{conversation}" appears again; give all its messages in one record',
  'import.conversation_customer_differs': 'differs from the first row of conversation {conversation} ("{first}" vs "{value}")',
  'import.order_line_differs': 'differs from the first line of order {order} ("{first}" vs "{value}")',
  'import.image_relative_in_upload': '"{image}" is relative, but an uploaded file has no folder to resolve it in: import it with the CLI or leave the column empty',
  'import.image_not_found': '{image}: file not found',
  'import.image_unreadable': '{image}: {detail}',
  // A whole file.
  'import.not_a_file': 'is not a file',
  'import.unreadable_file': 'cannot be read (does it exist?)',
  'import.unsupported_file_type': 'unsupported file type "{extension}" (use .csv, .jsonl or .json)',
  'import.no_file_extension': 'unsupported file type "none" (use .csv, .jsonl or .json)',
  'import.wrong_format': '{kind} are imported from {formats} files',
  'import.binary_file': 'is a binary file, not text (NUL byte on line {line})',
  'import.invalid_utf8': 'is not valid UTF-8 (line {line}); save it as UTF-8 and try again',
  'import.truncated_utf8': 'ends in the middle of a UTF-8 character',
  'import.missing_column': 'missing column (the header must include {columns})',
  'import.missing_column_found': 'missing column (found: {columns})',
  'import.missing_intent_column': 'missing column (found: {columns}; also read: {aliases})',
  'import.invalid_csv': 'not valid CSV: {detail}',
  'import.invalid_csv_file': 'is not valid CSV: {detail}',
  'import.invalid_csv_near_line': 'is not valid CSV (near line {line}): {detail}',
  'import.unreadable_csv': 'not a readable CSV file ({detail})',
  'import.invalid_json': 'is not valid JSON ({detail})',
  'import.invalid_json_line': 'is not valid JSON',
  'import.not_a_json_object': 'must be a JSON object',
  'import.not_a_json_array': 'must hold a JSON array of records (or an object holding one array of them)',
  'import.no_records': 'has no records',
  'import.no_data_rows': 'has no data rows',
  'import.no_user_ids': 'has no user ids (one per line)',
  'import.no_item_ids': 'has no item ids (one per line)',
  // Files the model commands read.
  'reviews.nothing_to_score': 'has no reviews to score (expected a header with id and text, and a row per review)',
  'reviews.label_or_rating_required': 'give a label (positive/negative/neutral or 1/0) or a rating (1-5)',
  'reviews.unknown_label': '"{value}" is not positive, negative, neutral, 1 or 0',
  'reviews.needs_both_labels': 'needs both positive and negative examples',
  'recs.item_text_empty': 'all empty; give the item a title, text, category or description',
  'recs.item_header': 'the header needs "item" and at least one of {columns}',
  'recs.no_items': 'has no items; expected a header with item and any of title, text, category, description, and one row per item',
  'recs.interactions_empty': 'the file is empty; expected a header user,item[,rating][,timestamp]',
  'recs.interactions_header': 'the header needs "user" and "item" columns (or user_id, item_id), got "{header}"',
  'recs.no_interactions': 'the file has a header but no interactions',
  // Things a call names that the store does not hold.
  'not_found.product': 'product {id} not found',
  'not_found.image': 'image {id} not found',
  'not_found.customer': 'customer {id} not found',
  'not_found.order': 'order {id} not found',
  'not_found.conversation': 'conversation {id} not found',
  'not_found.review': 'review {id} not found',
  'not_found.macro': 'macro {id} not found',
  'not_found.correction': 'correction {id} not found',
  'not_found.review_model': 'review model {id} not found',
  'not_found.article': 'knowledge-base article {id} not found',
  'not_found.indexed_image': 'an indexed product image (import products with images first) not found',
  // Photo identification without its model files.
  'vision.models_missing': 'Photo identification needs {files}: put {count|that folder|those folders} inside a folder listed in SHOPDESK_MODELS_PATH (searched {folders}).',
  'vision.models_missing_no_path': 'Photo identification needs {files}: put {count|that folder|those folders} inside a folder listed in SHOPDESK_MODELS_PATH (SHOPDESK_MODELS_PATH is not set).',
  'vision.wrong_model': '{path} is not the expected {extractor} model (sha256 {digest}, expected {expected}); replace it with {file} from {source}.',
  'vision.unknown_extractor': 'the image extractor manifest has no extractor named {extractor}',
  'vision.empty_manifest': 'the image extractor manifest is empty',
  'vision.photo_empty': 'the photo is empty',
  'vision.photo_unreadable': 'the photo cannot be read: {detail}',
  // Retraining the review model.
  'reviews.too_few_labels':
    'retraining needs at least {minimum} labelled reviews with both positive and negative ones (corrections, or reviews with 1-2 and 4-5 stars); this store has {rows}',
  'reviews.retrain_running': 'a retrain is already running; wait for its result',
  // Arguments an agent typed.
  'macros.name_empty': 'macro name is empty',
  'macros.shortcut_empty': 'macro shortcut is empty',
  'macros.body_empty': 'macro body is empty',
  'macros.intent_empty': 'macro intent is empty',
  'macros.name_too_long': 'macro name is too long',
  'macros.shortcut_too_long': 'macro shortcut is too long',
  'macros.body_too_long': 'macro body is too long',
  'macros.intent_too_long': 'macro intent is too long',
  'macros.shortcut_has_space': 'macro shortcut "{shortcut}" has a space',
  'macros.shortcut_taken': 'macro shortcut {shortcut} is already used by macro {macro}',
  'reviews.reply_empty': 'a reply needs some text',
  'reviews.reply_too_long': 'a reply must be at most {max} characters',
  'chat.message_empty': 'the message is empty',
  'chat.message_too_long': 'the message is longer than {max} characters',
  'chat.assignee_too_long': 'the assignee name is longer than {max} characters',
  'reviews.assignee_too_long': 'the assignee name is longer than {max} characters',
  'reviews.filter_not_a_date': '"{field}" must be a date like 2026-09-30, not "{value}"',
  'reviews.filter_not_one_of': '"{field}" must be one of {allowed}',
  'settings.not_allowed': 'setting {key}: {value} is not allowed',
  // The way to the core.
  'connection.lost': 'The connection to ShopDesk was lost; try again.',
  'connection.closed': 'The client is closed.',
  'connection.core_stopped': 'the core stopped (exit code {code})',
  'internal': '{method} failed: {detail}',
} as const;

export type ErrorReasonKey = keyof typeof errorReasons;

/** The value names of a template (`{name}`, `{name|one|other}`), as a union. */
type Placeholders<Template extends string> = Template extends `${string}{${infer Inside}}${infer Rest}`
  ? (Inside extends `${infer Name}|${string}` ? Name : Inside) | Placeholders<Rest>
  : never;

/** The values a key's template needs, checked where the core builds a reason. */
export type ErrorReasonParams<Key extends ErrorReasonKey> = Record<Placeholders<(typeof errorReasons)[Key]>, string | number>;

/** Why a call failed, as the contract carries it. */
export interface ErrorReason {
  key: ErrorReasonKey;
  params?: Record<string, string | number>;
}

/** Where in an imported file a failure is; the row is 1-based among the data rows. */
export interface ErrorLocation {
  file?: string;
  row?: number;
  field?: string;
}

export function isErrorReasonKey(key: unknown): key is ErrorReasonKey {
  return typeof key === 'string' && Object.hasOwn(errorReasons, key);
}

/** A key whose template has no values takes no second argument; any other requires exactly its values. */
type ParamsArgument<Key extends ErrorReasonKey> = keyof ErrorReasonParams<Key> extends never ? [] : [params: ErrorReasonParams<Key>];

export function reason<Key extends ErrorReasonKey>(key: Key, ...[params]: ParamsArgument<Key>): ErrorReason {
  return params === undefined ? { key } : { key, params };
}

export function englishReason(reason: ErrorReason): string {
  return fillTemplate(errorReasons[reason.key], reason.params);
}
