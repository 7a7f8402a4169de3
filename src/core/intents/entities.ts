/**
 * Rule-based entities in customer messages, English and Chinese: order numbers, emails,
 * phone numbers, money amounts, dates, and products of the shop's catalog. Rules, not a
 * model: these shapes are regular, and an agent must be able to trust an extracted order
 * number exactly. Offsets are UTF-16 indices into the original text, as in JavaScript.
 */

export type EntityType = 'order' | 'email' | 'phone' | 'money' | 'date' | 'product';

export interface Entity {
  type: EntityType;
  /** Normalised value: order digits, lower-case email, phone digits, "USD 12.50", ISO date when complete, product SKU. */
  value: string;
  start: number;
  end: number;
}

export interface CatalogEntry {
  sku: string;
  title: string;
}

interface Candidate extends Entity {
  /** Wins over lower priorities when spans overlap. */
  priority: number;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthPattern = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

const currencySymbols: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'CNY', '￥': 'CNY' };
const currencyWords: Record<string, string> = {
  usd: 'USD', dollar: 'USD', dollars: 'USD', bucks: 'USD', eur: 'EUR', euro: 'EUR', euros: 'EUR', gbp: 'GBP', pounds: 'GBP',
  cny: 'CNY', rmb: 'CNY', yuan: 'CNY', '元': 'CNY', '块': 'CNY', '块钱': 'CNY', '人民币': 'CNY', '美元': 'USD', '欧元': 'EUR',
};

function* matches(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  for (const match of text.matchAll(pattern)) yield match as RegExpExecArray;
}

/** Span of capture group `group` (needs the `d` flag). */
function groupSpan(match: RegExpExecArray, group: number): [number, number] {
  return (match.indices?.[group] ?? [match.index, match.index + match[0].length]) as [number, number];
}

function orders(text: string): Candidate[] {
  const found: Candidate[] = [];
  const patterns = [
    /#\s?([a-z]{0,3}\d[\d-]{3,})/dgi,
    /\b(?:order|purchase|invoice)(?:\s+(?:number|no\.?|num|id|#))?\s*(?:is|:|#)?\s*#?\s*([a-z]{0,3}\d[\d-]{3,})/dgi,
    // Couriers' tracking numbers mix letters and digits anywhere (UPS 1Z…, SF…, …JD…).
    /\btracking(?:\s+(?:number|no\.?|num|id|#))?\s*(?:is|:|#)?\s*#?\s*([a-z0-9]*\d[a-z0-9]{5,})/dgi,
    /(?:订单|單號|单号|订单号|订单编号|編號)\s*(?:号|是|为|：|:)?\s*([a-z]{0,3}\d[\d-]{3,})/dgi,
  ];
  for (const pattern of patterns) {
    for (const match of matches(text, pattern)) {
      const [start, end] = groupSpan(match, 1);
      const raw = text.slice(start, end).replace(/-+$/, '');
      found.push({ type: 'order', value: raw.toUpperCase(), start, end: start + raw.length, priority: 5 });
    }
  }
  return found;
}

function emails(text: string): Candidate[] {
  return [...matches(text, /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/gi)].map((match) => ({
    type: 'email' as const,
    value: match[0].toLowerCase(),
    start: match.index,
    end: match.index + match[0].length,
    priority: 6,
  }));
}

function phones(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of matches(text, /(?<![\w#])\+?\(?\d[\d\s().-]{6,}\d(?![\w])/g)) {
    const digits = match[0].replace(/\D/g, '');
    // Eight to fifteen digits (E.164), and not a plain date such as 2026-11-28.
    if (digits.length < 8 || digits.length > 15 || /^\d{4}-\d{1,2}-\d{1,2}$/.test(match[0])) continue;
    found.push({ type: 'phone', value: `${match[0].trim().startsWith('+') ? '+' : ''}${digits}`, start: match.index, end: match.index + match[0].length, priority: 2 });
  }
  return found;
}

function money(text: string): Candidate[] {
  const found: Candidate[] = [];
  const amount = '(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,2}))?';
  const symbolFirst = new RegExp(`([$€£¥￥])\\s?${amount}`, 'g');
  const codeFirst = new RegExp(`\\b(usd|eur|gbp|cny|rmb)\\s?${amount}`, 'gi');
  const wordAfter = new RegExp(`${amount}\\s?(usd|eur|gbp|cny|rmb|dollars?|bucks|euros?|pounds|yuan|块钱|元|块|人民币|美元|欧元)`, 'gi');
  const format = (whole: string, cents: string | undefined) => `${whole.replace(/,/g, '')}${cents ? `.${cents.padEnd(2, '0')}` : ''}`;
  for (const match of matches(text, symbolFirst)) {
    found.push({ type: 'money', value: `${currencySymbols[match[1] as string]} ${format(match[2] as string, match[3])}`, start: match.index, end: match.index + match[0].length, priority: 4 });
  }
  for (const match of matches(text, codeFirst)) {
    found.push({ type: 'money', value: `${currencyWords[(match[1] as string).toLowerCase()]} ${format(match[2] as string, match[3])}`, start: match.index, end: match.index + match[0].length, priority: 4 });
  }
  for (const match of matches(text, wordAfter)) {
    // "3 pounds" may be a weight, but in a support chat an amount with a currency word is far more often money.
    found.push({ type: 'money', value: `${currencyWords[(match[3] as string).toLowerCase()]} ${format(match[1] as string, match[2])}`, start: match.index, end: match.index + match[0].length, priority: 4 });
  }
  return found;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dates(text: string): Candidate[] {
  const found: Candidate[] = [];
  const add = (match: RegExpExecArray, value: string | null) => {
    found.push({ type: 'date', value: value ?? match[0].toLowerCase(), start: match.index, end: match.index + match[0].length, priority: 3 });
  };
  for (const match of matches(text, /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g)) add(match, isoDate(Number(match[1]), Number(match[2]), Number(match[3])));
  // Day/month order is ambiguous in "03/04/2026": read month first (US), keep the text when the day cannot be a month.
  for (const match of matches(text, /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g)) {
    const year = Number(match[3]) < 100 ? 2000 + Number(match[3]) : Number(match[3]);
    const [first, second] = [Number(match[1]), Number(match[2])];
    add(match, first > 12 ? isoDate(year, second, first) : isoDate(year, first, second));
  }
  const monthIndex = (name: string) => months.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  for (const match of matches(text, new RegExp(`\\b(${monthPattern})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, 'gi'))) {
    add(match, match[3] ? isoDate(Number(match[3]), monthIndex(match[1] as string), Number(match[2])) : null);
  }
  for (const match of matches(text, new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${monthPattern})\\b(?:,?\\s+(\\d{4}))?`, 'gi'))) {
    add(match, match[3] ? isoDate(Number(match[3]), monthIndex(match[2] as string), Number(match[1])) : null);
  }
  for (const match of matches(text, /(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g)) {
    add(match, match[1] ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null);
  }
  for (const match of matches(text, /\b(?:today|yesterday|tomorrow|last (?:week|month)|next (?:week|month))\b|今天|昨天|前天|明天|后天|上周|下周|上个月|下个月/gi)) add(match, null);
  return found;
}

function products(text: string, catalog: readonly CatalogEntry[]): Candidate[] {
  const found: Candidate[] = [];
  const lower = text.toLowerCase();
  for (const entry of catalog) {
    const names = [
      { name: entry.sku.trim().toLowerCase(), priority: 7 },
      { name: entry.title.trim().toLowerCase(), priority: 1 },
    ];
    for (const { name, priority } of names) {
      // Very short names ("TV", one Chinese character) match too much by accident.
      if (name.length < (/\p{Script=Han}/u.test(name) ? 2 : 3)) continue;
      for (let start = lower.indexOf(name); start >= 0; start = lower.indexOf(name, start + 1)) {
        const end = start + name.length;
        // Latin names must stand as whole words: "ring" is not in "during".
        if (/\w/.test(name[0] as string) && start > 0 && /\w/.test(lower[start - 1] as string)) continue;
        if (/\w/.test(name[name.length - 1] as string) && end < lower.length && /\w/.test(lower[end] as string)) continue;
        found.push({ type: 'product', value: entry.sku, start, end, priority });
      }
    }
  }
  return found;
}

/** All entities in `text`, without overlaps (the more specific kind wins), in reading order. */
export function extractEntities(text: string, catalog: readonly CatalogEntry[] = []): Entity[] {
  const candidates = [...emails(text), ...orders(text), ...money(text), ...dates(text), ...phones(text), ...products(text, catalog)].sort(
    (left, right) => right.priority - left.priority || right.end - right.start - (left.end - left.start) || left.start - right.start,
  );
  const kept: Candidate[] = [];
  for (const candidate of candidates) {
    if (kept.some((other) => candidate.start < other.end && other.start < candidate.end)) continue;
    kept.push(candidate);
  }
  return kept.sort((left, right) => left.start - right.start).map(({ type, value, start, end }) => ({ type, value, start, end }));
}
