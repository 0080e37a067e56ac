import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { callRegistry, RegistryCallError, type CallOptions } from '../../src/registry/http.js';
import { startLoopback, type Loopback } from './loopback.js';

const OPTIONS: CallOptions = { timeoutMs: 500, retries: 1, maxBytes: 1024, minDelayMs: 1 };

const started: (Loopback | Server)[] = [];
afterEach(async () => {
  for (const server of started.splice(0)) {
    if ('callsTo' in server) await server.close();
    else {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }
});

async function loopback(handle: Parameters<typeof startLoopback>[0]): Promise<Loopback> {
  const server = await startLoopback(handle);
  started.push(server);
  return server;
}

async function failure(call: Promise<unknown>): Promise<RegistryCallError> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RegistryCallError);
  return error as RegistryCallError;
}

describe('registry calls: redirects', () => {
  it('follows a redirect on the same origin with the credentials, and to another origin without them', async () => {
    const cdn = await loopback(() => ({ body: 'file bytes' }));
    const hub = await loopback((call) =>
      call.path === '/old/resolve/main/README.md'
        ? { status: 307, headers: { location: '/new/resolve/main/README.md' } }
        : { status: 302, headers: { location: `${cdn.url}/signed/README.md?expires=1` } },
    );
    const response = await callRegistry('Hub README', { url: `${hub.url}/old/resolve/main/README.md`, headers: { authorization: 'Bearer hub-token' } }, OPTIONS);
    expect(Buffer.from(response.body).toString()).toBe('file bytes');
    expect(hub.calls.map((call) => [call.path, call.headers.authorization])).toEqual([
      ['/old/resolve/main/README.md', 'Bearer hub-token'],
      ['/new/resolve/main/README.md', 'Bearer hub-token'],
    ]);
    expect(cdn.calls).toHaveLength(1);
    expect(cdn.calls[0]!.query.get('expires')).toBe('1');
    expect(cdn.calls[0]!.headers.authorization).toBeUndefined();
  });

  it('continues a POST answered with 303 as a GET without the body, and a POST answered with 307 as the same POST', async () => {
    const server = await loopback((call) => {
      if (call.path === '/see-other') return { status: 303, headers: { location: '/result' } };
      if (call.path === '/temporary') return { status: 307, headers: { location: '/result' } };
      return { body: { method: call.method, body: call.body.toString(), type: call.headers['content-type'] ?? null } };
    });
    const json = async (path: string) => JSON.parse(Buffer.from((await callRegistry('post', { method: 'POST', url: `${server.url}${path}`, json: { key: 'value' } }, OPTIONS)).body).toString()) as unknown;
    expect(await json('/see-other')).toEqual({ method: 'GET', body: '', type: null });
    expect(await json('/temporary')).toEqual({ method: 'POST', body: '{"key":"value"}', type: 'application/json' });
  });

  it('stops after 20 redirects, naming the call', async () => {
    const server = await loopback(() => ({ status: 302, headers: { location: '/again' } }));
    const error = await failure(callRegistry('MLflow GET runs/get', { url: `${server.url}/start` }, OPTIONS));
    expect(error.message).toBe('MLflow GET runs/get: more than 20 redirects');
    expect(error.failure).toBe('malformed');
    expect(server.calls).toHaveLength(21);
  });
});

describe('registry calls: bodies', () => {
  it('decodes a compressed answer, and bounds its decoded size', async () => {
    const small = gzipSync('{"ok":true}');
    const bomb = gzipSync(' '.repeat(1_000_000));
    expect(bomb.byteLength).toBeLessThan(OPTIONS.maxBytes);
    const server = await loopback((call) => ({ headers: { 'content-encoding': 'gzip' }, body: call.path === '/small' ? small : bomb }));
    expect(Buffer.from((await callRegistry('small', { url: `${server.url}/small` }, OPTIONS)).body).toString()).toBe('{"ok":true}');
    const error = await failure(callRegistry('MLflow artifact drift.json', { url: `${server.url}/bomb` }, OPTIONS));
    expect(error.message).toBe('MLflow artifact drift.json: the answer is larger than 1024 bytes');
    expect(error.failure).toBe('too_large');
    // The request asks for no compression: a registry that compresses anyway is still read.
    expect(server.calls[0]!.headers['accept-encoding']).toBe('identity');
  });

  it('refuses a content coding it cannot read, and a damaged compressed body', async () => {
    const server = await loopback((call) =>
      call.path === '/zstd' ? { headers: { 'content-encoding': 'zstd' }, body: Buffer.from([1, 2, 3]) } : { headers: { 'content-encoding': 'gzip' }, body: Buffer.from('not gzip at all') },
    );
    const unknown = await failure(callRegistry('zstd', { url: `${server.url}/zstd` }, OPTIONS));
    expect(unknown.message).toBe('zstd: the answer is in a content coding this client does not read (zstd)');
    const damaged = await failure(callRegistry('damaged', { url: `${server.url}/damaged` }, OPTIONS));
    expect(damaged.failure).toBe('malformed');
    expect(damaged.message).toMatch(/^damaged: the answer's compressed body cannot be decoded \(Z_/);
  });

  it('gives up on an answer whose body stops coming, within the timeout of each try', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.writeHead(200, { 'content-length': '100' });
      response.write('only the first bytes');
    });
    started.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const error = await failure(callRegistry('MLflow artifact model_card.yaml', { url: `http://127.0.0.1:${port}/slow` }, { ...OPTIONS, timeoutMs: 200 }));
    expect(error.message).toBe('MLflow artifact model_card.yaml: no answer within 0.2 s');
    expect(error.failure).toBe('timeout');
    expect(requests).toBe(2);
  });
});

describe('registry calls: connections', () => {
  it('keeps one connection open for calls one after another, and gives a call that must not be repeated a connection of its own', async () => {
    let connections = 0;
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.end('{}'));
    });
    server.on('connection', () => (connections += 1));
    started.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/api/2.0/mlflow/model-versions/get`;
    for (let i = 0; i < 5; i++) await callRegistry('get', { url }, OPTIONS);
    expect(connections).toBe(1);
    for (let i = 0; i < 2; i++) await callRegistry('comment', { method: 'POST', url, json: { comment: 'blocked' }, idempotent: false }, OPTIONS);
    expect(connections).toBe(3);
  });
});
