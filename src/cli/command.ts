import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Writable } from 'node:stream';
import type { Core } from '../core/index.ts';

export interface OptionSpec {
  description: string;
  /** Takes a value (`--in FILE`) rather than being a switch (`--json`). */
  value?: string;
  required?: boolean;
}

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  /** Standard output as a stream, for commands that stream large results (`--out -`). */
  stdout: Writable;
  /** True when stderr is a terminal, so progress can redraw one line. */
  interactive: boolean;
}

export interface CommandRun {
  core: Core;
  positionals: string[];
  options: Record<string, string | boolean | undefined>;
  io: CommandIo;
  json: boolean;
}

export interface Command {
  /** Words that select the command, e.g. ['system', 'info']. */
  path: string[];
  summary: string;
  usage: string;
  options: Record<string, OptionSpec>;
  run(run: CommandRun): Promise<void>;
}

/** A failure the user caused (bad input): printed as one line, exit code 1, no stack. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Loads a model folder the user named with --model: a folder that is not such a model
 * (missing, or another kind) is bad input, said in one line, not a crash.
 */
export async function loadNamedModel<T>(dir: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    throw new UsageError(`--model ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The folder an output file goes into, created when missing: `--out results/run1/x.jsonl`
 * works without a separate mkdir, as the model folders of the train commands do.
 */
export async function prepareOutputFile(path: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  return path;
}
