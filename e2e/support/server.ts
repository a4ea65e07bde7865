import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
export const FIXTURES_DIR = resolve(here, '../fixtures');
const TLS_DIR = resolve(here, '../tls');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves the fixture pages for whatever host name the browser asks for: Chromium maps real domains
 *  (www.flickr.com, www.okcupid.com…) to this server, so pages see their real host while nothing leaves the
 *  machine. A request path maps to a file under e2e/fixtures; `/` serves index.html. */
async function serveFixture(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://fixture');
  let path = decodeURIComponent(url.pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(FIXTURES_DIR, path));
  if (!file.startsWith(FIXTURES_DIR)) {
    response.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}

export interface FixtureServers {
  httpPort: number;
  httpsPort: number;
  /** `http://<host>:<port><path>` for a host name mapped to the fixture server. */
  http(host: string, path?: string): string;
  https(host: string, path?: string): string;
  /** What pages sent to `/upload/…` by POST or PUT: the path, and the bytes as they arrived. */
  received: Array<{ path: string; body: Buffer }>;
  close(): Promise<void>;
}

/** Takes any POST or PUT to `/upload/…`, keeps its body for the test to check, and answers 200. */
async function receiveUpload(request: IncomingMessage, response: ServerResponse, received: FixtureServers['received']): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  received.push({ path: new URL(request.url ?? '/', 'http://fixture').pathname, body: Buffer.concat(chunks) });
  response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end('{"ok":true}');
}

function listen(server: Server): Promise<number> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port));
  });
}

export async function startFixtureServers(): Promise<FixtureServers> {
  const received: FixtureServers['received'] = [];
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const upload = (request.method === 'POST' || request.method === 'PUT') && (request.url ?? '').startsWith('/upload/');
    (upload ? receiveUpload(request, response, received) : serveFixture(request, response)).catch(() => response.writeHead(500).end());
  };
  const plain = createHttpServer(handler);
  const secure = createHttpsServer(
    { key: await readFile(join(TLS_DIR, 'key.pem')), cert: await readFile(join(TLS_DIR, 'cert.pem')) },
    handler,
  );
  const [httpPort, httpsPort] = await Promise.all([listen(plain), listen(secure)]);
  const close = (server: Server) =>
    new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    });
  return {
    httpPort,
    httpsPort,
    http: (host, path = '/') => `http://${host}:${httpPort}${path}`,
    https: (host, path = '/') => `https://${host}:${httpsPort}${path}`,
    received,
    close: async () => {
      await Promise.all([close(plain), close(secure)]);
    },
  };
}
