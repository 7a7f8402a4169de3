import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createBm25Index } from '../../src/core/retrieval/bm25.ts';
import { createDefaultTextEmbedder } from '../../src/core/retrieval/default-embedder.ts';
import { createTextEmbedder } from '../../src/core/retrieval/embedder.ts';
import { createRetriever, embedArticle } from '../../src/core/retrieval/retriever.ts';
import { builtInTermTableDir, loadTermTable, tableFrom, withRowsReplaced } from '../../src/core/retrieval/term-table.ts';
import { foldWord, lexicalTerms, tableTermsWithWords } from '../../src/core/retrieval/terms.ts';
import { gloveFolderName, loadWordVectors } from '../../src/core/retrieval/word-vectors.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const wordVectors = loadWordVectors(resolve(repoRoot, '../shared/models', gloveFolderName));
const termTable = loadTermTable(builtInTermTableDir);

const articles = [
  { id: 'returns', title: 'Return policy', body: 'You can send items back within 30 days of delivery for a full refund, if they are unused and in the original packaging.' },
  { id: 'tracking', title: 'Tracking your order', body: 'Log in and open Order History to see the tracking number and the current location of your shipment.' },
  { id: 'payment', title: 'Payment methods', body: 'We accept Visa, Mastercard, American Express and PayPal.' },
  { id: 'gift', title: 'Gift wrapping', body: 'Add gift wrap and a personal message at checkout for a small fee.' },
  { id: 'international', title: 'International shipping', body: 'We ship to more than 40 countries; duties are paid by the recipient.' },
  { id: 'cancel', title: 'Cancelling an order', body: 'Orders can be cancelled free of charge until they leave the warehouse.' },
  { id: 'zh-refund', title: '退款多久到账', body: '退款审核通过后，款项会在1到3个工作日内原路退回到您的支付账户。' },
  { id: 'zh-address', title: '如何修改收货地址', body: '订单发货前，您可以在订单详情页修改收货地址。' },
  { id: 'zh-invoice', title: '怎么开发票', body: '在订单完成后，进入订单详情申请电子发票。' },
  { id: 'zh-password', title: '忘记登录密码怎么办', body: '在登录页点击忘记密码，通过手机验证码重置密码。' },
];

describe('terms', () => {
  it('folds English endings and cuts Chinese into characters and pairs', () => {
    expect(['returns', 'shipping', 'wrapped', 'deliveries', 'boxes', 'address'].map(foldWord)).toEqual(['return', 'ship', 'wrap', 'delivery', 'box', 'address']);
    expect(lexicalTerms('退款，到账')).toEqual(['退', '款', '退款', '到', '账', '到账']);
    expect(lexicalTerms('Where is my parcel?')).toEqual(['parcel']);
  });

  it('gives the term table adjacent English word pairs within a clause, and the table has rows for common ones', () => {
    const terms = tableTermsWithWords('I want to sign up. Boxes shipped').map((entry) => entry.term);
    expect(terms).toEqual(expect.arrayContaining(['sign up', 'want to', 'box ship']));
    // A clause break separates "up" from "boxes"; Chinese keeps characters and character pairs only.
    expect(terms).not.toContain('up box');
    expect(tableTermsWithWords('退款').map((entry) => entry.term)).toEqual(['退', '款', '退款']);
    expect(termTable?.vector('sign up')).toBeDefined();
    expect(termTable?.vector('call off')).toBeDefined();
  });

  it('replaces the rows of chosen terms only, from a table trained apart', () => {
    const base = tableFrom(['refund', '退', '退款', 'vip'], Float32Array.from([1, 0, 2, 0, 3, 0, 4, 0]), 2);
    const chinese = tableFrom(['退款', '退', 'vip'], Float32Array.from([0, 5, 0, 6, 0, 7]), 2);
    const merged = withRowsReplaced(base, chinese, (term) => /\p{Script=Han}/u.test(term));
    expect(merged.terms).toEqual(base.terms);
    expect([...merged.rows]).toEqual([1, 0, 0, 6, 0, 5, 4, 0]);
    expect([...base.rows]).toEqual([1, 0, 2, 0, 3, 0, 4, 0]);
    expect(() => withRowsReplaced(base, tableFrom(['退'], Float32Array.from([1, 2, 3]), 3), () => true)).toThrow(/dimensions/);
  });

  it('scores BM25 by rarity and saturation', () => {
    const index = createBm25Index([['refund', 'refund', 'order'], ['order', 'ship'], ['order']]);
    const scores = index.score(['refund', 'order']);
    expect(scores[0]).toBeGreaterThan(scores[1] as number);
    expect(scores[1]).toBeGreaterThan(0);
    expect(index.score(['missing'])).toEqual(new Float64Array(3));
  });
});

describe('knowledge-base retrieval', () => {
  const embedder = createTextEmbedder({ wordVectors, ...(termTable ? { termTable } : {}) });
  const retriever = createRetriever({ articles, embedder, wordVectors });

  it('has a committed term table and unit-length embeddings', () => {
    expect(termTable).toBeDefined();
    const vector = embedder.embed('where is my parcel');
    expect(vector).toHaveLength(embedder.dimensions);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    expect(embedArticle(embedder, articles[0] as (typeof articles)[number])).toHaveLength(embedder.dimensions);
  });

  it.each([
    ['can i send back something i bought two weeks ago', 'returns'],
    ['where is my parcel', 'tracking'],
    ['do you take credit cards', 'payment'],
    ['can you wrap it as a present', 'gift'],
    ['do you deliver overseas to other countries', 'international'],
    ['please cancel my purchase before it leaves', 'cancel'],
  ])('finds the English article for "%s"', (query, id) => {
    expect(retriever.search(query, 3)[0]?.id).toBe(id);
  });

  it.each([
    ['退款什么时候能到账', 'zh-refund'],
    ['收货地址填错了能改吗', 'zh-address'],
    ['我要开发票', 'zh-invoice'],
    ['密码忘了登录不了', 'zh-password'],
  ])('finds the Chinese article for "%s"', (query, id) => {
    expect(retriever.search(query, 3)[0]?.id).toBe(id);
  });

  it('builds the app embedder from a models path, with or without GloVe', () => {
    const withGlove = createDefaultTextEmbedder([resolve(repoRoot, '../shared/models')]);
    expect(withGlove.wordVectors).toBeDefined();
    expect(withGlove.embedder.name).toBe(embedder.name);
    const without = createDefaultTextEmbedder([resolve(repoRoot, 'no-such-models')]);
    expect(without.wordVectors).toBeUndefined();
    expect(without.embedder.name).not.toBe(embedder.name);
    const search = createRetriever({ articles, embedder: without.embedder });
    expect(search.search('退款什么时候能到账', 1)[0]?.id).toBe('zh-refund');
  });

  it('lets the dense side decide when the two sides rank Chinese articles in opposite order', () => {
    const chinese = [
      { id: 'refund', title: '退款多久到账', body: '' },
      { id: 'password', title: '忘记登录密码怎么办', body: '' },
      { id: 'limit', title: '为什么额度降低了', body: '' },
    ];
    const query = '账号登不上去';
    const top = (fusionSides: readonly ('lexical' | 'dense')[]) => createRetriever({ articles: chinese, embedder, wordVectors, fusionSides }).search(query, 2).map((hit) => hit.id);
    // Keywords match one character each (账 and 登) and favour the short title; the vectors know 登不上 is about logging in.
    expect(top(['lexical'])).toEqual(['refund', 'password']);
    expect(top(['dense'])[0]).toBe('password');
    expect(top(['lexical', 'dense'])[0]).toBe('password');
  });

  it('uses stored vectors when given and returns at most k hits', () => {
    const vectors = articles.map((article) => embedArticle(embedder, article));
    const stored = createRetriever({ articles, embedder, vectors });
    const hits = stored.search('refund', 2);
    expect(hits.length).toBeLessThanOrEqual(2);
    expect(hits[0]?.id).toBe('returns');
  });
});
