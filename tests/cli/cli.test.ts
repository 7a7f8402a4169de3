import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliRunner } from '../helpers/cli.ts';
import { useTempDir } from '../helpers/temp.ts';

const tempDir = useTempDir();
const shopdesk = cliRunner({ modelsPath: '', quiet: false });

describe('shopdesk CLI', () => {
  it('imports, reports counts as JSON, and refuses a bad row with one line and exit code 1', async () => {
    const dir = tempDir();
    const dataDir = join(dir, 'store');
    writeFileSync(join(dir, 'good.csv'), 'sku,title,price\nA1,Mug,3\nA2,Cup,2\n');
    writeFileSync(join(dir, 'bad.csv'), 'sku,title,price\nB1,Plate,4\nB2,Bowl,-1\n');
    const imported = await shopdesk(['--data-dir', dataDir, 'import', 'products', '--in', join(dir, 'good.csv'), '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ kind: 'products', rows: 2, inserted: 2 });

    const rejected = await shopdesk(['--data-dir', dataDir, 'import', 'products', '--in', join(dir, 'bad.csv')]);
    expect(rejected.code).toBe(1);
    expect(rejected.stderr.trim().split('\n')).toEqual([`error: ${join(dir, 'bad.csv')}: row 2, field "price": -1 is below 0`]);

    const info = await shopdesk(['--data-dir', dataDir, 'system', 'info', '--json']);
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.stdout);
    expect(parsed.tables.products).toBe(2);
    expect(parsed.executionProviderCandidates).toContain(parsed.executionProvider);
  });

  it('has --help on every command, --version, and usage errors with exit code 2', async () => {
    const help = await shopdesk(['--help']);
    expect(help.code).toBe(0);
    const commands = [...help.stdout.matchAll(/^ {2}(\w[\w ]*?) {2,}/gm)].map((match) => match[1] as string);
    expect(commands).toEqual(expect.arrayContaining(['import', 'export', 'demo', 'system info']));
    for (const command of commands) {
      const commandHelp = await shopdesk([...command.split(' '), '--help']);
      expect(commandHelp.code).toBe(0);
      expect(commandHelp.stdout).toContain(`Usage: shopdesk ${command}`);
    }
    const version = await shopdesk(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await shopdesk(['import', 'products'])).code).toBe(2);
    expect((await shopdesk(['frobnicate'])).code).toBe(2);

    // A group word alone lists the group's commands.
    const group = await shopdesk(['intents', '--help']);
    expect(group.code).toBe(0);
    expect(group.stdout).toContain('intents train');
    expect(group.stdout).toContain('intents classify');
    expect(group.stdout).not.toContain('reviews score');
    const bare = await shopdesk(['recs']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("'recs' needs a command");
    expect(bare.stderr).toContain('recs recommend');
    // About twenty processes, each starting Node: slow on a loaded two-core machine.
  }, 180_000);
});
