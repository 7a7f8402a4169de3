/**
 * End-to-end harness: a temp data dir with the demo store, the real browser-mode host
 * (`node scripts/web.js`), and headless Chromium pointed at it. It builds nothing: the test
 * command builds the renderer into out/renderer before vitest runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const screenshotDir = join(repositoryRoot, 'test-artifacts', 'screenshots');
const demoDir = join(repositoryRoot, 'resources', 'demo');

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Harness {
  dataDir: string;
  url: string;
  browser: Browser;
  page: Page;
  /** What the page logged as an error (failed resources included) since it opened. */
  consoleErrors: string[];
  close(): Promise<void>;
}

/** Runs a command to completion; a failure carries its output so the test log explains it. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: repositoryRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

/** Starts the web host and resolves with the URL it prints: `ShopDesk web: http://127.0.0.1:<port>/#token=<token>`. */
function startWebHost(dataDir: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['scripts/web.js', '--data-dir', dataDir, '--port', '0'], { cwd: repositoryRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ShopDesk web: (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolvePromise({ child, url: match[1] });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`web host exited with ${code} before printing its URL:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(killTimer);
      resolvePromise();
    });
    child.kill('SIGTERM');
  });
}

/** The image extractors beside the repository, for tests of photo identification. */
export const sharedModels = resolve(repositoryRoot, '..', 'shared', 'models');


/**
 * A harness for the enclosing describe block (the demo store unless `demo: false`), past the
 * welcome screen: started before its tests, closed after them. Call the returned function inside a test.
 */
export function useHarness(options: { demo?: boolean; modelsPath?: string } = {}): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness({ ...options, demo: options.demo ?? true });
    await dismissWelcome(harness.page);
  });
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error('the harness starts in beforeAll: call it inside a test');
    return harness;
  };
}
/** `modelsPath` becomes SHOPDESK_MODELS_PATH of the demo command and the host, so the demo's packshots are indexed on import. */
export async function startHarness(options: { demo: boolean; colorScheme?: 'light' | 'dark'; modelsPath?: string }): Promise<Harness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'shopdesk-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, ...(options.modelsPath === undefined ? {} : { SHOPDESK_MODELS_PATH: options.modelsPath }) };
  let host: { child: ChildProcess; url: string } | null = null;
  let browser: Browser | null = null;
  const close = async () => {
    await browser?.close();
    if (host) await stop(host.child);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    if (options.demo) await run(process.execPath, ['bin/shopdesk.js', '--data-dir', dataDir, 'demo'], env);
    host = await startWebHost(dataDir, env);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: chromiumArgs });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    await page.goto(host.url);
    await page.getByTestId('nav-chat').waitFor();
    return { dataDir, url: host.url, browser, page, consoleErrors, close };
  } catch (error) {
    // A half-started harness must not leave a host process or a browser behind.
    await close();
    throw error;
  }
}

// ---------- Expected data, read from the demo files the store was built from ----------

type Row = Record<string, string>;

async function demoCsv(file: string): Promise<Row[]> {
  return parse(await readFile(join(demoDir, file), 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
}

export interface DemoFacts {
  products: Row[];
  customers: Row[];
  conversations: { id: string; subject: string; customer_id?: string; status?: string }[];
}

export async function readDemoFacts(): Promise<DemoFacts> {
  const conversationsJson = JSON.parse(await readFile(join(demoDir, 'conversations.json'), 'utf8')) as unknown;
  const conversations = (Array.isArray(conversationsJson) ? conversationsJson : Object.values(conversationsJson as object).find(Array.isArray)) as DemoFacts['conversations'];
  return { products: await demoCsv('products.csv'), customers: await demoCsv('customers.csv'), conversations };
}

// ---------- UI actions, so tests read like what a user does ----------

export type ViewName = 'chat' | 'reviews' | 'products' | 'customers' | 'settings';

export async function openView(page: Page, view: ViewName): Promise<void> {
  await page.getByTestId(`nav-${view}`).click();
  await page.getByTestId(`view-${view}`).waitFor();
}

/** First run on an empty store shows the welcome dialog; "Start empty" keeps whatever the data dir already holds. */
export async function dismissWelcome(page: Page): Promise<void> {
  const welcome = page.getByTestId('welcome');
  if (await welcome.isVisible()) {
    await page.getByTestId('welcome-empty').click();
    await welcome.waitFor({ state: 'detached' });
  }
}

export async function importFile(page: Page, kind: string, path: string): Promise<void> {
  await openView(page, 'settings');
  await page.getByTestId('import-kind').selectOption(kind);
  await page.getByTestId('import-file').setInputFiles(path);
  await page.getByTestId('import-run').click();
  await page.locator('[data-testid="import-result"], [data-testid="import-error"]').first().waitFor();
}

export async function searchProducts(page: Page, query: string): Promise<void> {
  await openView(page, 'products');
  await page.getByTestId('product-search').fill(query);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  // Product pictures arrive over the socket after the view renders; capture them, not placeholders.
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
  await page.screenshot({ path: join(screenshotDir, `${name}.png`) });
}

/**
 * A screenshot in the dark theme the system asks for, then back to light. Reduced motion: the
 * buttons' colour transition would otherwise be caught halfway.
 */
export async function screenshotDark(page: Page, name: string): Promise<void> {
  for (const theme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: theme === 'dark' ? 'reduce' : null });
    await page.waitForFunction((expected) => document.documentElement.dataset.theme === expected, theme);
    if (theme === 'dark') await screenshot(page, name);
  }
}
