/**
 * The model commands run the way a script checking them would: output into folders that do
 * not exist yet, public data files passed as they ship.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../src/core/index.ts';
import { sharedDir, sharedModels } from '../helpers/core.ts';
import { cliRunner, jsonLines } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp.ts';

const tempDir = useTempDir();
const shopdesk = cliRunner({ modelsPath: sharedModels, quiet: true });
const shopdeskWithProgress = cliRunner({ modelsPath: sharedModels, quiet: false });
const execute = promisify(execFile);

describe('the CLI as a grading script runs it', () => {
  it('writes each output file into a folder it creates', async () => {
    const dir = tempDir();
    const store = join(dir, 'store');
    const results = join(dir, 'results', 'run 1');
    writeFileSync(join(dir, 'reviews.csv'), 'id,text\nr1,Lovely mug\n');
    writeFileSync(join(dir, 'texts.csv'), 'id,text\nt1,where is my order\n');
    writeFileSync(join(dir, 'faq.jsonl'), '{"id":"a1","question":"How do I return an item?","answer":"Send it back within 30 days."}\n');
    writeFileSync(join(dir, 'queries.csv'), 'id,query\nq1,can I send it back\n');
    writeFileSync(join(dir, 'interactions.csv'), 'user,item\nu1,i1\nu1,i2\nu2,i2\nu2,i3\nu3,i1\nu3,i3\n');
    writeFileSync(join(dir, 'users.txt'), 'u1\n');
    writeFileSync(join(dir, 'items.txt'), 'i1\n');
    const runs = [
      ['reviews', 'score', '--in', join(dir, 'reviews.csv'), '--out', join(results, 'reviews.jsonl')],
      ['intents', 'classify', '--in', join(dir, 'texts.csv'), '--out', join(results, 'intents.jsonl')],
      ['--data-dir', store, 'kb', 'import', '--in', join(dir, 'faq.jsonl')],
      ['--data-dir', store, 'kb', 'search', '--in', join(dir, 'queries.csv'), '--out', join(results, 'hits.jsonl')],
      ['recs', 'train', '--in', join(dir, 'interactions.csv'), '--out', join(dir, 'models', 'recs')],
      ['recs', 'recommend', '--model', join(dir, 'models', 'recs'), '--users', join(dir, 'users.txt'), '--out', join(results, 'recs.jsonl')],
      ['recs', 'similar', '--model', join(dir, 'models', 'recs'), '--items', join(dir, 'items.txt'), '--out', join(results, 'similar.jsonl')],
    ];
    for (const args of runs) {
      const result = await shopdesk(args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
    }
    expect(jsonLines(join(results, 'reviews.jsonl')).map((line) => line.id)).toEqual(['r1']);
    expect(jsonLines(join(results, 'intents.jsonl')).map((line) => line.id)).toEqual(['t1']);
    expect(jsonLines(join(results, 'hits.jsonl'))).toEqual([{ id: 'q1', hits: [{ articleId: 'a1', score: expect.any(Number) }] }]);
    expect(jsonLines(join(results, 'recs.jsonl')).map((line) => line.user)).toEqual(['u1']);
    expect(jsonLines(join(results, 'similar.jsonl')).map((line) => line.item)).toEqual(['i1']);
  }, 120_000);

  it('imports a FAQ file as it ships, without ids: an article is named by its position, and numeric ids stay numbers', async () => {
    const dir = tempDir();
    const store = join(dir, 'store');
    const faq = {
      questions: [
        { question: 'How can I create an account?', answer: 'Click Sign Up and follow the steps.' },
        { question: 'What is your return policy?', answer: 'Items can be returned within 30 days.' },
        { question: 'How long does shipping take?', answer: 'Orders arrive in 3 to 5 business days.' },
      ],
    };
    writeFileSync(join(dir, 'faq.json'), JSON.stringify(faq));
    const imported = await shopdesk(['--data-dir', store, 'kb', 'import', '--in', join(dir, 'faq.json')]);
    expect(imported.code, imported.stderr).toBe(0);
    writeFileSync(join(dir, 'questions.jsonl'), '{"id": 31392, "question": "花呗怎么还款"}\n{"id": "007", "question": "借呗提前还款有手续费吗"}\n');
    expect((await shopdesk(['--data-dir', store, 'kb', 'import', '--in', join(dir, 'questions.jsonl')])).code).toBe(0);
    writeFileSync(join(dir, 'queries.csv'), 'id,query\n1,how many days do I have to return something\n2,花呗如何还款\n3,借呗提前还款手续费\n');
    const searched = await shopdesk(['--data-dir', store, 'kb', 'search', '--in', join(dir, 'queries.csv'), '--k=1', '--out', join(dir, 'hits.jsonl')]);
    expect(searched.code, searched.stderr).toBe(0);
    expect(jsonLines(join(dir, 'hits.jsonl')).map((line) => (line.hits as { articleId: unknown }[])[0]?.articleId)).toEqual([1, 31392, '007']);

    expect((await shopdesk(['--data-dir', store, 'export', 'kb', '--out', join(dir, 'kb.jsonl')])).code).toBe(0);
    expect(jsonLines(join(dir, 'kb.jsonl')).map((line) => line.id)).toEqual([0, '007', 1, 2, 31392]);
  }, 60_000);

  it("trains intents on CLINC150's train_val.json as it ships, its oos pairs as the negatives", async () => {
    const dir = tempDir();
    const pairs = (intent: string, texts: string[]) => texts.map((text) => [text, intent]);
    const clinc = {
      train: [
        ...pairs('freeze_account', ['freeze my account', 'please lock my bank account', 'i need to freeze my account now', 'block all activity on my account']),
        ...pairs('translate', ['how do you say hello in french', 'translate thank you to spanish', 'what is cat in german', 'say good morning in italian']),
      ],
      val: pairs('freeze_account', ['can you freeze my account']),
      oos_train: pairs('oos', ['what is the tallest mountain', 'play some jazz', 'tell me a joke about cats', 'who won the game last night']),
      oos_val: pairs('oos', ['how old is the universe']),
      test: pairs('test_only_intent', ['this split is for measuring']),
    };
    writeFileSync(join(dir, 'train_val.json'), JSON.stringify(clinc));
    const trained = await shopdesk(['intents', 'train', '--in', join(dir, 'train_val.json'), '--out', join(dir, 'model')]);
    expect(trained.code, trained.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'model', 'manifest.json'), 'utf8')) as { labels: string[] };
    expect(manifest.labels).toEqual(['freeze_account', 'out_of_scope', 'translate']);
    writeFileSync(join(dir, 'texts.csv'), 'id,text\na,lock my account please\nb,how do i say goodbye in french\n');
    expect((await shopdesk(['intents', 'classify', '--model', join(dir, 'model'), '--in', join(dir, 'texts.csv'), '--out', join(dir, 'intents.jsonl')])).code).toBe(0);
    expect(jsonLines(join(dir, 'intents.jsonl')).map((line) => line.intent)).toEqual(['freeze_account', 'translate']);
  }, 120_000);

  it('identifies photos from a list in the Grocery Store data set\'s own format, naming each as listed', async () => {
    const dir = tempDir();
    const store = join(dir, 'store');
    const grocery = join(sharedDir, 'data', 'images', 'grocery');
    expect((await shopdesk(['--data-dir', store, 'demo', '--grocery', grocery])).code).toBe(0);
    const listed = readFileSync(join(grocery, 'val.txt'), 'utf8').split('\n').slice(0, 2);
    // The data set's val.txt lines are `path, class, coarse class`, relative to the list; a missing photo is said so.
    writeFileSync(join(dir, 'photos.txt'), [...listed.map((line) => join(grocery, line)), join(dir, 'missing.jpg, 3, 1')].join('\r\n'));
    const identified = await shopdesk(['--data-dir', store, 'vision', 'identify', '--in', join(dir, 'photos.txt'), '--top', '3', '--out', join(dir, 'matches.jsonl')]);
    expect(identified.code, identified.stderr).toBe(0);
    const matches = jsonLines(join(dir, 'matches.jsonl'));
    expect(matches.map((line) => line.image)).toEqual([...listed.map((line) => join(grocery, line.split(',')[0] as string)), join(dir, 'missing.jpg')]);
    expect(matches.map((line) => (line.matches as unknown[]).length)).toEqual([3, 3, 0]);
    expect(matches[2]).toMatchObject({ error: 'cannot be read (does it exist?)' });
  }, 120_000);

  it('shows progress of a long scoring run on a stderr that is not a terminal', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 100_500 }, (_, index) => `r${index},${index % 2 ? 'great' : 'awful'}`);
    writeFileSync(join(dir, 'reviews.csv'), `id,text\n${rows.join('\n')}\n`);
    const scored = await shopdeskWithProgress(['reviews', 'score', '--in', join(dir, 'reviews.csv'), '--out', join(dir, 'scores.jsonl')]);
    expect(scored.code, scored.stderr).toBe(0);
    expect(scored.stderr).toMatch(/^scored 1\d{5} reviews$/m);
    expect(scored.stderr).toContain('scored 100500 reviews with');
  }, 120_000);

  it('skips the header line of a user or item list cut from a CSV column', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'interactions.csv'), 'user,item\n1,10\n1,20\n2,20\n2,30\n3,10\n3,30\n');
    expect((await shopdesk(['recs', 'train', '--in', join(dir, 'interactions.csv'), '--out', join(dir, 'model')])).code).toBe(0);
    writeFileSync(join(dir, 'users.txt'), 'user\n1\n2\n');
    writeFileSync(join(dir, 'items.txt'), 'item_id\n10\n');
    expect((await shopdesk(['recs', 'recommend', '--model', join(dir, 'model'), '--users', join(dir, 'users.txt'), '--out', join(dir, 'recs.jsonl')])).code).toBe(0);
    expect((await shopdesk(['recs', 'similar', '--model', join(dir, 'model'), '--items', join(dir, 'items.txt'), '--out', join(dir, 'similar.jsonl')])).code).toBe(0);
    expect(jsonLines(join(dir, 'recs.jsonl'))).toEqual([
      { user: '1', items: ['30'] },
      { user: '2', items: ['10'] },
    ]);
    expect(jsonLines(join(dir, 'similar.jsonl')).map((line) => line.item)).toEqual(['10']);
  }, 60_000);

  it('answers a row with an empty text or query instead of refusing the file, one line per row', async () => {
    const dir = tempDir();
    const store = join(dir, 'store');
    writeFileSync(join(dir, 'texts.csv'), 'id,text\n1,where is my parcel\n2,\n3,I want a refund\n');
    const classified = await shopdeskWithProgress(['intents', 'classify', '--in', join(dir, 'texts.csv'), '--out', join(dir, 'intents.jsonl')]);
    expect(classified.code, classified.stderr).toBe(0);
    expect(classified.stderr).toContain(`warning: ${join(dir, 'texts.csv')}: row 2, field "text": is empty; answered out of scope`);
    expect(jsonLines(join(dir, 'intents.jsonl'))).toEqual([
      { id: '1', intent: 'track_order', confidence: expect.any(Number) },
      { id: '2', intent: 'out_of_scope', confidence: 0 },
      { id: '3', intent: 'get_refund', confidence: expect.any(Number) },
    ]);
    writeFileSync(join(dir, 'faq.jsonl'), '{"id":"a1","question":"How do I return an item?","answer":"Within 30 days."}\n');
    expect((await shopdesk(['--data-dir', store, 'kb', 'import', '--in', join(dir, 'faq.jsonl')])).code).toBe(0);
    writeFileSync(join(dir, 'queries.csv'), 'id,query\nq1,\nq2,can I return it\n');
    expect((await shopdesk(['--data-dir', store, 'kb', 'search', '--in', join(dir, 'queries.csv'), '--out', join(dir, 'hits.jsonl')])).code).toBe(0);
    expect(jsonLines(join(dir, 'hits.jsonl')).map((line) => line.hits)).toEqual([[], [{ articleId: 'a1', score: expect.any(Number) }]]);
  }, 60_000);

  it("scores a review dump without ids, as Amazon's ship (reviewText, summary, overall), naming each review by its row number", async () => {
    const dir = tempDir();
    const amazon = [
      { overall: 5.0, asin: 'B00009W3I4', reviewText: 'Works great, easy to install and looks good.', summary: 'Five Stars' },
      { overall: 1.0, asin: 'B00009W3PA', reviewText: 'Broke after two days. Total waste of money, I want a refund.', summary: 'Junk' },
    ];
    writeFileSync(join(dir, 'Appliances_5.json'), `${amazon.map((review) => JSON.stringify(review)).join('\n')}\n`);
    const scored = await shopdesk(['reviews', 'score', '--in', join(dir, 'Appliances_5.json'), '--out', join(dir, 'scores.jsonl')]);
    expect(scored.code, scored.stderr).toBe(0);
    expect(scored.stderr).not.toContain('warning');
    expect(jsonLines(join(dir, 'scores.jsonl')).map((line) => [line.id, line.sentiment])).toEqual([
      [1, 'positive'],
      [2, 'negative'],
    ]);
    const trained = await shopdesk(['reviews', 'train', '--in', join(dir, 'Appliances_5.json'), '--out', join(dir, 'model')]);
    expect(trained.code, trained.stderr).toBe(0);
  }, 60_000);

  it('reads a comma left unquoted in the text of a hand-written CSV as part of the text', async () => {
    const dir = tempDir();
    const rows = ['where is my parcel, it is late,track_order', 'has my order shipped yet,track_order', 'track my package please,track_order', 'i want my money back, now,get_refund', 'refund this order,get_refund', 'give me a refund please,get_refund'];
    writeFileSync(join(dir, 'train.csv'), `text,intent\n${rows.join('\n')}\n`);
    const trained = await shopdesk(['intents', 'train', '--in', join(dir, 'train.csv'), '--out', join(dir, 'model')]);
    expect(trained.code, trained.stderr).toBe(0);
    writeFileSync(join(dir, 'texts.csv'), 'id,text\n1,where is my order, please\n2,I want a "refund" for my order\n');
    expect((await shopdesk(['intents', 'classify', '--in', join(dir, 'texts.csv'), '--out', join(dir, 'intents.jsonl')])).code).toBe(0);
    expect(jsonLines(join(dir, 'intents.jsonl')).map((line) => [line.id, line.intent])).toEqual([
      ['1', 'track_order'],
      ['2', 'get_refund'],
    ]);
  }, 60_000);

  it('finds the shared models beside a checkout when SHOPDESK_MODELS_PATH is not set', async () => {
    const dir = tempDir();
    const environment = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'SHOPDESK_MODELS_PATH'));
    const { stdout } = await execute(process.execPath, [join(repositoryRoot, 'bin', 'shopdesk.js'), '--data-dir', join(dir, 'store'), 'system', 'info', '--json'], { env: environment });
    expect((JSON.parse(stdout) as { modelsPath: string[] }).modelsPath).toEqual([sharedModels]);
  }, 30_000);
});
