/**
 * Electron utility-process entry: the core runs here, off the main process, so
 * inference and bulk imports never freeze windows. Options arrive as one JSON argument.
 */
import type { CoreStartOptions, FromCore, ToCore } from '../core/host/protocol.ts';
import { serveCore } from '../core/host/serve-core.ts';
import { createStderrLogger } from '../core/logger.ts';

const parentPort = process.parentPort;
const options = JSON.parse(process.argv.at(-1) ?? '{}') as CoreStartOptions;

serveCore(
  {
    postMessage: (message: FromCore) => parentPort.postMessage(message),
    on: (_event, listener: (message: ToCore) => void) => parentPort.on('message', (event) => listener(event.data as ToCore)),
  },
  options,
  createStderrLogger(),
  () => process.exit(0),
);
