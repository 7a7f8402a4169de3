/**
 * Latency of the support assistant's per-message work — intent (built-in ONNX model),
 * entities, and knowledge-base search over 10,000 synthetic articles — then the whole
 * `chat.suggest` step on a real store holding the same articles (intent, entities, mood,
 * retrieval, order lookups, macros, escalation and the audit write), and the time to
 * train an intent model on BANKING77.
 *
 *   npx tsx scripts/bench-chat.ts [--articles N] [--messages N] [--skip-training]
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { createCore } from '../src/core/index.ts';
import { createStderrLogger } from '../src/core/logger.ts';
import { createInProcessClient } from '../src/core/transports/in-process.ts';
import { createInferenceEngine } from '../src/core/inference/onnx-runtime.ts';
import { seededRandom } from '../src/core/random.ts';
import { createKbRetriever, retrievalIntent } from '../src/core/assistant/models.ts';
import { builtInIntentModelDir, loadIntentClassifier } from '../src/core/intents/classifier.ts';
import { extractEntities } from '../src/core/intents/entities.ts';
import { trainIntentModel } from '../src/core/intents/train.ts';
import { createTextEmbedder } from '../src/core/retrieval/embedder.ts';
import type { RetrievalArticle } from '../src/core/retrieval/retriever.ts';
import { builtInTermTableDir, loadTermTable } from '../src/core/retrieval/term-table.ts';
import { loadWordVectors } from '../src/core/retrieval/word-vectors.ts';
import { glovePath, sharedRoot } from './train-intent-model.ts';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

const products = ['wireless mouse', 'running shoes', 'coffee grinder', 'yoga mat', 'desk lamp', 'rain jacket', 'phone case', 'blender', 'backpack', 'smart watch', '蓝牙耳机', '保温杯', '羽绒服'];
const topics = [
  ['How to return the {p}', 'Send the {p} back within {n} days in its original box; the refund reaches your card in {m} business days.'],
  ['Shipping times for the {p}', 'The {p} ships from our warehouse in {n} days; express delivery takes {m} days.'],
  ['Warranty of the {p}', 'The {p} has a {n}-month warranty covering defects; repairs take about {m} days.'],
  ['Cleaning and care of the {p}', 'Clean the {p} with a soft cloth every {n} weeks and keep it dry for {m} hours after washing.'],
  ['Sizes and fit of the {p}', 'The {p} comes in {n} sizes; see the size chart, most customers pick {m}.'],
  ['{p} 退货政策', '{p}签收后{n}天内可以无理由退货，退款{m}个工作日内原路返回。'],
  ['{p} 发货时间', '{p}下单后{n}天内发货，快递一般{m}天送达。'],
];

function syntheticArticles(count: number): RetrievalArticle[] {
  const random = seededRandom(42);
  return Array.from({ length: count }, (_, index) => {
    const [title, body] = topics[index % topics.length] as [string, string];
    const product = `${products[Math.floor(random() * products.length)]} ${index}`;
    const fill = (text: string) => text.replaceAll('{p}', product).replace('{n}', String(2 + Math.floor(random() * 28))).replace('{m}', String(1 + Math.floor(random() * 9)));
    return { id: `article-${index}`, title: fill(title), body: fill(body) };
  });
}

const messages = [
  'Where is my order #100234? It has not arrived yet',
  'I want to return the running shoes I bought last week',
  'how long does shipping take for the coffee grinder',
  'can I cancel my order and get a refund of $49.99',
  'my email is jane@example.com, please change my shipping address',
  '我的订单100234什么时候发货？',
  '保温杯可以退货吗',
  'what is the weather tomorrow',
];

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] as number;
}

const articleCount = option('--articles', 10_000);
const messageCount = option('--messages', 200);
const engine = createInferenceEngine({ logger: createStderrLogger(true), providers: ['cpu'] });
const wordVectors = loadWordVectors(glovePath);
const termTable = loadTermTable(builtInTermTableDir);
const embedder = createTextEmbedder({ wordVectors, ...(termTable ? { termTable } : {}) });

const classifier = await loadIntentClassifier({ engine, modelDir: builtInIntentModelDir });
await classifier.classify(['warm up']);
let started = performance.now();
const articles = syntheticArticles(articleCount);
const retriever = await createKbRetriever(articles, { embedder, wordVectors }, classifier);
console.log(`index of ${articleCount} articles built in ${((performance.now() - started) / 1000).toFixed(1)} s (${embedder.name}, ${embedder.dimensions} dims; titles' intents included)`);

const timings = { intent: [] as number[], entities: [] as number[], search: [] as number[], total: [] as number[] };
for (let index = 0; index < messageCount; index += 1) {
  const message = messages[index % messages.length] as string;
  const begin = performance.now();
  const [prediction] = await classifier.classify([message]);
  const afterIntent = performance.now();
  extractEntities(message);
  const afterEntities = performance.now();
  retriever.search(message, 5, retrievalIntent(prediction));
  const end = performance.now();
  timings.intent.push(afterIntent - begin);
  timings.entities.push(afterEntities - afterIntent);
  timings.search.push(end - afterEntities);
  timings.total.push(end - begin);
}
for (const [name, values] of Object.entries(timings)) {
  const sorted = [...values].sort((left, right) => left - right);
  console.log(`${name}: p50 ${percentile(sorted, 0.5).toFixed(2)} ms, p95 ${percentile(sorted, 0.95).toFixed(2)} ms (${messageCount} messages)`);
}

// The whole suggestion step, as the app runs it: a store with the articles, a customer with an order, and macros.
const storeDir = mkdtempSync(join(tmpdir(), 'shopdesk-bench-chat-'));
const core = createCore({ dataDir: storeDir, modelsPath: [resolve(sharedRoot, 'models')], logger: createStderrLogger(true), providers: ['cpu'] });
const client = createInProcessClient(core);
await client.call('system.import', { kind: 'kb', fileName: 'kb.jsonl', content: articles.map((article) => JSON.stringify(article)).join('\n') });
await client.call('system.import', { kind: 'customers', fileName: 'customers.csv', content: 'id,name,email\nC1,Jane Doe,jane@example.com\n' });
await client.call('system.import', {
  kind: 'orders',
  fileName: 'orders.csv',
  content: 'order_number,customer_id,status,placed_at,shipped_at,carrier,tracking_number,sku,title,quantity,unit_price\n100234,C1,shipped,2026-11-01,2026-11-02,UPS,1Z999,MUG,Mug,1,9\n',
});
await client.call('system.import', { kind: 'conversations', fileName: 'conversations.json', content: JSON.stringify([{ id: 'B1', customer_id: 'C1', messages: [{ author: 'customer', body: 'Hello', created_at: '2026-11-03T10:00:00Z' }] }]) });
await client.call('macros.create', { name: 'Tracking', shortcut: '/track', body: 'Hi {{customer.first_name}}, order {{order.number}} is {{order.status}}.', intent: 'track_order' });
started = performance.now();
await client.call('chat.suggest', { conversationId: 'B1' });
console.log(`first chat.suggest (loads the models, builds the store's index): ${((performance.now() - started) / 1000).toFixed(1)} s`);
const suggestTimes: number[] = [];
for (let index = 0; index < messageCount; index += 1) {
  await client.call('chat.send', { conversationId: 'B1', author: 'customer', body: messages[index % messages.length] as string });
  const begin = performance.now();
  await client.call('chat.suggest', { conversationId: 'B1' });
  suggestTimes.push(performance.now() - begin);
}
const sortedSuggest = [...suggestTimes].sort((left, right) => left - right);
console.log(`chat.suggest (whole step, ${articleCount} articles in the store): p50 ${percentile(sortedSuggest, 0.5).toFixed(2)} ms, p95 ${percentile(sortedSuggest, 0.95).toFixed(2)} ms (${messageCount} messages)`);
await core.close();
rmSync(storeDir, { recursive: true, force: true });

if (!process.argv.includes('--skip-training')) {
  const records = parse(readFileSync(resolve(sharedRoot, 'data/intents/banking77/train.csv')), { columns: true, bom: true }) as { text: string; category: string }[];
  const outDir = mkdtempSync(join(tmpdir(), 'shopdesk-bench-banking77-'));
  started = performance.now();
  await trainIntentModel({ rows: records.map((record) => ({ text: record.text, intent: record.category })), outDir, wordVectors });
  console.log(`banking77 training (${records.length} rows, with validation tuning and the final fit): ${((performance.now() - started) / 1000).toFixed(1)} s`);
  rmSync(outDir, { recursive: true, force: true });
}
await engine.release();
