import type { ApiEventName, ApiEvents } from '../shared/api.ts';

type Listener = (event: ApiEventName, payload: ApiEvents[ApiEventName]) => void;

/** Fans the core's events out to every transport that listens. */
export interface EventBus {
  emit<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void;
  subscribe(listener: Listener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<Listener>();
  return {
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
