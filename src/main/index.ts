/**
 * The Electron shell: one window, the application menu, and the relay between the
 * renderer's IPC calls and the core running in a utility process. No app logic here.
 */
import { app, BrowserWindow, ipcMain, Menu, shell, utilityProcess, type UtilityProcess } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FromCore } from '../core/host/protocol.ts';
import { ApiCallError, isApiMethod } from '../shared/api.ts';
import { reason } from '../shared/error-reasons.ts';

const here = dirname(fileURLToPath(import.meta.url));
let core: UtilityProcess | undefined;
const pending = new Map<number, (reply: unknown) => void>();
let nextId = 1;

function startCore(): UtilityProcess {
  const options = {
    dataDir: process.env.SHOPDESK_DATA_DIR ?? join(app.getPath('userData'), 'data'),
    modelsPath: (process.env.SHOPDESK_MODELS_PATH ?? join(app.getPath('userData'), 'models')).split(process.platform === 'win32' ? ';' : ':').filter(Boolean),
    appRoot: app.getAppPath(),
  };
  const child = utilityProcess.fork(join(here, 'core-host.js'), [JSON.stringify(options)], { serviceName: 'ShopDesk core' });
  child.on('message', (message: FromCore) => {
    if (message.type === 'result') {
      pending.get(message.id)?.(message.ok ? { ok: true, result: message.result } : { ok: false, error: message.error });
      pending.delete(message.id);
    } else if (message.type === 'event') {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send('shopdesk:event', { event: message.event, payload: message.payload });
    }
  });
  child.on('exit', (code) => {
    const error = ApiCallError.because('unavailable', reason('connection.core_stopped', { code })).toApiError();
    for (const reply of pending.values()) reply({ ok: false, error });
    pending.clear();
  });
  return child;
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: 'ShopDesk',
    // Linux takes the window and taskbar icon from here; Windows and macOS from the packaged executable (electron-builder uses the same resources/icon.png).
    icon: join(app.getAppPath(), 'resources', 'icon.png'),
    show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  // Links open in the system browser, never inside the app window.
  window.webContents.setWindowOpenHandler(({ url }) => {
    void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void window.loadFile(join(here, '../renderer/index.html'));
}

function buildMenu(): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
      { role: 'fileMenu' },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
      { role: 'help', submenu: [{ role: 'about' }] },
    ]),
  );
}

ipcMain.handle('shopdesk:call', (event, method: unknown, args: unknown) => {
  // Only our own pages may call, and only methods of the contract.
  if (!event.senderFrame?.url.startsWith(process.env.ELECTRON_RENDERER_URL ?? 'file://')) return { ok: false, error: { code: 'unauthorized', message: 'foreign frame' } };
  if (!isApiMethod(method)) return { ok: false, error: { code: 'unknown_method', message: `unknown method ${String(method)}` } };
  return new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    core?.postMessage({ type: 'call', id, method, args });
  });
});

void app.whenReady().then(() => {
  core = startCore();
  buildMenu();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('before-quit', () => core?.postMessage({ type: 'close' }));
