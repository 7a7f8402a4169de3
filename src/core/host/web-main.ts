/** `npm run web`: the core in a worker thread behind the loopback web server. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseModelsPath, repositoryRoot } from '../index.ts';
import { startWebServer } from './web-server.ts';
import { startCoreWorker } from './worker-endpoint.ts';

const { values } = parseArgs({
  options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean' } },
});
if (values.help) {
  process.stdout.write('Usage: node scripts/web.js [--data-dir DIR] [--port N]\nServes ShopDesk on http://127.0.0.1 for a browser.\n');
  process.exit(0);
}
const staticDir = join(repositoryRoot, 'out', 'renderer');
if (!existsSync(join(staticDir, 'index.html'))) {
  process.stderr.write('The renderer is not built: run `npm run web` (it builds first) or `npm run build:renderer`.\n');
  process.exit(1);
}
const dataDir = resolve(values['data-dir'] ?? process.env.SHOPDESK_DATA_DIR ?? 'shopdesk-data');
const core = await startCoreWorker({ dataDir, modelsPath: parseModelsPath(process.env.SHOPDESK_MODELS_PATH) });
const server = await startWebServer({ core, staticDir, port: Number(values.port ?? 0) });
process.stdout.write(`ShopDesk web: ${server.url}\n`);

async function shutdown(): Promise<void> {
  await server.close();
  await core.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
