#!/usr/bin/env node
// `npm start`: builds and launches the desktop app, or says in one line why it cannot.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8')) : null;
if (binary === null || !existsSync(binary)) {
  console.error('ShopDesk: the Electron binary is not installed (run `npx install-electron` where its download host is reachable); meanwhile `npm run web` runs ShopDesk in your browser.');
  process.exit(1);
}
const child = spawn('npx', ['electron-vite', 'preview'], { stdio: 'inherit', shell: process.platform === 'win32' });
child.on('exit', (code) => process.exit(code ?? 1));
