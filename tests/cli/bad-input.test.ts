import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../src/core/index.ts';
import { sharedModels } from '../helpers/core.ts';
import { useTempDir } from '../helpers/temp.ts';

const tempDir = useTempDir();
const run = promisify(execFile);

async function shopdesk(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(repositoryRoot, 'bin', 'shopdesk.js'), '--quiet', ...args], {
      env: { ...process.env, SHOPDESK_MODELS_PATH: sharedModels },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

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
    const nowhere = join(dir, 'no-such-folder', 'scores.jsonl');
    expectOneLineError(await shopdesk(['reviews', 'score', '--in', reviews, '--out', nowhere]), `ENOENT: no such file or directory, open '${nowhere}'`);

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
});
