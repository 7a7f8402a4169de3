/**
 * Language detection for the languages the app models (English, Chinese) by counting
 * scripts: fast, deterministic and good on short and mixed texts, where statistical
 * identifiers are weakest. Anything else is 'other'.
 */
import { CharacterClass, characterClass } from './characters.ts';

export type TextLanguage = 'en' | 'zh' | 'other';

export interface ScriptCounts {
  han: number;
  kana: number;
  /** ASCII letters. */
  latin: number;
  /** Letters outside ASCII (accented Latin, Cyrillic, Hangul, Arabic, …). */
  otherLetters: number;
}

export function countScripts(text: string, limit = text.length): ScriptCounts {
  const counts: ScriptCounts = { han: 0, kana: 0, latin: 0, otherLetters: 0 };
  const end = Math.min(limit, text.length);
  for (let index = 0; index < end; ) {
    const code = text.codePointAt(index) as number;
    index += code > 0xffff ? 2 : 1;
    const kind = characterClass(code);
    if (kind === CharacterClass.Han) counts.han += 1;
    else if (kind === CharacterClass.Kana) counts.kana += 1;
    else if (kind === CharacterClass.Letter) {
      if (code < 0x80) counts.latin += 1;
      else counts.otherLetters += 1;
    }
  }
  return counts;
}

/** A Chinese character carries about as much as a three-letter stretch of English. */
const hanWeight = 3;

const englishWords = new Set(
  'the a an and or but is are was were be been it this that these those i you he she we they my your his her our their of to in on for with at by from not no very so too good great bad love like nice well just as'.split(' '),
);

/** The first this many code units decide: enough for any review, and a long text costs no more than a short one. */
const sampleLength = 1000;

/** True when English function words make up a fair share of the (first) words; short texts pass. */
function looksEnglish(text: string): boolean {
  const end = Math.min(text.length, sampleLength);
  let words = 0;
  let known = 0;
  let start = -1;
  for (let index = 0; index <= end; index += 1) {
    const code = index < end ? text.charCodeAt(index) | 0x20 : 0;
    const inWord = (code >= 0x61 && code <= 0x7a) || (start >= 0 && code === 0x27);
    if (inWord && start < 0) start = index;
    else if (!inWord && start >= 0) {
      words += 1;
      if (englishWords.has(text.slice(start, index).toLowerCase())) known += 1;
      start = -1;
    }
  }
  return words <= 3 || known / words >= 0.08;
}

/**
 * 'zh' when Han characters carry most of the text (Chinese with English brand names is
 * Chinese), 'en' for mostly ASCII-letter text that reads as English, 'other' otherwise
 * (Japanese, other alphabets, other Latin-script languages, no letters at all).
 */
export function detectLanguage(text: string): TextLanguage {
  const counts = countScripts(text, sampleLength);
  const han = counts.han * hanWeight;
  const total = han + counts.kana * hanWeight + counts.latin + counts.otherLetters;
  if (total === 0) return 'other';
  if (counts.kana >= 2 && counts.kana * 4 >= counts.han) return 'other';
  if (han >= counts.latin && han >= counts.otherLetters) return 'zh';
  if (counts.latin >= counts.otherLetters * 4 && looksEnglish(text)) return 'en';
  return 'other';
}
