/** The Electron transport: a thin wrapper over the bridge the preload exposes as `window.shopdesk`. */
import { ApiCallError, type ApiClient, type ApiError, type ApiEventName, type ApiEvents } from '../../shared/api.ts';

type BridgeReply = { ok: true; result: unknown } | { ok: false; error: ApiError };

/** What the preload puts on `window.shopdesk`. */
export interface ShopdeskBridge {
  call(method: string, args: unknown): Promise<BridgeReply>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export function createElectronClient(bridge: ShopdeskBridge): ApiClient {
  return {
    async call(method, args) {
      const reply = await bridge.call(method, args);
      if (!reply.ok) throw ApiCallError.from(reply.error);
      // The core validated the call against the shared contract; the result has its declared type.
      return reply.result as never;
    },
    on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
      return bridge.on(event, (payload) => listener(payload as ApiEvents[E]));
    },
  };
}
