/**
 * Tokenisation for English, Chinese and mixed text. Latin-script words are split on
 * spaces and punctuation; Chinese runs become one token per character (fast, robust to
 * the absence of spaces) or, on request, dictionary words from Intl.Segmenter.
 */
import { CharacterClass, characterClass } from './characters.ts';
import type { TextLanguage } from './language.ts';
import { normalizeText } from './normalize.ts';
import { segmentWords } from './segment.ts';

export type TokenKind = 'word' | 'number' | 'han' | 'symbol';

/** Token kinds as numbers, for the span arrays. */
export const tokenKinds: readonly TokenKind[] = ['word', 'number', 'han', 'symbol'];
const wordKind = 0;
const numberKind = 1;
const hanKind = 2;
const symbolKind = 3;

export interface Token {
  text: string;
  kind: TokenKind;
  /** True when clause punctuation separates this token from the previous one. */
  clauseStart: boolean;
}

/**
 * Token positions of a text in flat arrays, reused between texts so that scanning
 * allocates nothing: feature extraction hashes straight from the text.
 */
export interface TokenSpans {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** Index into `tokenKinds`. */
  kinds: Uint8Array;
  /** 1 when clause punctuation separates the token from the previous one. */
  clauseStarts: Uint8Array;
}

export function createTokenSpans(capacity = 256): TokenSpans {
  return { count: 0, starts: new Int32Array(capacity), ends: new Int32Array(capacity), kinds: new Uint8Array(capacity), clauseStarts: new Uint8Array(capacity) };
}

function ensureCapacity(spans: TokenSpans, needed: number): void {
  if (needed <= spans.starts.length) return;
  const grown = createTokenSpans(Math.max(needed, spans.starts.length * 2));
  grown.starts.set(spans.starts);
  grown.ends.set(spans.ends);
  grown.kinds.set(spans.kinds);
  grown.clauseStarts.set(spans.clauseStarts);
  Object.assign(spans, { starts: grown.starts, ends: grown.ends, kinds: grown.kinds, clauseStarts: grown.clauseStarts });
}

/** Fills `spans` with the tokens of an already normalised text, or of text[from, to). */
export function scanSpans(text: string, spans: TokenSpans, from = 0, to = text.length): void {
  // A text never has more tokens than code units.
  ensureCapacity(spans, to - from);
  const { starts, ends, kinds, clauseStarts } = spans;
  let count = 0;
  let clauseStart = 1;
  let wordStart = -1;
  let currentKind = wordKind;
  for (let index = from; index < to; ) {
    const code = text.codePointAt(index) as number;
    const width = code > 0xffff ? 2 : 1;
    const kind = characterClass(code);
    if (kind === CharacterClass.Letter || kind === CharacterClass.Digit) {
      if (wordStart < 0) {
        wordStart = index;
        currentKind = kind === CharacterClass.Digit ? numberKind : wordKind;
      } else if (kind === CharacterClass.Letter) currentKind = wordKind;
    } else if (code === 0x27 && wordStart >= 0 && index + 1 < to && characterClass(text.charCodeAt(index + 1)) === CharacterClass.Letter) {
      // An apostrophe inside a word ("don't") belongs to it.
    } else {
      if (wordStart >= 0) {
        starts[count] = wordStart;
        ends[count] = index;
        kinds[count] = currentKind;
        clauseStarts[count] = clauseStart;
        count += 1;
        clauseStart = 0;
        wordStart = -1;
      }
      if (kind === CharacterClass.Han || kind === CharacterClass.Kana || kind === CharacterClass.Symbol) {
        starts[count] = index;
        ends[count] = index + width;
        kinds[count] = kind === CharacterClass.Symbol ? symbolKind : hanKind;
        clauseStarts[count] = clauseStart;
        count += 1;
        clauseStart = 0;
      } else if (kind === CharacterClass.Break) clauseStart = 1;
    }
    index += width;
  }
  if (wordStart >= 0) {
    starts[count] = wordStart;
    ends[count] = to;
    kinds[count] = currentKind;
    clauseStarts[count] = clauseStart;
    count += 1;
  }
  spans.count = count;
}

/** Digit runs longer than this collapse to '#', so order numbers generalise while "5 stars" stays. */
export const longNumberLength = 2;

/** The text of token `index` of `spans`, as features see it. */
export function tokenText(text: string, spans: TokenSpans, index: number): string {
  const start = spans.starts[index] as number;
  const end = spans.ends[index] as number;
  return spans.kinds[index] === numberKind && end - start > longNumberLength ? '#' : text.slice(start, end);
}

/** The tokens of an already normalised text as objects; convenient where speed matters less than clarity. */
export function scanTokens(text: string): Token[] {
  const spans = createTokenSpans(text.length);
  scanSpans(text, spans);
  const tokens: Token[] = [];
  for (let index = 0; index < spans.count; index += 1) {
    tokens.push({ text: tokenText(text, spans, index), kind: tokenKinds[spans.kinds[index] as number] as TokenKind, clauseStart: spans.clauseStarts[index] === 1 });
  }
  return tokens;
}

export interface TokenizeOptions {
  /** 'characters' (default): one token per Han character; 'words': Intl.Segmenter words (slower). */
  chinese?: 'characters' | 'words';
}

/** Normalises and tokenises a text; `lang` only matters for how Chinese runs are cut. */
export function tokenize(text: string, lang: TextLanguage = 'en', options: TokenizeOptions = {}): string[] {
  const tokens = scanTokens(normalizeText(text));
  if (lang !== 'zh' || options.chinese !== 'words') return tokens.map((token) => token.text);
  const words: string[] = [];
  let run = '';
  const flush = () => {
    words.push(...segmentWords(run));
    run = '';
  };
  for (const token of tokens) {
    if (token.kind === 'han') {
      if (token.clauseStart) flush();
      run += token.text;
      continue;
    }
    flush();
    words.push(token.text);
  }
  flush();
  return words;
}
