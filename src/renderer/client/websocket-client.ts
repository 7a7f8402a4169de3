/**
 * The browser-mode transport: one WebSocket to the local host, request/response matched by id,
 * events pushed by the server. Calls made while (re)connecting wait in a queue; the socket
 * reconnects with a growing delay so a restarted host is picked up without a page reload.
 */
import { ApiCallError, type ApiClient, type ApiError, type ApiEventName, type ApiEvents } from '../../shared/api.ts';
import { reason } from '../../shared/error-reasons.ts';

interface Pending {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

type ServerMessage =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: ApiError }
  | { event: ApiEventName; payload: unknown };

export interface WebSocketClient extends ApiClient {
  /** Whether the socket is open right now; listeners hear every change. */
  onConnection(listener: (connected: boolean) => void): () => void;
  close(): void;
}

const firstRetryDelay = 250;
const longestRetryDelay = 5_000;

export function createWebSocketClient(url: string, openSocket: (url: string) => WebSocket = (address) => new WebSocket(address)): WebSocketClient {
  let socket: WebSocket | null = null;
  let connected = false;
  let closed = false;
  let retryDelay = firstRetryDelay;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let nextId = 1;
  const queue: string[] = [];
  const inFlight = new Map<number, Pending>();
  const eventListeners = new Map<ApiEventName, Set<(payload: unknown) => void>>();
  const connectionListeners = new Set<(connected: boolean) => void>();

  function setConnected(value: boolean): void {
    if (connected === value) return;
    connected = value;
    for (const listener of connectionListeners) listener(value);
  }

  function connect(): void {
    if (closed) return;
    const current = openSocket(url);
    socket = current;
    current.onopen = () => {
      retryDelay = firstRetryDelay;
      setConnected(true);
      while (queue.length > 0 && current.readyState === WebSocket.OPEN) current.send(queue.shift() as string);
    };
    current.onmessage = (message) => receive(String(message.data));
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      setConnected(false);
      // A call already sent may or may not have run; resending could repeat it (a chat message), so it fails.
      for (const [id, pending] of inFlight) {
        inFlight.delete(id);
        pending.reject(ApiCallError.because('unavailable', reason('connection.lost')));
      }
      if (closed) return;
      retryTimer = setTimeout(connect, retryDelay);
      retryDelay = Math.min(retryDelay * 2, longestRetryDelay);
    };
  }

  function receive(text: string): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(text) as ServerMessage;
    } catch {
      return;
    }
    if ('event' in message) {
      for (const listener of eventListeners.get(message.event) ?? []) listener(message.payload);
      return;
    }
    const pending = inFlight.get(message.id);
    if (!pending) return;
    inFlight.delete(message.id);
    if (message.ok) pending.resolve(message.result);
    else pending.reject(ApiCallError.from(message.error));
  }

  connect();

  return {
    call(method, args) {
      if (closed) return Promise.reject(ApiCallError.because('unavailable', reason('connection.closed')));
      const id = nextId++;
      const text = JSON.stringify({ id, method, args });
      return new Promise((resolve, reject) => {
        inFlight.set(id, { resolve: resolve as (result: unknown) => void, reject });
        if (socket && socket.readyState === WebSocket.OPEN) socket.send(text);
        else queue.push(text);
      });
    },
    on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
      const wrapped = listener as (payload: unknown) => void;
      const listeners = eventListeners.get(event) ?? new Set();
      listeners.add(wrapped);
      eventListeners.set(event, listeners);
      return () => listeners.delete(wrapped);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      socket?.close();
    },
  };
}
