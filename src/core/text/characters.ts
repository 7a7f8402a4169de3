/**
 * Character classes the tokeniser and language detector agree on. Code-point tests are
 * written out instead of regular expressions because they run on every character scored.
 */

export const CharacterClass = {
  /** Spaces and punctuation that only separate words. */
  Space: 0,
  /** Clause punctuation (. , ; : 。 ，): separates words and ends word pairs. */
  Break: 1,
  /** ASCII letters, and letters of other alphabetic scripts: parts of words. */
  Letter: 2,
  Digit: 3,
  /** Han ideographs: each one is a token, as Chinese has no spaces. */
  Han: 4,
  /** Japanese kana: tokens of one character like Han, but a sign of Japanese. */
  Kana: 5,
  /** Emoji, symbols, ! and ?: tokens on their own, they carry sentiment. */
  Symbol: 6,
} as const;

export type CharacterClass = (typeof CharacterClass)[keyof typeof CharacterClass];

const letterPattern = /[\p{L}\p{M}]/u;
const symbolPattern = /[\p{So}\p{Sk}\p{Extended_Pictographic}]/u;
const breakPattern = /[\p{Po}\p{Ps}\p{Pe}\p{Pi}\p{Pf}]/u;

export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x20000 && code <= 0x2ffff);
}

/** The class of every Basic Multilingual Plane character, computed once at load (a few ms): the scanner's hot path is a lookup. */
const planeClasses = Uint8Array.from({ length: 0x10000 }, (_, code) => classify(code));

export function characterClass(code: number): CharacterClass {
  return code < 0x10000 ? (planeClasses[code] as CharacterClass) : classify(code);
}

function classify(code: number): CharacterClass {
  if (code < 0x80) {
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) return CharacterClass.Letter;
    if (code >= 0x30 && code <= 0x39) return CharacterClass.Digit;
    if (code === 0x21 || code === 0x3f) return CharacterClass.Symbol;
    if (code === 0x2e || code === 0x2c || code === 0x3b || code === 0x3a || code === 0x0a || code === 0x28 || code === 0x29) return CharacterClass.Break;
    return CharacterClass.Space;
  }
  if (isHan(code)) return CharacterClass.Han;
  if (code >= 0x3040 && code <= 0x30ff) return CharacterClass.Kana;
  if (code >= 0x3000 && code <= 0x303f) return CharacterClass.Break;
  const character = String.fromCodePoint(code);
  if (letterPattern.test(character)) return CharacterClass.Letter;
  if (symbolPattern.test(character)) return CharacterClass.Symbol;
  if (breakPattern.test(character)) return CharacterClass.Break;
  return CharacterClass.Space;
}
