import { describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../src/core/transports/in-process.ts';
import type { ApiClient } from '../../src/shared/api.ts';
import { ApiCallError } from '../../src/shared/api.ts';
import { useCore } from '../helpers/core.ts';

const newCore = useCore();

const day = 24 * 60 * 60 * 1000;
/** Dates relative to today, so return windows are inside or outside whatever day the test runs. */
const daysAgo = (days: number) => new Date(Date.now() - days * day).toISOString();

const kbArticles = [
  { id: 'kb-returns-policy', title: 'Returns policy', body: 'You can return most items within **30 days of the delivery date**. Items must be unused.' },
  { id: 'kb-refunds', title: 'Refunds: timing and method', body: 'Refunds go back to the original payment method within 3–5 business days of receiving your return.' },
  { id: 'kb-shipping', title: 'Shipping times', body: 'Orders ship within 1 business day; standard delivery takes 3–5 business days.' },
];

async function seeded(options: { kb?: boolean } = {}): Promise<ApiClient> {
  const client = createInProcessClient(newCore());
  const header = 'order_number,customer_id,status,placed_at,shipped_at,delivered_at,carrier,tracking_number,currency,sku,title,quantity,unit_price';
  const files: [string, string, string][] = [
    ['products', 'products.csv', 'sku,title,category,price\nTEA,Oolong tea,Tea,12\nPOT,Glass teapot,Kitchen,30\n'],
    ['customers', 'customers.csv', 'id,name,email\nC1,Ann Lee,ann@example.com\nC2,Bo Chen,bo@example.com\n'],
    [
      'orders',
      'orders.csv',
      `${header}\n5001,C1,delivered,${daysAgo(12)},${daysAgo(10)},${daysAgo(5)},UPS,1Z999AA10123456784,USD,TEA,Oolong tea,1,12\n` +
        `5002,C1,delivered,${daysAgo(70)},${daysAgo(68)},${daysAgo(60)},UPS,1Z999AA10123450000,USD,POT,Glass teapot,1,30\n` +
        `6001,C2,shipped,${daysAgo(3)},${daysAgo(2)},,DHL,JD014600003821,USD,POT,Glass teapot,1,30\n`,
    ],
    [
      'conversations',
      'conversations.json',
      JSON.stringify([
        { id: 'V1', customer_id: 'C1', subject: 'Order question', messages: [{ author: 'agent', body: 'Welcome!', created_at: daysAgo(1) }] },
        { id: 'V2', customer_id: 'C2', subject: 'Hello', messages: [{ author: 'customer', body: 'Hello', created_at: daysAgo(1) }] },
        { id: 'V3', subject: 'Anonymous', messages: [{ author: 'customer', body: 'Hi', created_at: daysAgo(1) }] },
      ]),
    ],
  ];
  if (options.kb !== false) files.push(['kb', 'kb.jsonl', kbArticles.map((article) => JSON.stringify(article)).join('\n')]);
  for (const [kind, fileName, content] of files) await client.call('system.import', { kind: kind as 'orders', fileName, content });
  return client;
}

async function ask(client: ApiClient, conversationId: string, body: string) {
  await client.call('chat.send', { conversationId, author: 'customer', body });
  return client.call('chat.suggest', { conversationId });
}

async function failure(promise: Promise<unknown>): Promise<ApiCallError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiCallError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('support assistant', () => {
  it('answers an order question with the order status and tracking from the store', async () => {
    const client = await seeded();
    const result = await ask(client, 'V1', 'What is the status of my order #5001?');
    expect(result.intent).toBe('track_order');
    expect(result.outOfScope).toBe(false);
    expect(result.entities).toContainEqual(expect.objectContaining({ type: 'order', value: '5001' }));
    const [best] = result.suggestions;
    expect(best).toMatchObject({ kind: 'order_status', source: { type: 'order', id: '5001', note: { kind: 'order', number: '5001', status: 'delivered' } } });
    expect(best?.text).toContain('Ann');
    expect(best?.text).toContain('delivered');
    expect(best?.text).toContain('1Z999AA10123456784');
    expect(best?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('answers a follow-up about the order the customer named earlier in the conversation, not their latest order', async () => {
    const client = await seeded();
    // 5002 is Ann's older order; her latest is 5001.
    await client.call('chat.send', { conversationId: 'V1', author: 'customer', body: 'Hi, I have a question about order 5002.' });
    const result = await ask(client, 'V1', 'Where is my package now? Has it been delivered?');
    expect(result.entities.filter((entity) => entity.type === 'order')).toEqual([]);
    const [best] = result.suggestions;
    expect(best).toMatchObject({ kind: 'order_status', source: { type: 'order', id: '5002' } });
    expect(best?.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('says a shipped order’s address can no longer change, and offers the "address updated" macro only as a draft below that', async () => {
    const client = await seeded();
    await client.call('macros.create', { name: 'Address changed', body: 'Hi {{customer.first_name}}, I have updated the shipping address on order {{order.number}}.', intent: 'change_shipping_address' });
    const result = await ask(client, 'V2', 'I moved, can you change the shipping address on order 6001?');
    expect(result.intent).toBe('change_shipping_address');
    const [best] = result.suggestions;
    expect(best).toMatchObject({ kind: 'order_status', source: { id: '6001' } });
    expect(best?.text).toContain('can no longer change its delivery address');
    expect(best?.text).toContain('JD014600003821');
    const macro = result.suggestions.find((suggestion) => suggestion.kind === 'macro');
    expect(macro?.text).toContain('updated the shipping address on order 6001');
    expect(macro?.confidence).toBeLessThanOrEqual(0.5);
    expect(macro?.confidence).toBeLessThan(best?.confidence ?? 0);

    const chinese = await ask(client, 'V2', '我搬家了，订单6001的收货地址能改一下吗？');
    expect(chinese.intent).toBe('change_shipping_address');
    expect(chinese.suggestions[0]?.text).toContain('已无法修改收货地址');
  });

  it('finds the order from the parcel tracking number the customer quotes', async () => {
    const client = await seeded();
    const result = await ask(client, 'V1', 'My tracking number is 1z999aa10123450000, has it been delivered?');
    expect(result.entities).toContainEqual(expect.objectContaining({ type: 'order', value: '1Z999AA10123450000' }));
    expect(result.suggestions.some((suggestion) => suggestion.kind === 'ask_order_number')).toBe(false);
    const status = result.suggestions.find((suggestion) => suggestion.kind === 'order_status');
    expect(status?.source).toMatchObject({ type: 'order', id: '5002' });
    expect(status?.text).toContain('1Z999AA10123450000');
  });

  it('answers a Chinese order question in Chinese from the store', async () => {
    const client = await seeded();
    const result = await ask(client, 'V1', '我的订单5001到哪了？');
    const status = result.suggestions.find((suggestion) => suggestion.kind === 'order_status');
    expect(status?.text).toContain('订单5001');
    expect(status?.text).toContain('1Z999AA10123456784');
  });

  it('asks for the right number when the order is unknown or another customer’s, without inventing facts', async () => {
    const client = await seeded();
    const unknown = await ask(client, 'V1', 'Where is my order #9999?');
    const asking = unknown.suggestions.find((suggestion) => suggestion.kind === 'ask_order_number');
    expect(asking?.text).toContain('9999');
    expect(asking?.source.note).toEqual({ kind: 'order_not_found', number: '9999' });
    // It offers the customer's own orders instead of a made-up status.
    expect(asking?.text).toContain('5001');
    expect(unknown.suggestions.some((suggestion) => suggestion.kind === 'order_status')).toBe(false);
    for (const suggestion of unknown.suggestions) expect(suggestion.text).not.toMatch(/9999 (?:is|was|shipped|has)/);

    const foreign = await ask(client, 'V1', 'Where is my order #6001?');
    expect(foreign.suggestions.find((suggestion) => suggestion.kind === 'ask_order_number')?.text).toContain('6001');
    for (const suggestion of foreign.suggestions) {
      expect(suggestion.text).not.toContain('DHL');
      expect(suggestion.text).not.toContain('JD014600003821');
    }

    const anonymous = await ask(client, 'V3', 'Where is my order #5001?');
    expect(anonymous.suggestions.find((suggestion) => suggestion.kind === 'ask_order_number')).toMatchObject({ text: expect.stringMatching(/email address/), source: { note: { kind: 'customer_unknown', number: '5001' } } });
    for (const suggestion of anonymous.suggestions) expect(suggestion.text).not.toContain('1Z999AA10123456784');
  });

  it('decides return eligibility from the delivery date and the return window, citing the policy article', async () => {
    const client = await seeded();
    const recent = await ask(client, 'V1', 'I want to return order #5001 and get a refund');
    const eligible = recent.suggestions.find((suggestion) => suggestion.kind === 'return_eligibility');
    expect(eligible?.text).toMatch(/within our 30-day return window/);
    expect(eligible?.source).toMatchObject({ type: 'policy', id: 'kb-returns-policy' });

    const old = await ask(client, 'V1', 'I want to return order #5002 and get a refund');
    expect(old.suggestions.find((suggestion) => suggestion.kind === 'return_eligibility')?.text).toMatch(/return window ended/);

    await client.call('system.updateSettings', { returnWindowDays: 90 });
    const longer = await ask(client, 'V1', 'I want to return order #5002 and get a refund');
    expect(longer.suggestions.find((suggestion) => suggestion.kind === 'return_eligibility')?.text).toMatch(/within our 90-day return window/);
  });

  it('offers knowledge-base answers citing their article', async () => {
    const client = await seeded();
    const result = await ask(client, 'V2', 'How long does a refund take to reach my card?');
    const article = result.suggestions.find((suggestion) => suggestion.kind === 'kb_article');
    expect(article?.source).toMatchObject({ type: 'kb', id: 'kb-refunds', title: 'Refunds: timing and method' });
    expect(article?.text).toContain('original payment method');
    // A question the knowledge base has no article for still gets its nearest ones, but as weak drafts, far below a fitting answer.
    expect(article?.confidence).toBeGreaterThan(0.45);
    for (const question of ['How do I reset the password of my account?', 'Can I pay with a gift card?', 'Do you have a newsletter I can sign up for?']) {
      const unrelated = await ask(client, 'V2', question);
      const articles = unrelated.suggestions.filter((suggestion) => suggestion.kind === 'kb_article');
      expect(articles.length).toBeGreaterThan(0);
      for (const nearest of articles) expect(nearest.confidence, question).toBeLessThan(0.35);
    }
  });

  it('never offers a question without an answer as a reply, though search finds it', async () => {
    const client = await seeded();
    await client.call('system.import', { kind: 'kb', fileName: 'questions.jsonl', content: '{"id":"q-gift","question":"Can I pay with a gift card?"}' });
    expect((await client.call('kb.search', { query: 'Can I pay with a gift card?' }))[0]).toMatchObject({ articleId: 'q-gift', title: 'Can I pay with a gift card?', snippet: '' });
    const result = await ask(client, 'V2', 'Can I pay with a gift card?');
    expect(result.suggestions.some((suggestion) => suggestion.source.id === 'q-gift')).toBe(false);
    expect(result.suggestions.every((suggestion) => suggestion.text.trim() !== '')).toBe(true);
  });

  it('keeps macros, finds them by name and shortcut, and fills their variables', async () => {
    const client = await seeded();
    await client.call('system.updateSettings', { agentName: 'Sam' });
    const macro = await client.call('macros.create', {
      name: 'Tracking update',
      shortcut: '/track',
      body: 'Hi {{customer.first_name}}, order {{order.number}} is {{order.status}} (tracking {{order.tracking}}). – {{agent.name}}',
      intent: 'track_order',
    });
    await client.call('macros.create', { name: 'Goodbye', body: 'Bye {{customer.first_name}}' });
    expect((await client.call('macros.list', { query: 'track' })).map((found) => found.id)).toEqual([macro.id]);
    expect((await client.call('macros.list', { query: '/tr' })).map((found) => found.id)).toEqual([macro.id]);
    expect(await client.call('macros.list', {})).toHaveLength(2);

    await client.call('chat.send', { conversationId: 'V1', author: 'customer', body: 'can you track order 5001 for me' });
    expect(await client.call('macros.render', { id: macro.id, conversationId: 'V1' })).toEqual({
      macroId: macro.id,
      text: 'Hi Ann, order 5001 is delivered (tracking 1Z999AA10123456784). – Sam',
      missing: [],
    });
    const anonymous = await client.call('macros.render', { id: macro.id, conversationId: 'V3' });
    expect(anonymous.missing).toEqual(['customer.first_name', 'order.number', 'order.status', 'order.tracking']);
    expect(anonymous.text).toContain('{{customer.first_name}}');

    const suggested = await client.call('chat.suggest', { conversationId: 'V1' });
    expect(suggested.suggestions).toContainEqual(expect.objectContaining({ kind: 'macro', source: { type: 'macro', id: macro.id, title: 'Tracking update' } }));

    expect((await failure(client.call('macros.create', { name: 'Other', shortcut: '/track', body: 'x' }))).code).toBe('invalid_argument');
    expect((await failure(client.call('macros.create', { name: ' ', body: 'x' }))).code).toBe('invalid_argument');
    expect(await client.call('macros.update', { id: macro.id, shortcut: '' })).toMatchObject({ shortcut: null, name: 'Tracking update' });
    expect(await client.call('macros.delete', { id: macro.id })).toEqual({ deleted: 1 });
    expect((await failure(client.call('macros.render', { id: macro.id, conversationId: 'V1' }))).code).toBe('not_found');
    expect((await client.call('system.audit', { limit: 50 })).map((entry) => entry.action)).toEqual(expect.arrayContaining(['macros.create', 'macros.update', 'macros.delete']));
  });

  it('escalates an angry or threatening customer, shown in the list', async () => {
    const client = await seeded();
    const angry = await ask(client, 'V1', 'This is the worst service ever. Completely useless, I am furious and disgusted with you.');
    expect(angry.sentiment).toBe('negative');
    expect(angry.escalation).not.toBeNull();
    const legal = await ask(client, 'V2', 'If I do not get my money back I will contact my lawyer and sue you.');
    expect(legal.escalation).toBe('legal_threat');
    const listed = await client.call('chat.list', {});
    expect(listed.items.find((conversation) => conversation.id === 'V2')?.escalation).toBe('legal_threat');
    expect((await client.call('chat.clearEscalation', { id: 'V2' })).escalation).toBeNull();
    // Clearing sticks: reading the same message again does not escalate again; a new threat does.
    expect((await client.call('chat.suggest', { conversationId: 'V2' })).escalation).toBeNull();
    expect((await client.call('chat.get', { id: 'V2' })).escalation).toBeNull();
    expect((await ask(client, 'V2', 'Final warning: my lawyer will sue you.')).escalation).toBe('legal_threat');
    expect((await client.call('system.audit', { limit: 100 })).map((entry) => entry.action)).toEqual(expect.arrayContaining(['chat.escalate', 'chat.clearEscalation', 'chat.suggest']));
    // An agent can escalate by hand (the undo of a clearing): automatic replies stop again, and it is audited as the agent's.
    await client.call('chat.clearEscalation', { id: 'V2' });
    expect((await client.call('chat.escalate', { id: 'V2', reason: 'legal_threat' })).escalation).toBe('legal_threat');
    expect((await client.call('chat.get', { id: 'V2' })).escalation).toBe('legal_threat');
    const manual = (await client.call('system.audit', { limit: 5 })).find((entry) => entry.action === 'chat.escalate');
    expect(manual).toMatchObject({ actor: 'agent', target: 'V2' });
    await expect(client.call('chat.escalate', { id: 'V2', reason: 'bored' as never })).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('escalates when the customer is out of scope twice in a row', async () => {
    const client = await seeded();
    const first = await ask(client, 'V1', 'what is the capital of australia');
    expect(first.outOfScope).toBe(true);
    expect(first.escalation).toBeNull();
    const second = await ask(client, 'V1', 'can you recommend a good movie for tonight');
    expect(second.outOfScope).toBe(true);
    expect(second.escalation).toBe('repeated_out_of_scope');
    // A more serious reason replaces a milder one.
    const threat = await ask(client, 'V1', 'I will take you to court, my lawyer will sue you.');
    expect(threat.escalation).toBe('legal_threat');
  });

  it('understands the demo store\'s Chinese conversations instead of escalating them as not understood', async () => {
    const client = createInProcessClient(newCore());
    await client.call('system.createDemo', {});
    // CV-0012 has two customer messages in a row: both out of scope would escalate.
    for (const conversationId of ['CV-0002', 'CV-0004', 'CV-0006', 'CV-0012', 'CV-0013']) {
      const result = await client.call('chat.suggest', { conversationId });
      expect({ conversationId, outOfScope: result.outOfScope }).toEqual({ conversationId, outOfScope: false });
      expect(result.escalation).not.toBe('repeated_out_of_scope');
    }
  });

  it('replies by itself only when auto-reply is on and the best reply reaches the threshold', async () => {
    const client = await seeded();
    const assistantMessages = async () => (await client.call('chat.get', { id: 'V1' })).messages.filter((message) => message.author === 'assistant');

    expect(await client.call('system.getSettings', {})).toMatchObject({ autoReply: false, autoReplyThreshold: 0.9 });
    await client.call('chat.send', { conversationId: 'V1', author: 'customer', body: 'Where is my order #5001?' });
    expect(await assistantMessages()).toHaveLength(0);

    await client.call('system.updateSettings', { autoReply: true, autoReplyThreshold: 1 });
    await client.call('chat.send', { conversationId: 'V1', author: 'customer', body: 'Where is my order #5001?' });
    expect(await assistantMessages()).toHaveLength(0);

    await client.call('system.updateSettings', { autoReplyThreshold: 0.9 });
    await client.call('chat.send', { conversationId: 'V1', author: 'customer', body: 'Where is my order #5001?' });
    const [reply] = await assistantMessages();
    expect(reply?.body).toContain('1Z999AA10123456784');
    const conversation = await client.call('chat.get', { id: 'V1' });
    // The imported agent welcome was the first reply; the automatic one does not move it.
    expect(conversation.firstReplyAt).toBe(conversation.messages[0]?.createdAt);
    expect((await client.call('chat.get', { id: 'V2' })).firstReplyAt).toBeNull();
    expect((await client.call('system.audit', { limit: 100 })).find((entry) => entry.action === 'chat.autoReply')?.target).toBe('V1');

    expect((await failure(client.call('system.updateSettings', { autoReplyThreshold: 0.2 }))).code).toBe('invalid_argument');
  });

  it('stores odd input exactly as given and copes with an empty knowledge base', async () => {
    const client = await seeded({ kb: false });
    const odd = ['<script>alert("x")</script><b>bold</b>', "'; DROP TABLE messages; --", '订单到了吗？😀👍🏽 émoji'];
    for (const body of odd) {
      const result = await ask(client, 'V2', body);
      expect(result.suggestions.every((suggestion) => suggestion.kind !== 'kb_article')).toBe(true);
    }
    const bodies = (await client.call('chat.get', { id: 'V2' })).messages.map((message) => message.body);
    expect(bodies).toEqual(expect.arrayContaining(odd));

    const huge = `Where is my order #6001? ${'please '.repeat(14_000)}`;
    const result = await ask(client, 'V2', huge);
    expect(result.messageId).not.toBeNull();
    expect(result.suggestions[0]).toMatchObject({ kind: 'order_status', source: { id: '6001' } });
    expect((await failure(client.call('chat.send', { conversationId: 'V2', author: 'customer', body: 'x'.repeat(100_001) }))).code).toBe('invalid_argument');
    expect((await failure(client.call('chat.send', { conversationId: 'V2', author: 'customer', body: '   ' }))).code).toBe('invalid_argument');
    expect((await failure(client.call('chat.suggest', { conversationId: 'nope' }))).code).toBe('not_found');
  });

  it('exports conversations as CSV transcripts that import again', async () => {
    const client = await seeded();
    await client.call('chat.send', { conversationId: 'V1', author: 'customer', body: 'Line one,\n"quoted" <b>html</b>' });
    const csv = await client.call('chat.export', { format: 'csv' });
    expect(csv).toMatchObject({ fileName: 'conversations.csv', mime: 'text/csv' });
    expect(csv.content.split('\n')[0]).toBe('conversation_id,customer_id,subject,status,author,body,created_at');
    const json = await client.call('chat.export', { format: 'json' });
    expect(json.fileName).toBe('conversations.json');
    const before = await client.call('chat.get', { id: 'V1' });
    expect(await client.call('system.import', { kind: 'conversations', fileName: 'conversations.csv', content: csv.content })).toMatchObject({ rows: 4, updated: 3 });
    expect((await client.call('chat.get', { id: 'V1' })).messages.map((message) => message.body)).toEqual(before.messages.map((message) => message.body));
  });
});
