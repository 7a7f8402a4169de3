import { importKinds, type ImportKind, type SystemInfo } from '../../shared/types.ts';
import { createGroceryStore, createDemoStore } from '../../core/services/demo.ts';
import { exportToPath, importPath } from '../../core/services/data-files.ts';
import { UsageError, type Command } from '../command.ts';

function kindArgument(value: string | undefined): ImportKind {
  if (value === undefined || !(importKinds as readonly string[]).includes(value)) {
    throw new UsageError(`name what to import or export: one of ${importKinds.join(', ')}`);
  }
  return value as ImportKind;
}

function printCounts(write: (text: string) => void, counts: Record<string, number>): void {
  const width = Math.max(...Object.keys(counts).map((name) => name.length));
  for (const [table, count] of Object.entries(counts)) write(`${table.padEnd(width)}  ${count}\n`);
}

export const importCommand: Command = {
  path: ['import'],
  summary: 'Import a file into the store (all or nothing)',
  usage: `shopdesk import <${importKinds.join('|')}> --in FILE`,
  options: { in: { value: 'FILE', description: 'CSV, JSONL or JSON file (kb: also a folder of Markdown files)', required: true } },
  async run({ core, positionals, options, io, json }) {
    const kind = kindArgument(positionals[0]);
    const result = await importPath(core.context, kind, String(options.in));
    if (json) io.out(`${JSON.stringify(result)}\n`);
    else io.out(`${result.file}: ${result.rows} ${kind} rows, ${result.inserted} new, ${result.updated} updated\n`);
  },
};

export const exportCommand: Command = {
  path: ['export'],
  summary: 'Export what the store holds, in the format import reads',
  usage: `shopdesk export <${importKinds.join('|')}> --out FILE`,
  options: { out: { value: 'FILE', description: 'file to write (product images go into images/ beside it)', required: true } },
  async run({ core, positionals, options, io, json }) {
    const kind = kindArgument(positionals[0]);
    const result = await exportToPath(core.context, kind, String(options.out));
    if (json) io.out(`${JSON.stringify({ kind, file: options.out, ...result })}\n`);
    else io.out(`${options.out}: ${result.records} ${kind} records${result.attachments ? `, ${result.attachments} images` : ''}\n`);
  },
};

export const demoCommand: Command = {
  path: ['demo'],
  summary: 'Create the demo store (or a grocery catalog from the Grocery Store data set)',
  usage: 'shopdesk demo [--grocery DIR]',
  options: { grocery: { value: 'DIR', description: 'build the catalog from a Grocery Store data set folder (classes.csv, iconic images)' } },
  async run({ core, options, io, json }) {
    const counts = options.grocery ? await createGroceryStore(core.context, String(options.grocery)) : await createDemoStore(core.context);
    if (json) io.out(`${JSON.stringify({ tables: counts })}\n`);
    else printCounts(io.out, counts);
  },
};

export const systemInfoCommand: Command = {
  path: ['system', 'info'],
  summary: 'Show the store, its table counts and the execution provider',
  usage: 'shopdesk system info',
  options: {},
  async run({ core, io, json }) {
    const info = (await core.dispatch('system.info', {})) as SystemInfo;
    if (json) {
      io.out(`${JSON.stringify(info, null, 2)}\n`);
      return;
    }
    io.out(`ShopDesk ${info.version}\ndata: ${info.databasePath}\nexecution provider: ${info.executionProvider} (tries ${info.executionProviderCandidates.join(', ')})\n`);
    io.out(`models path: ${info.modelsPath.join(', ') || '(SHOPDESK_MODELS_PATH not set)'}\n\n`);
    printCounts(io.out, info.tables);
  },
};
