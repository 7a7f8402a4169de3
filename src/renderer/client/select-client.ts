/** Picks the transport: the Electron bridge when the preload provided one, else the browser-mode socket. */
import type { ApiClient } from '../../shared/api.ts';
import { takeBrowserToken, socketUrl } from './browser-token.ts';
import { createElectronClient, type ShopdeskBridge } from './electron-client.ts';
import { createWebSocketClient } from './websocket-client.ts';

export function selectClient(window: Window & { shopdesk?: ShopdeskBridge }): ApiClient {
  if (window.shopdesk) return createElectronClient(window.shopdesk);
  const token = takeBrowserToken(window.location, window.history, window.sessionStorage);
  return createWebSocketClient(socketUrl(window.location, token));
}
