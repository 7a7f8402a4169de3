/**
 * Terms for the lexical side of retrieval, English and Chinese alike: Latin-script words
 * with a light plural/verb-ending fold ("returns", "returned" → "return"), and for Chinese
 * every character and every pair of adjacent characters, which matches Chinese words
 * without a dictionary and survives the typos customers make.
 */

/**
 * A small private tokeniser: Han characters one by one, Latin/other words whole, clause
 * punctuation as breaks. Kept here, not taken from src/core/text, so the committed term
 * table never shifts under an edit made for another model; merging is a follow-up.
 */
const tokenPattern = /(\p{Script=Han})|([\p{L}\p{N}]+(?:'\p{L}+)?)|([.,;:!?。，；：！？、\n])/gu;

export interface TextToken {
  text: string;
  kind: 'han' | 'word' | 'number';
  /** True when clause punctuation separates this token from the previous one. */
  clauseStart: boolean;
}

export function textTokens(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let clauseStart = true;
  for (const match of text.normalize('NFKC').toLowerCase().matchAll(tokenPattern)) {
    if (match[3] !== undefined) {
      clauseStart = true;
      continue;
    }
    const token = match[1] ?? (match[2] as string);
    tokens.push({ text: token, kind: match[1] !== undefined ? 'han' : /^\p{N}+$/u.test(token) ? 'number' : 'word', clauseStart });
    clauseStart = false;
  }
  return tokens;
}

/** Words so common in questions that they only add noise to matching. */
const stopWords = new Set(
  'a an the i me my we our you your it its is are was were be been am do does did can could would should will shall may might must to of in on at for with by from as and or but if so not no this that these those there here what which who whom how when where why have has had get got any some please'.split(' '),
);

/** Folds common English endings; crude, but applied the same way to questions and articles. */
/** "shipp" → "ship", "wrapp" → "wrap", but "sell" and "miss" stay. */
function undouble(stem: string): string {
  return /([^aeiouylsz])\1$/.test(stem) ? stem.slice(0, -1) : stem;
}

export function foldWord(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return undouble(word.slice(0, -3));
  if (word.length > 4 && word.endsWith('ed')) return undouble(word.slice(0, -2));
  if (word.length > 3 && word.endsWith('es') && /(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Lexical terms, each with the word it came from (for Chinese, the term itself). */
export function lexicalTermsWithWords(text: string): { term: string; word: string }[] {
  const terms: { term: string; word: string }[] = [];
  let previousHan: string | null = null;
  for (const token of textTokens(text)) {
    if (token.kind === 'han') {
      terms.push({ term: token.text, word: token.text });
      if (previousHan !== null && !token.clauseStart) terms.push({ term: previousHan + token.text, word: previousHan + token.text });
      previousHan = token.text;
      continue;
    }
    previousHan = null;
    if (!stopWords.has(token.text)) terms.push({ term: foldWord(token.text), word: token.text });
  }
  return terms;
}

/**
 * Terms of the learned term table: the lexical terms plus each pair of adjacent English
 * words in a clause ("sign up", "call off", "send back"), whose meaning is not the sum of
 * their words.
 */
export function tableTermsWithWords(text: string): { term: string; word: string }[] {
  const terms: { term: string; word: string }[] = lexicalTermsWithWords(text);
  let previous: string | null = null;
  for (const token of textTokens(text)) {
    if (token.kind !== 'word' || token.clauseStart) previous = null;
    if (token.kind !== 'word') continue;
    const folded = foldWord(token.text);
    if (previous !== null) terms.push({ term: `${previous} ${folded}`, word: `${previous} ${folded}` });
    previous = folded;
  }
  return terms;
}

export function lexicalTerms(text: string): string[] {
  return lexicalTermsWithWords(text).map((entry) => entry.term);
}
