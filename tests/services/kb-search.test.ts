import { describe, expect, it } from 'vitest';
import { keywordSearch } from '../../src/core/services/kb.ts';
import { createInProcessClient } from '../../src/core/transports/in-process.ts';
import { ApiCallError } from '../../src/shared/api.ts';
import { useCore } from '../helpers/core.ts';

const newCore = useCore();

const articles = [
  { id: 'kb-tracking', title: 'Tracking an order', body: 'Once the order ships we email the carrier and its tracking number. Tracking updates appear within 24 hours of dispatch.' },
  { id: 'kb-returns', title: 'Returns policy', body: 'You can return most items within **30 days of the delivery date**. Items must be unused and in their original packaging.' },
  { id: 'kb-payment', title: 'Payment methods', body: 'We accept credit cards, PayPal and Apple Pay. Cards are charged when the order ships.' },
  {
    id: 'kb-warranty',
    title: 'Warranty',
    body:
      'Every appliance comes with a two year guarantee from the date of purchase, covering defects in materials and workmanship. ' +
      'Wear and tear, accidents and misuse are not covered. To make a claim, send us a photo of the fault and your receipt; ' +
      'we repair or replace the kettle, toaster or blender within ten business days.',
  },
  { id: 'kb-gift', title: 'Can I pay with a gift card?' },
];

async function seeded() {
  const core = newCore();
  const client = createInProcessClient(core);
  await client.call('system.import', { kind: 'kb', fileName: 'kb.jsonl', content: articles.map((article) => JSON.stringify(article)).join('\n') });
  return { core, client };
}

describe('kb.search: the assistant\'s hybrid retrieval for agents', () => {
  it('finds an article by meaning when the query shares no keyword with it', async () => {
    const { core, client } = await seeded();
    const query = 'where is my parcel';
    // The keyword index has nothing for it: no word of the query is in any article.
    expect(keywordSearch(core.context, { query, k: 5 })).toEqual([]);
    const hits = await client.call('kb.search', { query });
    expect(hits[0]).toMatchObject({ articleId: 'kb-tracking', title: 'Tracking an order' });
    expect(hits[0]?.snippet).toContain('tracking number');
  });

  it('ranks keyword matches first, best first, k at most', async () => {
    const { client } = await seeded();
    const hits = await client.call('kb.search', { query: 'how long is the return window?', k: 2 });
    expect(hits.map((hit) => hit.articleId)[0]).toBe('kb-returns');
    expect(hits).toHaveLength(2);
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? Infinity);
  });

  it('shows an excerpt around the query\'s words, else the opening, as plain text', async () => {
    const { client } = await seeded();
    const [warranty] = await client.call('kb.search', { query: 'claim with a receipt', k: 1 });
    expect(warranty?.articleId).toBe('kb-warranty');
    // Near the end of the article: the excerpt runs to its end, full length, starting at a word.
    expect(warranty?.snippet).toBe('…accidents and misuse are not covered. To make a claim, send us a photo of the fault and your receipt; we repair or replace the kettle, toaster or blender within ten business days.');
    // "Warranty" is only in the title: the excerpt is the body's opening.
    const [opening] = await client.call('kb.search', { query: 'warranty', k: 1 });
    expect(opening?.articleId).toBe('kb-warranty');
    expect(opening?.snippet).toBe('Every appliance comes with a two year guarantee from the date of purchase, covering defects in materials and workmanship. Wear and tear, accidents and misuse are not covered. To…');
    const [returns] = await client.call('kb.search', { query: 'returns policy', k: 1 });
    // Markdown emphasis is not shown as asterisks.
    expect(returns?.snippet).toBe('You can return most items within 30 days of the delivery date. Items must be unused and in their original packaging.');
    const gift = (await client.call('kb.search', { query: 'gift card' })).find((hit) => hit.articleId === 'kb-gift');
    expect(gift?.snippet).toBe('');
  });

  it('returns nothing for a blank query or an empty knowledge base', async () => {
    const { client } = await seeded();
    expect(await client.call('kb.search', { query: '' })).toEqual([]);
    expect(await client.call('kb.search', { query: '  ?! ' })).toEqual([]);
    expect(await client.call('kb.search', { query: 'returns', k: 0 })).toEqual([]);
    const empty = createInProcessClient(newCore());
    expect(await empty.call('kb.search', { query: 'where is my parcel' })).toEqual([]);
  });

  it('follows imports: an article imported after a search is found by the next one', async () => {
    const { client } = await seeded();
    expect((await client.call('kb.search', { query: 'change my delivery address' })).some((hit) => hit.articleId === 'kb-address')).toBe(false);
    await client.call('system.import', { kind: 'kb', fileName: 'more.jsonl', content: JSON.stringify({ id: 'kb-address', question: 'Changing the delivery address', answer: 'Write to us before the order ships.' }) });
    expect((await client.call('kb.search', { query: 'change my delivery address' }))[0]?.articleId).toBe('kb-address');
  });

  it('kb.answer gives the reply the assistant would draft from an article', async () => {
    const { client } = await seeded();
    expect(await client.call('kb.answer', { id: 'kb-returns' })).toEqual({
      articleId: 'kb-returns',
      title: 'Returns policy',
      text: 'You can return most items within 30 days of the delivery date. Items must be unused and in their original packaging.',
    });
    expect((await client.call('kb.answer', { id: 'kb-gift' })).text).toBe('');
    await expect(client.call('kb.answer', { id: 'missing' })).rejects.toSatisfy((error) => error instanceof ApiCallError && error.code === 'not_found' && error.reason?.key === 'not_found.article');
  });
});
