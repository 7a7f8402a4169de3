/** The in-process transport: the CLI and tests call the core directly through the contract's client shape. */
import type { ApiClient, ApiEventName, ApiEvents } from '../../shared/api.ts';
import type { Core } from '../index.ts';

export function createInProcessClient(core: Core): ApiClient {
  return {
    call: (method, args) => core.dispatch(method, args) as never,
    on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
      return core.subscribe((name, payload) => {
        if (name === event) listener(payload as ApiEvents[E]);
      });
    },
  };
}
