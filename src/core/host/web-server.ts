/**
 * Browser mode's host: serves the built renderer and carries the API over HTTP and
 * WebSocket, on 127.0.0.1 only. Every API request needs the per-launch token, and
 * requests whose Host or Origin is not this server are refused (DNS rebinding, CSRF).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { ApiCallError } from '../../shared/api.ts';
import type { CoreEndpoint } from './protocol.ts';

export interface WebServerOptions {
  core: CoreEndpoint;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  port?: number;
  /** Fixed only in tests; a fresh random token otherwise. */
  token?: string;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** Largest request body: an imported file travels in one call. */
const maximumBodyBytes = 256 * 1024 * 1024;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function statusOf(error: ApiCallError): number {
  switch (error.code) {
    case 'not_found':
    case 'unknown_method':
      return 404;
    case 'invalid_argument':
    case 'import_failed':
      return 400;
    case 'unauthorized':
      return 401;
    case 'unavailable':
      return 503;
    default:
      return 500;
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > maximumBodyBytes) throw new ApiCallError('invalid_argument', 'request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const { core, staticDir } = options;
  let allowedHosts = new Set<string>();

  function trusted(request: IncomingMessage): boolean {
    if (!allowedHosts.has(request.headers.host ?? '')) return false;
    const origin = request.headers.origin;
    return origin === undefined || [...allowedHosts].some((host) => origin === `http://${host}`);
  }

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const relative = normalize(decodeURIComponent(pathname === '/' ? '/index.html' : pathname)).replace(/^([/\\])+/, '');
    const file = join(staticDir, relative);
    if (!file.startsWith(staticDir + sep)) {
      send(response, 403, { ok: false, error: { code: 'unauthorized', message: 'outside the app' } });
      return;
    }
    try {
      const body = await readFile(file);
      const port = (server.address() as AddressInfo).port;
      response.writeHead(200, {
        'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'x-content-type-options': 'nosniff',
        'content-security-policy': `default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
      });
      response.end(body);
    } catch {
      send(response, 404, { ok: false, error: { code: 'not_found', message: `${pathname} not found` } });
    }
  }

  async function handleCall(method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const authorization = request.headers.authorization?.replace(/^Bearer /, '');
    if (!sameToken(authorization, token)) {
      send(response, 401, { ok: false, error: { code: 'unauthorized', message: 'missing or wrong token' } });
      return;
    }
    try {
      const body = await readBody(request);
      let args: unknown;
      try {
        args = body === '' ? {} : JSON.parse(body);
      } catch {
        throw new ApiCallError('invalid_argument', 'the request body is not JSON');
      }
      send(response, 200, { ok: true, result: await core.dispatch(method, args) });
    } catch (error) {
      const apiError = error instanceof ApiCallError ? error : new ApiCallError('internal', String(error));
      send(response, statusOf(apiError), { ok: false, error: apiError.toApiError() });
    }
  }

  const server = createServer((request, response) => {
    if (!trusted(request)) {
      send(response, 403, { ok: false, error: { code: 'unauthorized', message: 'foreign Host or Origin' } });
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    const call = /^\/api\/call\/([\w.]+)$/.exec(url.pathname);
    if (call && request.method === 'POST') void handleCall(call[1] as string, request, response);
    else if (request.method === 'GET' && !url.pathname.startsWith('/api/')) void serveStatic(url.pathname, response);
    else send(response, 404, { ok: false, error: { code: 'not_found', message: `${request.method} ${url.pathname} not found` } });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: maximumBodyBytes });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== '/api/ws' || !trusted(request) || !sameToken(url.searchParams.get('token'), token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => serveSocket(webSocket));
  });

  function serveSocket(socket: WebSocket): void {
    const unsubscribe = core.subscribe((event, payload) => socket.send(JSON.stringify({ event, payload })));
    socket.on('close', unsubscribe);
    socket.on('message', (data) => {
      let message: { id?: unknown; method?: unknown; args?: unknown };
      try {
        message = JSON.parse(String(data)) as typeof message;
      } catch {
        socket.send(JSON.stringify({ id: null, ok: false, error: { code: 'invalid_argument', message: 'message is not JSON' } }));
        return;
      }
      const { id } = message;
      core.dispatch(message.method, message.args).then(
        (result) => socket.send(JSON.stringify({ id, ok: true, result })),
        (error: unknown) => {
          const apiError = error instanceof ApiCallError ? error : new ApiCallError('internal', String(error));
          socket.send(JSON.stringify({ id, ok: false, error: apiError.toApiError() }));
        },
      );
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
