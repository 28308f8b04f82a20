/**
 * The web shell: the built renderer and the same API as Electron's IPC, over HTTP on
 * 127.0.0.1 only. It exists so that the real UI can be driven in Chromium without Electron.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { MAX_UPLOAD_BASE64 } from '../../shared/files';
import type { Db } from '../db/open';
import { createHandlers, dispatch } from '../api/handlers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
  '.pdf': 'application/pdf',
};

const MAX_BODY = 2 * 1024 * 1024;
/** `files:upload` carries a whole scan or journal (≤ 60 MB, as base64); every other call stays small. */
const MAX_UPLOAD_BODY = MAX_UPLOAD_BASE64 + 64 * 1024;


class TooLarge extends Error {}

/** Reads the body up to `max`; past it, the rest is drained (not reset) so the client gets its 413. */
function readBody(req: IncomingMessage, max = MAX_BODY): Promise<string> {
  return new Promise((ok, fail) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= max) chunks.push(c);
    });
    req.on('end', () => (size > max ? fail(new TooLarge()) : ok(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', fail);
  });
}

const decodePath = (s: string): string | null => {
  try {
    return decodeURIComponent(s);
  } catch {
    return null; // a malformed %-escape is the caller's error (400), not ours
  }
};

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

export interface WebShellOptions {
  db: Db;
  port?: number;
  rendererDir: string;
}

export function startWebShell(opts: WebShellOptions): Promise<{ server: Server; url: string }> {
  const handlers = createHandlers(opts.db);
  const root = resolve(opts.rendererDir);
  const server = createServer(async (req, res) => {
    try {
      // Refuse requests addressed to other host names: a web page elsewhere must not reach the register (DNS rebinding).
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      if (host !== '127.0.0.1' && host !== 'localhost') return send(res, 403, '{"error":"forbidden host"}');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, '{"error":"POST only"}');
        const origin = req.headers.origin;
        if (origin && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(origin)) return send(res, 403, '{"error":"forbidden origin"}');
        const method = decodePath(url.pathname.slice(5));
        if (method === null) return send(res, 400, JSON.stringify({ ok: false, error: { kind: 'invalid_input', message: 'Некоректна адреса запиту' } }));
        let input: unknown;
        try {
          const body = await readBody(req, method === 'files:upload' ? MAX_UPLOAD_BODY : MAX_BODY);
          input = body === '' ? undefined : JSON.parse(body);
        } catch (e) {
          const message = method === 'files:upload' ? 'Файл більший за 60 МБ' : e instanceof TooLarge ? 'Запит більший за 2 МБ' : 'Некоректний запит: очікується JSON до 2 МБ';
          return send(res, e instanceof TooLarge ? 413 : 400, JSON.stringify({ ok: false, error: { kind: 'invalid_input', message } }));
        }
        return send(res, 200, JSON.stringify(await dispatch(handlers, method, input)));
      }
      const decoded = decodePath(url.pathname);
      if (decoded === null) return send(res, 400, 'bad request', 'text/plain');
      const rel = normalize(decoded).replace(/^([/\\])+/, '');
      let file = join(root, rel);
      if (!file.startsWith(root)) return send(res, 403, 'forbidden', 'text/plain');
      if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
      if (!existsSync(file)) return send(res, 500, 'Renderer is not built: run npm run build', 'text/plain; charset=utf-8');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' });
      createReadStream(file).pipe(res);
    } catch (e) {
      if (!res.headersSent) send(res, 500, JSON.stringify({ ok: false, error: { kind: 'internal', message: String(e) } }));
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : opts.port;
      ok({ server, url: `http://127.0.0.1:${port}` });
    });
  });
}
