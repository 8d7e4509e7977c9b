import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Session } from './api/handlers';
import { CONTENT_SECURITY_POLICY, contentType, resolveStaticPath } from './static-files';

const MAX_BODY = 64 * 1024 * 1024;

export interface BrowserTransport {
  server: Server;
  port: number;
  token: string;
  /** The address to open, carrying the token. */
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  res.end(body);
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The browser transport: a loopback-only HTTP server that serves the built renderer and runs the
 * same handlers as the Electron shell. API calls are `POST /api/<method>` with a JSON body and the
 * per-run token in `X-Kajian-Token`; requests naming another host (DNS rebinding) or coming from
 * another origin are refused.
 */
export async function startBrowserTransport(opts: { session: Session; rendererRoot: string; port?: number; token?: string }): Promise<BrowserTransport> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = createServer((req, res) => {
    void (async () => {
      const host = req.headers.host ?? '';
      if (!allowedHosts().has(host)) return send(res, 403, 'Forbidden host');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) return send(res, 403, 'Forbidden origin');
      const url = new URL(req.url ?? '/', `http://${host}`);

      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, 'Use POST');
        if (!sameToken(req.headers['x-kajian-token'] as string | undefined, token)) return send(res, 401, 'Missing or wrong token');
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Send JSON');
        const raw = await readBody(req);
        if (raw === null) return send(res, 413, 'Request too large');
        let input: unknown;
        try {
          input = raw.length ? JSON.parse(raw) : {};
        } catch {
          return send(res, 200, JSON.stringify({ ok: false, error: { code: 'BAD_INPUT', message: 'The request body is not valid JSON' } }), 'application/json; charset=utf-8');
        }
        const method = decodeURIComponent(url.pathname.slice('/api/'.length));
        const envelope = await opts.session.dispatch(method, input);
        return send(res, 200, JSON.stringify(envelope), 'application/json; charset=utf-8');
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
      const file = resolveStaticPath(opts.rendererRoot, url.pathname);
      if (!file) return send(res, 404, 'Not found');
      res.writeHead(200, {
        'Content-Type': contentType(file),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'X-Frame-Options': 'DENY',
      });
      res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
    })().catch((e: unknown) => {
      console.error('[kajian] request failed:', e);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
