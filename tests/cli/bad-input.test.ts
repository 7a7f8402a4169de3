import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedModels } from '../helpers/core.ts';
import { cliRunner, jsonLines } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp.ts';

const tempDir = useTempDir();
const shopdesk = cliRunner({ modelsPath: sharedModels, quiet: true });

/** Exit code 1 and one line on stderr: the message, no stack trace. */
function expectOneLineError(result: { code: number; stderr: string }, message: string): void {
  expect(result.code).toBe(1);
  expect(result.stderr.trimEnd().split('\n')).toEqual([`error: ${message}`]);
}

describe('the CLI on bad input', () => {
  it('says in one line that an output file cannot be created or a --model folder is no such model', async () => {
    const dir = tempDir();
    const reviews = join(dir, 'reviews.csv');
    writeFileSync(reviews, 'id,text\nr1,Lovely mug\n');
    // A missing folder is created; one under a file cannot be.
    const nowhere = join(reviews, 'scores.jsonl');
    expectOneLineError(await shopdesk(['reviews', 'score', '--in', reviews, '--out', nowhere]), `EEXIST: file already exists, mkdir '${reviews}'`);

    const notAModel = join(dir, 'not-a-model');
    mkdirSync(notAModel);
    const scored = await shopdesk(['reviews', 'score', '--in', reviews, '--out', join(dir, 'scores.jsonl'), '--model', notAModel]);
    expectOneLineError(scored, `--model ${notAModel}: ${join(notAModel, 'config.json')}: not a review model (Error: ENOENT: no such file or directory, open '${join(notAModel, 'config.json')}')`);

    const texts = join(dir, 'texts.csv');
    writeFileSync(texts, 'id,text\n1,where is my order\n');
    const classified = await shopdesk(['intents', 'classify', '--in', texts, '--out', join(dir, 'intents.jsonl'), '--model', notAModel]);
    expect(classified.code).toBe(1);
    expect(classified.stderr).toMatch(new RegExp(`^error: --model ${notAModel}: .*not an intent model.*\\n$`));

    const users = join(dir, 'users.txt');
    writeFileSync(users, 'u1\n');
    const recommended = await shopdesk(['recs', 'recommend', '--model', notAModel, '--users', users, '--out', join(dir, 'recs.jsonl')]);
    expect(recommended.code).toBe(1);
    expect(recommended.stderr).toMatch(new RegExp(`^error: --model ${notAModel}: .*not a saved recommender.*\\n$`));
  }, 60_000);

  it('refuses intent training data with a single intent in one line', async () => {
    const dir = tempDir();
    const labelled = join(dir, 'labelled.csv');
    writeFileSync(labelled, 'text,intent\nhello,greet\nhi there,greet\n');
    expectOneLineError(await shopdesk(['intents', 'train', '--in', labelled, '--out', join(dir, 'model')]), 'training needs at least two intents besides out_of_scope');
  }, 30_000);

  it('scores the good reviews around a broken JSON line or a CSV row of the wrong length, one output line per record', async () => {
    const dir = tempDir();
    const jsonl = join(dir, 'reviews.jsonl');
    writeFileSync(jsonl, '{"id":"j1","text":"Love it, great quality"}\n{"id":"j2","text":"cut off\n[1,2]\n{"id":"j4","text":"Broke after one day, awful"}\n');
    const fromJson = await shopdesk(['reviews', 'score', '--in', jsonl, '--out', join(dir, 'jsonl-scores.jsonl')]);
    expect(fromJson.code).toBe(0);
    expect(fromJson.stderr).toContain(`${jsonl}: row 2: is not valid JSON`);
    expect(fromJson.stderr).toContain(`${jsonl}: row 3: must be a JSON object`);
    const jsonScores = jsonLines(join(dir, 'jsonl-scores.jsonl'));
    expect(jsonScores.map((line) => line.id)).toEqual(['j1', null, null, 'j4']);
    expect(jsonScores.map((line) => line.sentiment ?? line.error)).toEqual(['positive', 'row 2: is not valid JSON', 'row 3: must be a JSON object', 'negative']);

    const csv = join(dir, 'reviews.csv');
    writeFileSync(csv, 'id,text\nc1,Love it\nc2,good, but slow\nc3,Terrible. Broke at once\n');
    const fromCsv = await shopdesk(['reviews', 'score', '--in', csv, '--out', join(dir, 'csv-scores.jsonl')]);
    expect(fromCsv.code).toBe(0);
    const csvScores = jsonLines(join(dir, 'csv-scores.jsonl'));
    expect(csvScores.map((line) => line.id)).toEqual(['c1', 'c2', 'c3']);
    expect(csvScores[1]).toEqual({ id: 'c2', error: 'row 2: not valid CSV: columns length is 2, got 3 on line 3' });
    expect(csvScores[2]).toMatchObject({ sentiment: 'negative' });
  }, 60_000);

  it('writes the reviews read before a quote that never closes, and refuses an empty file', async () => {
    const dir = tempDir();
    const open = join(dir, 'open-quote.csv');
    writeFileSync(open, 'id,text\nq1,Love it\nq2,"never closed\nq3,fine\n');
    const scored = await shopdesk(['reviews', 'score', '--in', open, '--out', join(dir, 'scores.jsonl')]);
    expectOneLineError(scored, `${open}: row 2: not valid CSV: Quote Not Closed: the parsing is finished with an opening quote at line 4`);
    expect(jsonLines(join(dir, 'scores.jsonl'))).toEqual([expect.objectContaining({ id: 'q1', sentiment: 'positive' })]);

    for (const content of ['', 'id,text\n']) {
      const empty = join(dir, 'empty.csv');
      writeFileSync(empty, content);
      const refused = await shopdesk(['reviews', 'score', '--in', empty, '--out', join(dir, 'none.jsonl')]);
      expectOneLineError(refused, `${empty}: has no reviews to score (expected a header with id and text, and a row per review)`);
    }
  }, 60_000);

  it('gives unknown users cold-start results and names unknown items and empty key files', async () => {
    const dir = tempDir();
    const interactions = join(dir, 'interactions.csv');
    writeFileSync(interactions, 'user,item,rating,timestamp\nu1,A,5,1\nu2,A,4,2\nu2,B,4,3\nu3,B,5,4\nu3,C,3,2024-01-01\n');
    const model = join(dir, 'model');
    expect((await shopdesk(['recs', 'train', '--in', interactions, '--out', model])).code).toBe(0);

    const users = join(dir, 'users.txt');
    writeFileSync(users, 'u1\nstranger\n');
    const recommended = await shopdesk(['recs', 'recommend', '--model', model, '--users', users, '--out', join(dir, 'recs.jsonl'), '--k', '2']);
    expect(recommended.code).toBe(0);
    expect(recommended.stderr).toBe('recommended for 2 users (1 unknown to the model: cold-start results)\n');
    expect(jsonLines(join(dir, 'recs.jsonl'))).toEqual([
      { user: 'u1', items: expect.any(Array) },
      { user: 'stranger', items: expect.arrayContaining([expect.any(String)]) },
    ]);

    const items = join(dir, 'items.txt');
    writeFileSync(items, '# items\nA\nnope\n');
    const similar = await shopdesk(['recs', 'similar', '--model', model, '--items', items, '--out', join(dir, 'similar.jsonl')]);
    expect(similar.code).toBe(0);
    expect(similar.stderr).toContain(`warning: ${items}: line 3: unknown item "nope" (not in the model): no similar items\n`);
    expect(jsonLines(join(dir, 'similar.jsonl')).map((line) => line.item)).toEqual(['A', 'nope']);

    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '\n# nobody yet\n');
    expectOneLineError(await shopdesk(['recs', 'recommend', '--model', model, '--users', empty, '--out', join(dir, 'none.jsonl')]), `${empty}: has no user ids (one per line)`);
  }, 60_000);
});
