import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the update server answers next: a body with a status, or silence. */
export type UpdateAnswer = { status: number; body: string; etag?: string } | { hang: true };

/** A local stand-in for the static host that serves signed rule bundles, with the CORS header such hosts send. */
export async function startUpdateServer() {
  let answer: UpdateAnswer = { status: 404, body: 'nothing published yet' };
  const requests: Array<{ path: string; ifNoneMatch: string | undefined }> = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    requests.push({ path: request.url ?? '', ifNoneMatch: request.headers['if-none-match'] });
    response.setHeader('access-control-allow-origin', '*');
    if ('hang' in answer) {
      hanging.add(response);
      return;
    }
    if (answer.etag) {
      response.setHeader('etag', answer.etag);
      response.setHeader('cache-control', 'no-cache');
      if (request.headers['if-none-match'] === answer.etag) {
        response.writeHead(304).end();
        return;
      }
    }
    response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/rules.signed.json`,
    requests,
    answer(next: UpdateAnswer) {
      answer = next;
    },
    close: () =>
      new Promise<void>((done) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
