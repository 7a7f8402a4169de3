/**
 * `shopdesk`: argument parsing over the core. Every command gets `--help`; data
 * commands take `--json`. Bad input prints one line naming file, row and field and
 * exits with code 1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore, parseModelsPath, repositoryRoot } from '../core/index.ts';
import { ReasonedError } from '../core/errors.ts';
import { createStderrLogger } from '../core/logger.ts';
import { ApiCallError, type ApiEvents } from '../shared/api.ts';
import { UsageError, type Command, type CommandIo } from './command.ts';
import { demoCommand, exportCommand, importCommand, systemInfoCommand } from './commands/data.ts';
import { intentsClassifyCommand, intentsTrainCommand } from './commands/intents.ts';
import { kbImportCommand, kbSearchCommand } from './commands/kb.ts';
import { recsRecommendCommand, recsSimilarCommand, recsTrainCommand } from './commands/recs.ts';
import { reviewsScoreCommand, reviewsTrainCommand } from './commands/reviews.ts';
import { visionIdentifyCommand, visionLearnCommand } from './commands/vision.ts';
import { createProgressPrinter } from './progress.ts';

const commands: Command[] = [
  importCommand,
  exportCommand,
  demoCommand,
  systemInfoCommand,
  reviewsScoreCommand,
  reviewsTrainCommand,
  intentsTrainCommand,
  intentsClassifyCommand,
  kbImportCommand,
  kbSearchCommand,
  visionIdentifyCommand,
  visionLearnCommand,
  recsTrainCommand,
  recsRecommendCommand,
  recsSimilarCommand,
];

const globalOptions = {
  'data-dir': { type: 'string', description: 'store folder (default: $SHOPDESK_DATA_DIR, else ./shopdesk-data)' },
  json: { type: 'boolean', description: 'print data as JSON' },
  quiet: { type: 'boolean', description: 'no progress or info messages on stderr' },
  help: { type: 'boolean', short: 'h', description: 'show help' },
  version: { type: 'boolean', description: 'show the version' },
} as const;

function version(): string {
  return (JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

function mainHelp(): string {
  const width = Math.max(...commands.map((command) => command.path.join(' ').length));
  return [
    'ShopDesk: the offline support workspace, from the command line.',
    '',
    'Usage: shopdesk [--data-dir DIR] <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.path.join(' ').padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    ...Object.entries(globalOptions).map(([name, option]) => `  --${name.padEnd(10)}  ${option.description}`),
    '',
    "Run 'shopdesk <command> --help' for a command's options.",
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const lines = [command.summary, '', `Usage: ${command.usage}`, '', 'Options:'];
  for (const [name, option] of Object.entries(command.options)) {
    lines.push(`  --${name}${option.value ? ` ${option.value}` : ''}  ${option.description}${option.required ? ' (required)' : ''}`);
  }
  for (const [name, option] of Object.entries(globalOptions)) lines.push(`  --${name}  ${option.description}`);
  return `${lines.join('\n')}\n`;
}

/** Commands whose words start with all the positionals ("intents" → intents train, intents classify). */
function groupCommands(positionals: string[]): Command[] {
  if (positionals.length === 0) return [];
  return commands.filter((command) => command.path.length > positionals.length && positionals.every((word, index) => command.path[index] === word));
}

function groupHelp(group: string, members: readonly Command[]): string {
  const width = Math.max(...members.map((command) => command.path.join(' ').length));
  return [
    `Usage: shopdesk ${group} <command> [options]`,
    '',
    'Commands:',
    ...members.map((command) => `  ${command.path.join(' ').padEnd(width)}  ${command.summary}`),
    '',
    `Run 'shopdesk ${group} <command> --help' for a command's options.`,
    '',
  ].join('\n');
}

/** Picks the command whose words begin the positionals, longest first. */
function findCommand(positionals: string[]): { command: Command; rest: string[] } | undefined {
  const sorted = [...commands].sort((a, b) => b.path.length - a.path.length);
  for (const command of sorted) {
    if (command.path.every((word, index) => positionals[index] === word)) return { command, rest: positionals.slice(command.path.length) };
  }
  return undefined;
}

/** A file that cannot be opened (ENOENT, EACCES, EISDIR, …): Node's message names it. */
function isFileSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string' && typeof (error as NodeJS.ErrnoException).path === 'string';
}

/**
 * Failures the input caused, printed as one line without a stack: the core's reasoned errors
 * (a bad import, something not found, a refused argument) and RangeError, how the rest of the
 * core refuses bad arguments (the dispatcher's invalid_argument), e.g. training data with one intent.
 */
function isUserError(error: unknown): error is Error {
  return (
    error instanceof ReasonedError ||
    error instanceof UsageError ||
    error instanceof ApiCallError ||
    error instanceof RangeError ||
    isFileSystemError(error)
  );
}

/**
 * Without SHOPDESK_MODELS_PATH, a checkout of the repository finds the third-party models where
 * its tests and benchmarks keep them, ../shared/models beside it (an installed app has no such folder).
 */
function checkoutModelsPath(): string[] {
  const folder = join(repositoryRoot, '..', 'shared', 'models');
  return existsSync(folder) ? [folder] : [];
}

export async function runCli(argv: string[], io: CommandIo, env: NodeJS.ProcessEnv): Promise<number> {
  const allOptions: Record<string, { type: 'string' | 'boolean'; short?: string }> = {};
  for (const [name, option] of Object.entries(globalOptions)) allOptions[name] = { type: option.type, ...('short' in option ? { short: option.short } : {}) };
  for (const command of commands) for (const [name, option] of Object.entries(command.options)) allOptions[name] = { type: option.value ? 'string' : 'boolean' };

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: allOptions, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`shopdesk: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const options = parsed.values as Record<string, string | boolean | undefined>;
  if (options.version) {
    io.out(`${version()}\n`);
    return 0;
  }
  const found = findCommand(parsed.positionals);
  if (!found) {
    const group = groupCommands(parsed.positionals);
    if (group.length > 0) {
      // `shopdesk intents` names a group, not a command: show what the group holds.
      const help = groupHelp(parsed.positionals.join(' '), group);
      if (options.help) {
        io.out(help);
        return 0;
      }
      io.err(`shopdesk: '${parsed.positionals.join(' ')}' needs a command\n\n${help}`);
      return 2;
    }
    if (parsed.positionals.length > 0) {
      io.err(`shopdesk: unknown command '${parsed.positionals.join(' ')}'\n\n${mainHelp()}`);
      return 2;
    }
    io.out(mainHelp());
    return options.help ? 0 : 2;
  }
  const { command, rest } = found;
  if (options.help) {
    io.out(commandHelp(command));
    return 0;
  }
  for (const name of Object.keys(options)) {
    if (!(name in globalOptions) && !(name in command.options)) {
      io.err(`shopdesk ${command.path.join(' ')}: unknown option --${name}\n`);
      return 2;
    }
  }
  for (const [name, option] of Object.entries(command.options)) {
    if (option.required && options[name] === undefined) {
      io.err(`shopdesk ${command.path.join(' ')}: --${name} ${option.value ?? ''} is required\n\nUsage: ${command.usage}\n`);
      return 2;
    }
  }

  const dataDir = (options['data-dir'] as string | undefined) ?? env.SHOPDESK_DATA_DIR ?? 'shopdesk-data';
  const logger = createStderrLogger(options.quiet === true);
  const core = createCore({ dataDir, modelsPath: env.SHOPDESK_MODELS_PATH === undefined ? checkoutModelsPath() : parseModelsPath(env.SHOPDESK_MODELS_PATH), logger });
  const printProgress = createProgressPrinter(io);
  const unsubscribe = core.subscribe((event, payload) => {
    if (event === 'progress' && !options.quiet) printProgress(payload as ApiEvents['progress']);
  });
  try {
    await command.run({ core, positionals: rest, options, io, json: options.json === true });
    return 0;
  } catch (error) {
    if (isUserError(error)) {
      io.err(`error: ${error.message}\n`);
      return 1;
    }
    io.err(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  } finally {
    unsubscribe();
    await core.close();
  }
}
