/**
 * The core's side of the host protocol: runs a core and answers calls arriving on a
 * message port. Shared by the worker thread (browser mode) and the utility process (Electron).
 */
import { ApiCallError } from '../../shared/api.ts';
import { createCore } from '../index.ts';
import type { Logger } from '../logger.ts';
import type { CoreStartOptions, FromCore, ToCore } from './protocol.ts';

export interface MessagePortLike {
  postMessage(message: FromCore): void;
  on(event: 'message', listener: (message: ToCore) => void): void;
}

export function serveCore(port: MessagePortLike, options: CoreStartOptions, logger: Logger, onClosed: () => void): void {
  const core = createCore({ ...options, logger });
  core.subscribe((event, payload) => port.postMessage({ type: 'event', event, payload }));
  port.on('message', (message) => {
    if (message.type === 'close') {
      void core.close().then(() => {
        port.postMessage({ type: 'closed' });
        onClosed();
      });
      return;
    }
    core.dispatch(message.method, message.args).then(
      (result) => port.postMessage({ type: 'result', id: message.id, ok: true, result }),
      (error: unknown) => {
        const apiError = error instanceof ApiCallError ? error : new ApiCallError('internal', String(error));
        port.postMessage({ type: 'result', id: message.id, ok: false, error: apiError.toApiError() });
      },
    );
  });
  port.postMessage({ type: 'ready' });
}
