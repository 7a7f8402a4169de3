/**
 * Scoring throughput of the built-in review model: reviews/s for 10,000 reviews (half
 * Chinese online_shopping, half English clothing, from ../shared) with the model loaded,
 * peak memory, and the time from starting `shopdesk reviews score` to its first output line.
 *
 *   npx tsx scripts/bench-reviews.ts [--model models/review-sentiment] [--count 10000] [--batch 10000]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createInferenceEngine } from '../src/core/inference/onnx-runtime.ts';
import { createStderrLogger } from '../src/core/logger.ts';
import { loadReviewCorpus } from '../src/core/reviews/model/corpus.ts';
import { builtInReviewModelDir, loadReviewScorer } from '../src/core/reviews/model/scorer.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    model: { type: 'string', default: builtInReviewModelDir(repoRoot) },
    count: { type: 'string', default: '10000' },
    batch: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '5' },
  },
});
const count = Number(values.count);
const batch = Number(values.batch);

const corpus = loadReviewCorpus(join(repoRoot, '../shared/data/reviews'));
const chinese = corpus.filter((row) => row.source === 'online_shopping');
const english = corpus.filter((row) => row.source === 'womens_clothing');
const reviews: { text: string }[] = [];
for (let index = 0; reviews.length < count; index += 1) {
  const pool = index % 2 === 0 ? chinese : english;
  reviews.push({ text: (pool[(index * 7919) % pool.length] as { text: string }).text });
}
const characters = reviews.reduce((sum, review) => sum + review.text.length, 0);

const engine = createInferenceEngine({ logger: createStderrLogger(true), providers: ['cpu'] });
const loadStarted = performance.now();
const scorer = await loadReviewScorer({ engine, modelDir: resolve(values.model) });
const loadMilliseconds = performance.now() - loadStarted;
// Warm-up: two full passes, so V8 has optimised the feature code and onnxruntime has made
// its first-run allocations; steady scoring is what a long import sees.
for (let pass = 0; pass < 2; pass += 1) await scorer.score(reviews);

const rates: number[] = [];
for (let round = 0; round < Number(values.rounds); round += 1) {
  const started = performance.now();
  for (let start = 0; start < reviews.length; start += batch) await scorer.score(reviews.slice(start, start + batch));
  rates.push(reviews.length / ((performance.now() - started) / 1000));
}
await engine.release();
const memory = process.memoryUsage();
const best = Math.max(...rates);
const median = [...rates].sort((first, second) => first - second)[Math.floor(rates.length / 2)] as number;
console.log(`model: ${scorer.name} (${values.model})`);
console.log(`reviews: ${reviews.length} (mean ${(characters / reviews.length).toFixed(0)} characters), batch ${batch}, model load ${loadMilliseconds.toFixed(0)} ms`);
console.log(`throughput: median ${median.toFixed(0)} reviews/s, best ${best.toFixed(0)} reviews/s over ${rates.length} rounds`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; heap used ${(memory.heapUsed / 1048576).toFixed(0)} MB, external ${(memory.external / 1048576).toFixed(0)} MB`);

/** Wall time from spawning the CLI (a fresh Node process) until the first scored line reaches stdout. */
async function cliFirstResultMilliseconds(): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), 'shopdesk-bench-'));
  try {
    const input = join(folder, 'reviews.jsonl');
    writeFileSync(input, reviews.map((review, index) => JSON.stringify({ id: String(index), text: review.text })).join('\n'));
    const started = performance.now();
    const child = spawn(process.execPath, [join(repoRoot, 'bin/shopdesk.js'), '--data-dir', join(folder, 'store'), 'reviews', 'score', '--in', input, '--out', '-'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const first = await new Promise<number>((resolveFirst, reject) => {
      child.stdout.once('data', () => resolveFirst(performance.now() - started));
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`reviews score exited with ${code} before writing a result`)));
    });
    child.kill();
    return first;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const startTimes: number[] = [];
for (let round = 0; round < 3; round += 1) startTimes.push(await cliFirstResultMilliseconds());
startTimes.sort((first, second) => first - second);
console.log(`CLI start to first scored review: median ${(startTimes[1] as number).toFixed(0)} ms (${startTimes.map((time) => time.toFixed(0)).join(', ')})`);
