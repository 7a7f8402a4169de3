import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
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

function jsonLines(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

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
  });
});
