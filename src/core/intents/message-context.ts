/**
 * Customers rarely write just "where is my refund": they greet, explain and sign off. A
 * model trained on bare utterances reads that context as another topic and answers out of
 * scope. These helpers wrap training utterances in context sentences of their own language
 * (openings, background, closings), so the model learns that context says nothing about
 * the intent; negatives get the same treatment, so context alone never means "in scope".
 */
import { outOfScopeLabel } from './model-files.ts';
import type { IntentRow } from './train.ts';

export interface ContextSentences {
  opening: string[];
  background: string[];
  closing: string[];
}

export type ContextLanguage = 'en' | 'zh';

const sections = ['opening', 'background', 'closing'] as const;
const hanPattern = /\p{Script=Han}/u;

function languageOf(text: string): ContextLanguage {
  return hanPattern.test(text) ? 'zh' : 'en';
}

/** Reads the `[opening]` / `[background]` / `[closing]` sections of a context file, split by language. */
export function parseContextSentences(text: string): Record<ContextLanguage, ContextSentences> {
  const result: Record<ContextLanguage, ContextSentences> = {
    en: { opening: [], background: [], closing: [] },
    zh: { opening: [], background: [], closing: [] },
  };
  let section: (typeof sections)[number] | null = null;
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      const name = header[1] as string;
      if (!(sections as readonly string[]).includes(name)) throw new RangeError(`line ${index + 1}: unknown section [${name}]`);
      section = name as (typeof sections)[number];
      return;
    }
    if (section === null) throw new RangeError(`line ${index + 1}: a sentence before the first [section]`);
    result[languageOf(line)][section].push(line);
  });
  return result;
}

/**
 * Every context sentence on its own as a negative: the classifier also scores each sentence
 * of a message, and a lone "Thanks a lot." or "I bought a lamp last month." is no request.
 */
export function contextNegatives(contexts: Record<ContextLanguage, ContextSentences>): IntentRow[] {
  return Object.values(contexts).flatMap((context) => sections.flatMap((section) => context[section].map((text) => ({ text, intent: outOfScopeLabel }))));
}

function pick(sentences: readonly string[], random: () => number): string | null {
  return sentences.length === 0 ? null : (sentences[Math.floor(random() * sentences.length)] as string);
}

/**
 * One copy of each row wrapped in context of the row's language: an opening (60 %), up to
 * two background sentences before or after the request, and a closing (50 %); at least one
 * of them. The rows themselves are not returned.
 */
export function withMessageContext(rows: readonly IntentRow[], contexts: Record<ContextLanguage, ContextSentences>, random: () => number): IntentRow[] {
  return rows.map((row) => {
    const language = languageOf(row.text);
    const context = contexts[language];
    const before: string[] = [];
    const after: string[] = [];
    const opening = random() < 0.6 ? pick(context.opening, random) : null;
    if (opening) before.push(opening);
    const backgroundCount = random() < 0.5 ? 1 : random() < 0.4 ? 2 : 0;
    for (let index = 0; index < backgroundCount; index += 1) {
      const sentence = pick(context.background, random);
      if (sentence) (random() < 0.7 ? before : after).push(sentence);
    }
    const closing = random() < 0.5 ? pick(context.closing, random) : null;
    if (closing) after.push(closing);
    if (before.length + after.length === 0) {
      const sentence = pick(context.background, random);
      if (sentence) before.push(sentence);
    }
    const separator = language === 'zh' ? '' : ' ';
    return { text: [...before, row.text, ...after].join(separator), intent: row.intent };
  });
}
