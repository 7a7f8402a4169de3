import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../src/core/index.ts';
import { sharedModels } from '../helpers/core.ts';
import { cliRunner, jsonLines } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp.ts';

const tempDir = useTempDir();
const shopdesk = cliRunner({ modelsPath: sharedModels, quiet: true });

describe('model commands of the CLI', () => {
  it('classifies intents and searches the knowledge base, one output line per input row in order', async () => {
    const dir = tempDir();
    const store = join(dir, 'store');
    expect((await shopdesk(['--data-dir', store, 'demo'])).code).toBe(0);
    writeFileSync(join(dir, 'texts.csv'), 'id,text\na,where is my order 100231\nb,who won the football match yesterday\nc,I want a refund for my order\n');
    expect((await shopdesk(['--data-dir', store, 'intents', 'classify', '--in', join(dir, 'texts.csv'), '--out', join(dir, 'intents.jsonl')])).code).toBe(0);
    const intents = jsonLines(join(dir, 'intents.jsonl'));
    expect(intents.map((row) => row.id)).toEqual(['a', 'b', 'c']);
    expect(intents.map((row) => row.intent)).toEqual(['track_order', 'out_of_scope', 'get_refund']);

    writeFileSync(join(dir, 'queries.csv'), 'id,query\nq1,how many days do I have to send something back\nq2,付款失败怎么办\n');
    expect((await shopdesk(['--data-dir', store, 'kb', 'search', '--in', join(dir, 'queries.csv'), '--k', '3', '--out', join(dir, 'hits.jsonl')])).code).toBe(0);
    const hits = jsonLines(join(dir, 'hits.jsonl')) as { id: string; hits: { articleId: string; score: number }[] }[];
    expect(hits.map((row) => row.hits.length)).toEqual([3, 3]);
    const articleIds = new Set(readFileSync(join(repositoryRoot, 'resources', 'demo', 'kb.jsonl'), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id));
    expect(hits.flatMap((row) => row.hits.map((hit) => hit.articleId)).every((id) => articleIds.has(id))).toBe(true);
  });

  it('trains intents from public sets as they come: BANKING77\'s text,category and CLINC150\'s oos, answered as oos', async () => {
    const dir = tempDir();
    const store = join(dir, 'store');
    const examples: Record<string, string[]> = {
      card_arrival: ['where is my new card', 'my card has not arrived yet', 'when will the card I ordered come', 'still waiting on my card', 'how long until my card is delivered'],
      exchange_rate: ['what exchange rate do you use', 'how much is a dollar in euros today', 'which rate applies to my transfer', 'is the exchange rate fair', 'what rate for pounds to euros'],
      lost_or_stolen_card: ['i lost my card', 'my card was stolen', 'someone took my wallet with the card', 'i cannot find my card anywhere', 'block my stolen card'],
      oos: ['what is the weather tomorrow', 'play some jazz music', 'tell me a joke', 'who won the game last night', 'how tall is mount everest', 'book a table for two', 'what time is it in tokyo'],
    };
    const rows = Object.entries(examples).flatMap(([intent, texts]) => texts.map((text) => `${text},${intent}`));
    writeFileSync(join(dir, 'train.csv'), `text,category\n${rows.join('\n')}\n`);
    const trained = await shopdesk(['--data-dir', store, 'intents', 'train', '--in', join(dir, 'train.csv'), '--out', join(dir, 'model')]);
    expect(trained.code, trained.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'model', 'manifest.json'), 'utf8')) as { labels: string[]; outOfScopeName: string };
    expect(manifest.labels).toEqual(['card_arrival', 'exchange_rate', 'lost_or_stolen_card', 'out_of_scope']);
    expect(manifest.outOfScopeName).toBe('oos');
    writeFileSync(join(dir, 'texts.csv'), 'id,text\n1,my card was stolen yesterday\n2,qwzx vbnmk plkjh\n');
    const classified = await shopdesk(['--data-dir', store, 'intents', 'classify', '--model', join(dir, 'model'), '--in', join(dir, 'texts.csv'), '--out', join(dir, 'out.jsonl')]);
    expect(classified.code, classified.stderr).toBe(0);
    expect(jsonLines(join(dir, 'out.jsonl')).map((row) => row.intent)).toEqual(['lost_or_stolen_card', 'oos']);
  });

  it('scores reviews in input order, flagging bad rows by row and field but scoring the rest', async () => {
    const dir = tempDir();
    const input = join(dir, 'reviews.csv');
    writeFileSync(input, 'id,text\nr1,Absolutely love it. Great quality and fast delivery!\nr2,\nr3,质量太差了，用了两天就坏了，要求退款\n,missing id\nr1,Terrible. The charger caught fire and burned my desk.\n');
    const result = await shopdesk(['reviews', 'score', '--in', input, '--out', join(dir, 'scores.jsonl')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/row 2, field "text": empty/);
    expect(result.stderr).toMatch(/row 4, field "id": is required and empty/);
    expect(result.stderr).toMatch(/row 5, field "id": "r1" appears again \(first on row 1\)/);
    const scores = jsonLines(join(dir, 'scores.jsonl'));
    expect(scores.map((row) => row.id)).toEqual(['r1', 'r2', 'r3', null, 'r1']);
    expect(scores[0]).toMatchObject({ lang: 'en', sentiment: 'positive' });
    expect(scores[2]).toMatchObject({ lang: 'zh', sentiment: 'negative' });
    expect(scores[3]).toHaveProperty('error');
    expect(scores[4]).toMatchObject({ sentiment: 'negative', reasons: expect.arrayContaining(['safety_risk']) });

    const piped = await shopdesk(['reviews', 'score', '--in', input, '--out', '-']);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe(readFileSync(join(dir, 'scores.jsonl'), 'utf8'));
  });

  it('reads review sets as they come: JSON lines named .json, the text as `sentence` or `review`, numeric ids kept', async () => {
    const dir = tempDir();
    // FewCLUE's eprstmt: one JSON object a line in a .json file, numeric ids, the text in `sentence`.
    const eprstmt = ['{"id": 835, "sentence": "物流太慢了，三天了还没到，差评", "label": "Negative"}', '{"id": 59, "sentence": "质量很好，很满意，会回购", "label": "Positive"}'];
    writeFileSync(join(dir, 'eprstmt.json'), `${eprstmt.join('\n')}\n`);
    const scored = await shopdesk(['reviews', 'score', '--in', join(dir, 'eprstmt.json'), '--out', join(dir, 'eprstmt.jsonl')]);
    expect(scored.code, scored.stderr).toBe(0);
    expect(jsonLines(join(dir, 'eprstmt.jsonl')).map((row) => [row.id, row.sentiment])).toEqual([
      [835, 'negative'],
      [59, 'positive'],
    ]);
    writeFileSync(join(dir, 'reviews.csv'), 'id,review\nr1,"Terrible, it broke after one day"\n');
    expect((await shopdesk(['reviews', 'score', '--in', join(dir, 'reviews.csv'), '--out', join(dir, 'reviews.jsonl')])).code).toBe(0);
    expect(jsonLines(join(dir, 'reviews.jsonl'))[0]).toMatchObject({ id: 'r1', sentiment: 'negative' });
    // The same file trains a model: `sentence` as the text, "Positive" / "Negative" as labels.
    const trained = await shopdesk(['reviews', 'train', '--in', join(dir, 'eprstmt.json'), '--out', join(dir, 'model')]);
    expect(trained.code, trained.stderr).toBe(0);
  });

  it('scores a review of more than a megabyte, and a binary file is refused by name', async () => {
    const dir = tempDir();
    const input = join(dir, 'long.csv');
    writeFileSync(input, `id,text\nlong,"${'The heater caught fire and the seller ignores me. '.repeat(25_000)}"\nshort,Lovely soft scarf\n`);
    const result = await shopdesk(['reviews', 'score', '--in', input, '--out', join(dir, 'scores.jsonl')]);
    expect(result.code).toBe(0);
    const scores = jsonLines(join(dir, 'scores.jsonl'));
    expect(scores.map((row) => row.id)).toEqual(['long', 'short']);
    expect(scores[0]).toMatchObject({ sentiment: 'negative', reasons: expect.arrayContaining(['safety_risk']) });

    const binary = join(dir, 'photo.csv');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const refused = await shopdesk(['reviews', 'score', '--in', binary, '--out', join(dir, 'none.jsonl')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/photo\.csv: is a binary file/);
  });

  it('trains a review model that `reviews score --model` uses, with the built-in features', async () => {
    const dir = tempDir();
    const good = ['Soft fabric and a perfect fit', 'Lovely colour, wear it every day', 'Fits true to size, very comfortable', '质量很好，穿着舒服'];
    const bad = ['Thin fabric, fell apart in the wash', 'The seams ripped the first day', 'Runs tiny and the colour faded', '质量很差，洗一次就坏了'];
    const rows = ['text,label'];
    for (let copy = 0; copy < 15; copy += 1) {
      good.forEach((text) => rows.push(`"${text} (${copy})",positive`));
      bad.forEach((text) => rows.push(`"${text} (${copy})",negative`));
    }
    writeFileSync(join(dir, 'labelled.csv'), `${rows.join('\n')}\n`);
    const model = join(dir, 'model');
    expect((await shopdesk(['--data-dir', join(dir, 'store'), 'reviews', 'train', '--in', join(dir, 'labelled.csv'), '--out', model])).code).toBe(0);
    // The shop's model keeps the built-in model's features, sentiment lexicon included.
    const builtIn = JSON.parse(readFileSync(join(repositoryRoot, 'models', 'review-sentiment', 'config.json'), 'utf8')) as { features: unknown };
    expect((JSON.parse(readFileSync(join(model, 'config.json'), 'utf8')) as { features: unknown }).features).toEqual(builtIn.features);

    writeFileSync(join(dir, 'new.csv'), 'id,text\na,Perfect fit and soft fabric\nb,The seams ripped and the fabric is thin\n');
    expect((await shopdesk(['--data-dir', join(dir, 'store'), 'reviews', 'score', '--model', model, '--in', join(dir, 'new.csv'), '--out', join(dir, 'scores.jsonl')])).code).toBe(0);
    const [first, second] = jsonLines(join(dir, 'scores.jsonl')) as { id: string; positive: number }[];
    expect(first?.id).toBe('a');
    expect(first?.positive).toBeGreaterThan(second?.positive ?? 1);
  });

  it('trains recommendations and never recommends what a user already has', async () => {
    const dir = tempDir();
    const rows = ['user,item,rating,timestamp'];
    // Two tastes: users 0-9 buy tea things, users 10-19 buy phone things; each misses one item of their group.
    const groups = [['tea', 'teapot', 'cups', 'kettle'], ['case', 'charger', 'cable', 'stand']];
    for (let user = 0; user < 20; user += 1) {
      const items = groups[user < 10 ? 0 : 1] as string[];
      items.filter((_, index) => index !== user % 4).forEach((item, index) => rows.push(`u${user},${item},5,${1000 + index}`));
    }
    writeFileSync(join(dir, 'interactions.csv'), `${rows.join('\n')}\n`);
    writeFileSync(join(dir, 'users.txt'), 'u0\nu15\nnewcomer\n');
    const model = join(dir, 'model');
    expect((await shopdesk(['--data-dir', join(dir, 'store'), 'recs', 'train', '--in', join(dir, 'interactions.csv'), '--out', model])).code).toBe(0);
    const out = join(dir, 'recs.jsonl');
    expect((await shopdesk(['--data-dir', join(dir, 'store'), 'recs', 'recommend', '--model', model, '--users', join(dir, 'users.txt'), '--k', '2', '--out', out])).code).toBe(0);
    const recommendations = jsonLines(out) as { user: string; items: string[] }[];
    expect(recommendations.map((row) => row.user)).toEqual(['u0', 'u15', 'newcomer']);
    expect(recommendations[0]?.items[0]).toBe('tea');
    expect(recommendations[1]?.items[0]).toBe('stand');
    expect(recommendations[2]?.items).toHaveLength(2);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'user,item,rating\nu1,tea,9\n');
    const rejected = await shopdesk(['--data-dir', join(dir, 'store'), 'recs', 'train', '--in', bad, '--out', model]);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toMatch(/row 1, field "rating"/);
  });

  it('trains with item texts from --catalog: a new item nobody has bought is found similar by its title', async () => {
    const dir = tempDir();
    const store = join(dir, 'store');
    const rows = ['user,item,timestamp'];
    // Tea buyers and phone-accessory buyers; "infuser" has no interactions at all.
    const groups = [['green-tea', 'teapot', 'cups'], ['case', 'charger', 'cable']];
    for (let user = 0; user < 12; user += 1) (groups[user % 2] as string[]).forEach((item, index) => rows.push(`u${user},${item},${index}`));
    const interactions = join(dir, 'interactions.csv');
    writeFileSync(interactions, `${rows.join('\n')}\n`);
    const items = join(dir, 'items.csv');
    writeFileSync(
      items,
      [
        'item,title,description,category',
        'green-tea,Loose leaf green tea,Sencha loose leaf tea from Japan,Tea',
        'teapot,Cast iron teapot,,Tea',
        'cups,Porcelain cups,Set of four,Kitchen',
        'case,Phone case,,Phones',
        'charger,USB charger,,Phones',
        'cable,USB cable,,Phones',
        'infuser,Loose leaf tea infuser,Steel mesh for loose leaf tea,Tea',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'query.txt'), 'green-tea\n');

    const similarTo = async (model: string) => {
      const out = join(dir, 'similar.jsonl');
      expect((await shopdesk(['--data-dir', store, 'recs', 'similar', '--model', model, '--items', join(dir, 'query.txt'), '--k', '5', '--out', out])).code).toBe(0);
      return (jsonLines(out)[0] as { items: string[] }).items;
    };
    const withItems = join(dir, 'with-items');
    const trained = await shopdesk(['--data-dir', store, 'recs', 'train', '--in', interactions, '--catalog', items, '--out', withItems]);
    expect(trained.code).toBe(0);
    expect(trained.stdout).toContain('7 items read, 6 of them with interactions');
    expect(await similarTo(withItems)).toContain('infuser');

    const withoutItems = join(dir, 'without-items');
    expect((await shopdesk(['--data-dir', store, 'recs', 'train', '--in', interactions, '--out', withoutItems])).code).toBe(0);
    expect(await similarTo(withoutItems)).not.toContain('infuser');

    // JSON lines work the same (words every item shares weigh nothing, so the file has an unrelated item too).
    const jsonItems = join(dir, 'items.jsonl');
    writeFileSync(jsonItems, '{"item":"green-tea","title":"Loose leaf green tea"}\n{"item":"charger","title":"USB charger"}\n{"item":"infuser","text":"Loose leaf tea infuser"}\n');
    const fromJson = join(dir, 'from-json');
    const trainedFromJson = await shopdesk(['--data-dir', store, '--json', 'recs', 'train', '--in', interactions, '--catalog', jsonItems, '--out', fromJson]);
    expect(trainedFromJson.code).toBe(0);
    expect((JSON.parse(trainedFromJson.stdout) as { items: unknown }).items).toEqual({ rows: 3, withInteractions: 2 });
    expect(await similarTo(fromJson)).toContain('infuser');
  });

  it('refuses a bad --catalog file, naming the file and the row or column', async () => {
    const dir = tempDir();
    const interactions = join(dir, 'interactions.csv');
    writeFileSync(interactions, 'user,item\nu1,a\nu1,b\nu2,a\n');
    const cases: [name: string, content: string, message: RegExp][] = [
      ['no-item.csv', 'sku,title\na,Apple\n', /no-item\.csv, field "item": missing column/],
      ['no-text.csv', 'item,price\na,3\n', /no-text\.csv: the header needs "item" and at least one of "title"/],
      ['duplicate.csv', 'item,title\na,Apple\nb,Banana\na,Apricot\n', /duplicate\.csv: row 3, field "item": "a" appears again \(first on row 1\)/],
      ['blank.csv', 'item,title,category\na,Apple,\nb,,\n', /blank\.csv: row 2, field "title\/text\/category\/description": all empty/],
      ['empty.csv', '', /empty\.csv: has no items/],
      ['bad.jsonl', '{"item":"a","title":"Apple"}\n{"title":"Banana"}\n', /bad\.jsonl: row 2, field "item": is required and empty/],
    ];
    for (const [name, content, message] of cases) {
      writeFileSync(join(dir, name), content);
      const result = await shopdesk(['--data-dir', join(dir, 'store'), 'recs', 'train', '--in', interactions, '--catalog', join(dir, name), '--out', join(dir, 'model')]);
      expect(result.code, name).toBe(1);
      expect(result.stderr, name).toMatch(message);
    }
  });
});
