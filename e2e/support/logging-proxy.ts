import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface LoggedRequest {
  method: string;
  /** Full URL for plain http; `https://host:port` for a tunnel (its contents are encrypted). */
  url: string;
  body: Buffer;
}

/**
 * A proxy the browser sends every request through, which records each one before passing it to the local fixture
 * servers. Nothing the extension or a page does can bypass it, which is what a privacy proof needs.
 */
export async function startLoggingProxy(target: { httpPort: number; httpsPort: number }) {
  const log: LoggedRequest[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      log.push({ method: request.method ?? '', url: request.url ?? '', body });
      const url = new URL(request.url ?? '/', 'http://invalid');
      const upstream = httpRequest(
        { host: '127.0.0.1', port: target.httpPort, method: request.method, path: url.pathname + url.search, headers: request.headers },
        (reply) => {
          response.writeHead(reply.statusCode ?? 502, reply.headers);
          reply.pipe(response);
        },
      );
      upstream.on('error', () => response.writeHead(502).end());
      upstream.end(body);
    });
  });
  const sockets = new Set<Socket>();
  server.on('connect', (request: IncomingMessage, client: Socket) => {
    log.push({ method: 'CONNECT', url: `https://${request.url ?? ''}`, body: Buffer.alloc(0) });
    const upstream = connect(target.httpsPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    close: () =>
      new Promise<void>((done) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
