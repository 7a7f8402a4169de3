/**
 * The preload: exposes exactly two functions to the page, `call` for the contract's
 * methods (allow-listed here and again in the main process) and `on` for its events.
 * ipcRenderer itself never reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isApiMethod, type ApiEventName } from '../shared/api.ts';

const eventNames: readonly ApiEventName[] = ['progress', 'changed'];

contextBridge.exposeInMainWorld('shopdesk', {
  call(method: unknown, args: unknown) {
    if (!isApiMethod(method)) return Promise.resolve({ ok: false, error: { code: 'unknown_method', message: `unknown method ${String(method)}` } });
    return ipcRenderer.invoke('shopdesk:call', method, args);
  },
  on(event: ApiEventName, listener: (payload: unknown) => void) {
    if (!eventNames.includes(event)) throw new Error(`unknown event ${String(event)}`);
    const relay = (_event: IpcRendererEvent, message: { event: string; payload: unknown }) => {
      if (message.event === event) listener(message.payload);
    };
    ipcRenderer.on('shopdesk:event', relay);
    return () => ipcRenderer.removeListener('shopdesk:event', relay);
  },
});
