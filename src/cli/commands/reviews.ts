import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { builtInReviewModelDir, loadReviewScorer, readReviewConfig, trainReviewModel } from '../../core/reviews/model/index.ts';
import { scoreReviewFile } from '../../core/reviews/score-file.ts';
import { readReviewTrainingFile } from '../../core/reviews/training-file.ts';
import { loadNamedModel, prepareOutputFile, UsageError, type Command } from '../command.ts';

/** Reviews between progress lines when stderr is not a terminal. */
const progressLineEvery = 100_000;

export const reviewsScoreCommand: Command = {
  path: ['reviews', 'score'],
  summary: 'Score reviews for sentiment, stars, aspects and urgency (streams any size)',
  usage: 'shopdesk reviews score --in FILE.csv|FILE.jsonl --out FILE.jsonl [--model DIR]',
  options: {
    in: { value: 'FILE', description: 'CSV with a header, or JSONL: id (without one, the row number), text, optional title, rating, product', required: true },
    out: { value: 'FILE', description: 'JSON lines, one per input record, in input order (`-` for standard output)', required: true },
    model: { value: 'DIR', description: 'a model folder from `reviews train` (default: the built-in model)' },
  },
  async run({ core, options, io }) {
    const scorer = options.model
      ? await loadNamedModel(String(options.model), () => loadReviewScorer({ engine: core.context.engine, modelDir: resolve(String(options.model)) }))
      : await loadReviewScorer({ engine: core.context.engine, modelDir: builtInReviewModelDir(core.context.appRoot) });
    const toStdout = options.out === '-';
    const out = toStdout ? io.stdout : createWriteStream(await prepareOutputFile(String(options.out)));
    // An output file that cannot be created fails here, as an error the CLI reports, not as an unhandled stream event.
    if (!toStdout) await once(out, 'open');
    let lastShown = 0;
    let lastLogged = 0;
    const result = await scoreReviewFile({
      scorer,
      inPath: String(options.in),
      out,
      onRowProblem: (message) => io.err(`warning: ${message}\n`),
      onProgress: (done) => {
        if (options.quiet) return;
        if (io.interactive && Date.now() - lastShown > 200) {
          lastShown = Date.now();
          io.err(`\r\x1b[2Kscored ${done} reviews`);
        } else if (!io.interactive && done - lastLogged >= progressLineEvery) {
          // A log or a pipe gets a plain line now and then: a long run shows it is moving.
          lastLogged = done - (done % progressLineEvery);
          io.err(`scored ${done} reviews\n`);
        }
      },
    });
    // Standard output stays open for the process; a file is closed and flushed.
    if (!toStdout) {
      out.end();
      await finished(out);
    }
    if (io.interactive) io.err('\r\x1b[2K');
    io.err(`scored ${result.rows} reviews with ${scorer.name}${result.problems ? `, ${result.problems} rows with problems` : ''}\n`);
  },
};

export const reviewsTrainCommand: Command = {
  path: ['reviews', 'train'],
  summary: 'Train a review model from labelled rows (text,label or text,rating), with the built-in model\'s features',
  usage: 'shopdesk reviews train --in FILE.csv --out DIR [--seed N]',
  options: {
    in: { value: 'FILE', description: 'CSV or JSONL with text and label (positive/negative/neutral or 1/0) or rating (1-5)', required: true },
    out: { value: 'DIR', description: 'model folder to write (usable with `reviews score --model`)', required: true },
    seed: { value: 'N', description: 'random seed (default 1): the same seed and data give the same model' },
  },
  async run({ core, options, io, json }) {
    const rows = await readReviewTrainingFile(String(options.in));
    const seed = options.seed === undefined ? 1 : Number(options.seed);
    if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be a whole number, not ${String(options.seed)}`);
    // The built-in model's features, sentiment lexicon included: a shop's few reviews gain most from it.
    const { features } = readReviewConfig(builtInReviewModelDir(core.context.appRoot));
    const config = trainReviewModel({ rows, seed, outDir: resolve(String(options.out)), options: { features } });
    if (json) io.out(`${JSON.stringify(config)}\n`);
    else io.out(`trained ${config.name} on ${rows.length} rows; written to ${options.out}\n`);
  },
};
