/** The `shopdesk` executable: runs the CLI on this process's arguments and streams. */
import type { CommandIo } from './command.ts';
import { runCli } from './run.ts';

const io: CommandIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  stdout: process.stdout,
  interactive: process.stderr.isTTY === true,
};
process.exitCode = await runCli(process.argv.slice(2), io, process.env);
