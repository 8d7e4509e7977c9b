import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tempDir } from '../db/test-helpers';
import { Session } from './api/handlers';
import { startBrowserTransport, type BrowserTransport } from './http-transport';
import { SettingsStore } from './settings';
import { resolveStaticPath } from './static-files';

const tmp = tempDir();
const root = join(tmp.dir, 'renderer');
let t: BrowserTransport;

beforeAll(async () => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Kajian</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmp.dir, 'secret.txt'), 'secret');
  const session = new Session({ settings: SettingsStore.inFolder(join(tmp.dir, 's')), shell: { transport: 'browser', defaultFolder: tmp.dir, appVersion: '0' } });
  t = await startBrowserTransport({ session, rendererRoot: root });
});
afterAll(async () => {
  await t.close();
  tmp.cleanup();
});

function call(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: t.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  call({ path: `/api/${method}`, method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', 'x-kajian-token': t.token, ...headers } });

describe('browser transport', () => {
  test('listens on 127.0.0.1 and prints a URL with the token', () => {
    expect(t.url).toBe(`http://127.0.0.1:${t.port}/?token=${t.token}`);
    expect(t.token.length).toBeGreaterThanOrEqual(32);
    expect((t.server.address() as { address: string }).address).toBe('127.0.0.1');
  });

  test('serves the renderer with a strict CSP', async () => {
    const r = await call({ path: '/' });
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>Kajian</title>');
    expect(String(r.headers['content-security-policy'])).toContain("default-src 'none'");
    expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await call({ path: '/assets/app.js' })).headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  test('refuses path traversal', async () => {
    expect((await call({ path: '/../secret.txt' })).status).toBe(404);
    expect((await call({ path: '/%2e%2e/secret.txt' })).status).toBe(404);
    expect((await call({ path: '/assets/..%2f..%2fsecret.txt' })).status).toBe(404);
    expect(resolveStaticPath(root, '/..%5c..%5csecret.txt')).toBeNull();
    expect(resolveStaticPath(root, '/%00')).toBeNull();
    expect(resolveStaticPath(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
  });

  test('API calls need the token', async () => {
    expect((await api('settings.get', {}, { 'x-kajian-token': 'wrong' })).status).toBe(401);
    const ok = await api('settings.get', {});
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: { language: 'id', recent: [] } });
  });

  test('refuses other hosts and origins, GETs and non-JSON bodies on the API', async () => {
    expect((await api('settings.get', {}, { host: 'evil.example:80' })).status).toBe(403);
    expect((await api('settings.get', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('settings.get', {}, { origin: `http://127.0.0.1:${t.port}` })).status).toBe(200);
    expect((await call({ path: '/api/settings.get', headers: { 'x-kajian-token': t.token } })).status).toBe(405);
    expect((await api('settings.get', {}, { 'content-type': 'text/plain' })).status).toBe(415);
  });

  test('passes envelopes through: unknown method, bad JSON, bad input', async () => {
    expect(JSON.parse((await api('fs.readFile', {})).body).error.code).toBe('UNKNOWN_METHOD');
    const bad = await call({ path: '/api/settings.get', method: 'POST', body: '{', headers: { 'content-type': 'application/json', 'x-kajian-token': t.token } });
    expect(JSON.parse(bad.body).error.code).toBe('BAD_INPUT');
    expect(JSON.parse((await api('project.create', { path: '', title: 'x' })).body).error.field).toBe('path');
  });
});
