import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createKbRetriever, retrievalIntent } from '../../src/core/assistant/models.ts';
import { createInferenceEngine } from '../../src/core/inference/onnx-runtime.ts';
import { builtInIntentModelDir, loadIntentClassifier } from '../../src/core/intents/classifier.ts';
import { createMemoryLogger } from '../../src/core/logger.ts';
import { createDefaultTextEmbedder } from '../../src/core/retrieval/default-embedder.ts';
import { createRetriever } from '../../src/core/retrieval/retriever.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const engine = createInferenceEngine({ logger: createMemoryLogger(), providers: ['cpu'] });
const classifier = await loadIntentClassifier({ engine, modelDir: builtInIntentModelDir });
const embedding = createDefaultTextEmbedder([resolve(repoRoot, '../shared/models')]);

afterAll(() => engine.release());

// Store-policy questions written for this test, several about ordering, as FAQs tend to be.
const articles = [
  { id: 'cancel', title: 'Can I cancel my order?', body: 'Yes, as long as it has not left our warehouse. Open the order and choose Cancel.' },
  { id: 'out-of-stock', title: 'Can I order a product that is out of stock?', body: 'Out of stock products cannot be bought until they are back; sign up for a restock alert.' },
  { id: 'pre-order', title: "Can I order a product that is listed as 'pre-order'?", body: 'Yes, pre-order items ship on their release date.' },
  { id: 'track', title: 'How can I track my order?', body: 'Use the tracking link in your shipping confirmation email.' },
  { id: 'account', title: 'How can I create an account?', body: 'Choose Sign up at the top of any page and enter your email address.' },
  { id: 'zh-invoice', title: '怎么开发票', body: '在订单完成后，进入订单详情申请电子发票。' },
  { id: 'zh-cancel', title: '怎么取消订单', body: '发货前可以在订单详情页取消订单。' },
];

describe("the knowledge base's intent side", () => {
  it("gives each title the intent model's intent, and none for out-of-scope ones", async () => {
    const predictions = await classifier.classify(['Can I cancel my order?', 'What is the capital of France?']);
    expect(predictions.map(retrievalIntent)).toEqual(['cancel_order', undefined]);
  });

  it('ranks the articles of the query’s intent higher, for words neither keywords nor vectors link', async () => {
    const retriever = await createKbRetriever(articles, embedding, classifier);
    const query = 'i want to call off the purchase i just made';
    const [prediction] = await classifier.classify([query]);
    expect(retrievalIntent(prediction)).toBe('cancel_order');
    const scoreOf = (hits: readonly { id: string; score: number }[]) => hits.find((hit) => hit.id === 'cancel')?.score ?? 0;
    const without = retriever.search(query, articles.length);
    const withIntent = retriever.search(query, articles.length, 'cancel_order');
    expect(scoreOf(withIntent)).toBeGreaterThan(scoreOf(without));
    expect(withIntent[0]?.id).toBe('cancel');
    // Only the fusion score moves: the similarity says how close the meaning is, as before.
    expect(withIntent.find((hit) => hit.id === 'cancel')?.similarity).toBe(without.find((hit) => hit.id === 'cancel')?.similarity);
  });

  it('leaves queries written mostly in Chinese to keywords and vectors', async () => {
    const retriever = await createKbRetriever(articles, embedding, classifier);
    expect(retriever.search('我想开发票', 3, 'get_invoice')).toEqual(retriever.search('我想开发票', 3));
    expect(retriever.search('我想开发票', 3, 'cancel_order')).toEqual(retriever.search('我想开发票', 3));
  });

  it('does nothing without article intents', () => {
    const plain = createRetriever({ articles, embedder: embedding.embedder });
    expect(plain.search('how do i cancel', 3, 'cancel_order')).toEqual(plain.search('how do i cancel', 3));
  });
});
