import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { politeFetcher } from './polite-fetch';
import { loadProjectRules } from './project-rules';
import { checkLinks, citations, type Citation } from './rules-links';

let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    const routes: Record<string, () => void> = {
      '/robots.txt': () => response.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private\n'),
      '/terms': () => response.writeHead(200, { 'content-type': 'text/html' }).end('<p>Terms</p>'),
      '/old-terms': () => response.writeHead(301, { location: '/legal/terms' }).end(),
      '/legal/terms': () => response.writeHead(200, { 'content-type': 'text/html' }).end('<p>Terms</p>'),
      '/retired-help': () => response.writeHead(302, { location: '/' }).end(),
      '/': () => response.writeHead(200, { 'content-type': 'text/html' }).end('<p>Home</p>'),
    };
    (routes[request.url ?? ''] ?? (() => response.writeHead(404).end('not found')))();
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

describe('npm run rules:links: the sources still answer', () => {
  it('reports each citation that is not fine, per file and field, checking each address once', async () => {
    const list: Citation[] = [
      { file: 'rules/sites/a.json', field: 'terms[0].source', url: `${origin}/terms` },
      { file: 'rules/sites/a.json', field: 'terms[1].source', url: `${origin}/old-terms` },
      { file: 'rules/sites/b.json', field: 'optOuts[0].source', url: `${origin}/gone` },
      { file: 'rules/sites/b.json', field: 'terms[0].source', url: `${origin}/retired-help` },
      { file: 'rules/datasets/c.json', field: 'sources[0].url', url: `${origin}/private/paper` },
      { file: 'rules/datasets/c.json', field: 'sources[1].url', url: `${origin}/terms` },
    ];
    const report = await checkLinks(list, politeFetcher({ retryDelayMs: 10 }));
    expect(report.byUrl.size).toBe(5);
    expect(report.lines).toEqual([
      'rules/datasets/c.json',
      `  sources[0].url: skipped (robots.txt asks us not to fetch it): ${origin}/private/paper`,
      'rules/sites/a.json',
      `  terms[1].source: moved: ${origin}/old-terms → ${origin}/legal/terms — check the new page still says it`,
      'rules/sites/b.json',
      `  optOuts[0].source: gone (HTTP 404): ${origin}/gone — copies: https://web.archive.org/web/*/${origin}/gone`,
      `  terms[0].source: now leads to the home page: ${origin}/retired-help → ${origin}/ — the page is probably gone; copies: https://web.archive.org/web/*/${origin}/retired-help`,
      '\nrules:links: 5 address(es) cited 6 time(s): 1 fine, 3 citation(s) to look at.',
    ]);
    expect(report.problems).toBe(3);
  });

  it('finds every source in the project rules, with its file and field', () => {
    const { data } = loadProjectRules();
    const list = citations(data);
    expect(list.length).toBeGreaterThan(250);
    expect(list.every((citation) => citation.url.startsWith('https://'))).toBe(true);
    expect(list.find((citation) => citation.file === 'rules/sites/flickr.json' && citation.field === 'licencePicker.source')).toBeDefined();
  });
});
