/** A knowledge-base article as a reply draft: what the assistant suggests and what an agent's search inserts. */

/** A KB article's reply is its opening, not the whole article. */
const replyLength = 600;

/** Markdown's bold and code marks dropped: a reply and a search excerpt are plain text. */
export function withoutEmphasis(text: string): string {
  return text.replace(/\*\*|__|`/g, '');
}

/** Plain text of an article's opening: Markdown emphasis dropped, cut at a sentence end when one is near. */
export function articleReply(body: string): string {
  const plain = withoutEmphasis(body).trim();
  // The first paragraph usually answers; the rest is detail the agent can add.
  const firstParagraph = plain.split(/\n\s*\n/)[0] ?? plain;
  if (firstParagraph.length >= replyLength / 4 && firstParagraph.length <= replyLength) return firstParagraph;
  if (plain.length <= replyLength) return plain;
  const cut = plain.slice(0, replyLength);
  const sentenceEnd = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('。'));
  return sentenceEnd > replyLength / 2 ? cut.slice(0, sentenceEnd + 1) : `${cut.trimEnd()}…`;
}
