import { writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebServer, type WebServer } from '../../src/core/host/web-server.ts';
import { startCoreWorker } from '../../src/core/host/worker-endpoint.ts';
import { createInProcessClient } from '../../src/core/transports/in-process.ts';
import { ApiCallError } from '../../src/shared/api.ts';
import { sharedModels, useCore } from '../helpers/core.ts';
import { useTempDir } from '../helpers/temp.ts';

const newCore = useCore();
const tempDir = useTempDir();
const servers: WebServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function serve(core: Parameters<typeof startWebServer>[0]['core']): Promise<WebServer> {
  const staticDir = tempDir();
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>ShopDesk</title>');
  const server = await startWebServer({ core, staticDir });
  servers.push(server);
  return server;
}

/** A raw HTTP request, so tests can send the headers a browser would refuse to forge. */
function httpRequest(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

function httpCall(server: WebServer, method: string, args: unknown, token = server.token) {
  return httpRequest(server.port, `/api/call/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', host: `127.0.0.1:${server.port}` },
    body: JSON.stringify(args),
  });
}

function openSocket(server: WebServer, token = server.token, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/api/ws?token=${token}`, origin ? { origin } : {});
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}

function socketCall(socket: WebSocket, id: number, method: string, args: unknown): Promise<{ ok: boolean; result?: unknown; error?: { code: string } }> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { id?: number; ok: boolean };
      if (message.id === id) {
        socket.off('message', onMessage);
        resolve(message);
      }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ id, method, args }));
  });
}

const productsCsv = 'sku,title,description,category,price,image\nA1,Mug,Blue mug,Kitchen,9.5,\nA2,Teapot,Glass,Kitchen,20,\n';

describe('one contract over three transports', () => {
  it('gives the same answers in process, over HTTP and over WebSocket', async () => {
    const core = newCore();
    const client = createInProcessClient(core);
    await client.call('system.import', { kind: 'products', fileName: 'products.csv', content: productsCsv });
    const server = await serve(core);
    const direct = await client.call('catalog.list', { query: 'mug' });
    const overHttp = await httpCall(server, 'catalog.list', { query: 'mug' });
    expect(overHttp.status).toBe(200);
    expect(JSON.parse(overHttp.body)).toEqual({ ok: true, result: direct });
    const socket = await openSocket(server);
    expect(await socketCall(socket, 7, 'catalog.list', { query: 'mug' })).toEqual({ id: 7, ok: true, result: direct });
    expect(direct.total).toBe(1);
    socket.close();
  });

  it('returns typed errors for bad arguments, unknown methods and missing records on every transport', async () => {
    const core = newCore();
    const client = createInProcessClient(core);
    await expect(client.call('catalog.get', { sku: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(client.call('catalog.list', { limit: 'ten' } as never)).rejects.toBeInstanceOf(ApiCallError);
    const server = await serve(core);
    const badArgument = await httpCall(server, 'catalog.list', { limit: 'ten' });
    expect(badArgument.status).toBe(400);
    expect(JSON.parse(badArgument.body).error).toEqual({ code: 'invalid_argument', message: 'catalog.list: "limit" must be an integer' });
    expect((await httpCall(server, 'catalog.drop', {})).status).toBe(404);
    const badImport = await httpCall(server, 'system.import', { kind: 'products', fileName: 'p.csv', content: 'sku,title,price\nA,Mug,x\n' });
    expect(JSON.parse(badImport.body).error).toEqual({
      code: 'import_failed',
      message: 'p.csv: row 1, field "price": "x" is not a number',
      reason: { key: 'import.not_a_number', params: { value: 'x' } },
      where: { file: 'p.csv', row: 1, field: 'price' },
    });
    const socket = await openSocket(server);
    expect(await socketCall(socket, 1, 'chat.get', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    socket.close();
  });

  it("carries an import failure's reason and place from a worker-thread core over HTTP and WebSocket, and in process", async () => {
    const worker = await startCoreWorker({ dataDir: join(tempDir(), 'data'), modelsPath: [] });
    const badCustomers = 'id,name,email\nC1,Ann,ann@example.com\nC2,Bo,bo-at-example\n';
    const expected = {
      code: 'import_failed',
      message: 'customers.csv: row 2, field "email": "bo-at-example" is not an email address',
      reason: { key: 'import.not_an_email', params: { value: 'bo-at-example' } },
      where: { file: 'customers.csv', row: 2, field: 'email' },
    };
    const importArgs = { kind: 'customers', fileName: 'customers.csv', content: badCustomers } as const;
    try {
      const server = await serve(worker);
      expect(JSON.parse((await httpCall(server, 'system.import', importArgs)).body)).toEqual({ ok: false, error: expected });
      const socket = await openSocket(server);
      expect(await socketCall(socket, 3, 'system.import', importArgs)).toEqual({ id: 3, ok: false, error: expected });
      socket.close();
    } finally {
      await servers.pop()?.close();
      await worker.close();
    }
    const inProcess = await createInProcessClient(newCore()).call('system.import', importArgs).catch((error: unknown) => error);
    expect(inProcess).toBeInstanceOf(ApiCallError);
    expect((inProcess as ApiCallError).toApiError()).toEqual(expected);
  });

  it('pushes progress and change events to WebSocket clients', async () => {
    const core = newCore();
    const server = await serve(core);
    const socket = await openSocket(server);
    const events: { event: string; payload: { finished?: boolean; domain?: string } }[] = [];
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.event) events.push(message);
    });
    await socketCall(socket, 1, 'system.import', { kind: 'products', fileName: 'p.csv', content: productsCsv });
    expect(events.some((event) => event.event === 'progress' && event.payload.finished)).toBe(true);
    expect(events).toContainEqual({ event: 'changed', payload: { domain: 'catalog' } });
    socket.close();
  });

  it('requires the launch token and refuses foreign Host and Origin headers', async () => {
    const server = await serve(newCore());
    expect((await httpCall(server, 'system.info', {}, 'wrong')).status).toBe(401);
    const foreignHost = await httpRequest(server.port, '/api/call/system.info', {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, host: 'evil.example:80' },
    });
    expect(foreignHost.status).toBe(403);
    const foreignOrigin = await httpRequest(server.port, '/api/call/system.info', {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, host: `127.0.0.1:${server.port}`, origin: 'http://evil.example' },
    });
    expect(foreignOrigin.status).toBe(403);
    await expect(openSocket(server, 'wrong')).rejects.toThrow(/403/);
    await expect(openSocket(server, server.token, 'http://evil.example')).rejects.toThrow(/403/);
    expect((await httpRequest(server.port, '/../../etc/passwd', { headers: { host: `127.0.0.1:${server.port}` } })).status).not.toBe(200);
    const page = await httpRequest(server.port, '/', { headers: { host: `localhost:${server.port}` } });
    expect(page).toMatchObject({ status: 200, body: expect.stringContaining('<title>ShopDesk</title>') });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=/);
  });

  it('runs the core in a worker thread behind the same server', async () => {
    const worker = await startCoreWorker({ dataDir: join(tempDir(), 'data'), modelsPath: [sharedModels] });
    try {
      const server = await serve(worker);
      await httpCall(server, 'system.import', { kind: 'products', fileName: 'p.csv', content: productsCsv });
      const info = JSON.parse((await httpCall(server, 'system.info', {})).body).result;
      expect(info.tables.products).toBe(2);
      expect(info.executionProviderCandidates).toContain(info.executionProvider);
    } finally {
      await servers.pop()?.close();
      await worker.close();
    }
  });
});
