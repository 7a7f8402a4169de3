/** Runs the real `shopdesk` executable, as `npx shopdesk` would, and reads its JSON-lines output. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot } from '../../src/core/index.ts';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A runner with its models path ('' for none) and, with `quiet`, no progress lines on stderr. */
export function cliRunner(options: { modelsPath: string; quiet: boolean }): (args: string[]) => Promise<CliResult> {
  return async (args) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [join(repositoryRoot, 'bin', 'shopdesk.js'), ...(options.quiet ? ['--quiet'] : []), ...args], {
        env: { ...process.env, SHOPDESK_MODELS_PATH: options.modelsPath },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failure = error as CliResult;
      return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
    }
  };
}

export function jsonLines(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}
