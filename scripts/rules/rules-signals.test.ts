import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteRule, TermFact } from '../../src/core/rules/types';
import { metaTagsOf } from './ai-signals';
import { politeFetcher, readCrawlers, runSignals } from './rules-signals';

/** A site's server as the test wants it at the moment: its robots.txt and its upload page. */
const served = { robots: '' as string | null, robotsStatus: 200, page: '', requests: [] as string[], agents: [] as string[] };
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    served.requests.push(request.url ?? '');
    served.agents.push(String(request.headers['user-agent']));
    if (request.url === '/robots.txt') {
      if (served.robots === null) response.writeHead(404).end('not found');
      else response.writeHead(served.robotsStatus, { 'content-type': 'text/plain' }).end(served.robots);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' }).end(served.page);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

const crawlers = readCrawlers();
const site = (): SiteRule =>
  ({ id: 'example-photos', name: 'Example Photos', category: 'photo-sharing', domains: ['example-photos.test'], uploadPages: [`${origin}/upload`], terms: [], optOuts: [], datasets: [] }) as unknown as SiteRule;

function rulesDirWithSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'afterlife-signals-'));
  mkdirSync(join(dir, 'sites'));
  const terms: TermFact[] = [{ topic: 'scraping-ban', value: 'yes', summary: 'No scraping.', source: 'https://example-photos.test/terms', reviewed: '2026-01-01' }];
  writeFileSync(join(dir, 'sites/example-photos.json'), `${JSON.stringify({ id: 'example-photos', terms }, null, 2)}\n`);
  return dir;
}
const termsIn = (dir: string) => (JSON.parse(readFileSync(join(dir, 'sites/example-photos.json'), 'utf8')) as { terms: TermFact[] }).terms;

describe('npm run rules:signals: a dated snapshot of what a site tells AI crawlers', () => {
  const token = (name: string) => crawlers.find((crawler) => crawler.token === name);

  it('names the AI crawlers robots.txt shuts out and the page\'s noai tag; a later snapshot replaces the fact', async () => {
    const [first, second] = crawlers;
    if (!first || !second) throw new Error('rules/ai-crawlers.json lists fewer than two crawlers');
    served.robots = `User-agent: ${first.token}\nDisallow: /\n\nUser-agent: *\nAllow: /\n`;
    served.page = '<html><head><meta content="noai, noimageai" name="robots"></head><body></body></html>';
    const dir = rulesDirWithSite();
    const run = await runSignals({ sites: [site()], crawlers, fetcher: politeFetcher({ retryDelayMs: 10 }), today: '2026-11-30', rulesDir: dir, log: () => undefined });
    expect(run).toEqual({ written: ['example-photos'], failed: [] });
    const fact = termsIn(dir).find((term) => term.checkedBy === 'rules:signals');
    expect(fact).toMatchObject({ topic: 'ai-crawler-block', value: 'yes', source: `${origin}/robots.txt`, reviewed: '2026-11-30' });
    expect(fact?.summary).toContain(`asks ${first.token} (${token(first.token)?.operator}) to stay out`);
    expect(fact?.summary).toContain('"noai" and "noimageai"');
    expect(fact?.summary).toMatch(/^On 2026-11-30, /);
    expect(termsIn(dir)).toHaveLength(2); // the hand-written fact stays
    expect(served.agents.every((agent) => agent.startsWith('AfterlifeRulesCheck/'))).toBe(true);

    served.robots = null; // the site drops its robots.txt
    served.page = '<html><head><title>Upload</title></head></html>';
    await runSignals({ sites: [site()], crawlers, fetcher: politeFetcher({ retryDelayMs: 10 }), today: '2026-12-07', rulesDir: dir, log: () => undefined });
    const facts = termsIn(dir).filter((term) => term.checkedBy === 'rules:signals');
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ value: 'no', reviewed: '2026-12-07' });
    expect(facts[0]?.summary).toContain('has no robots.txt');
  });

  it('says when a rule for every crawler is what keeps them out, and does not fetch a page robots.txt closes to it', async () => {
    served.robots = 'User-agent: *\nDisallow: /\n';
    served.requests = [];
    const dir = rulesDirWithSite();
    await runSignals({ sites: [site()], crawlers, fetcher: politeFetcher({ retryDelayMs: 10 }), today: '2026-11-30', rulesDir: dir, log: () => undefined });
    const fact = termsIn(dir).find((term) => term.checkedBy === 'rules:signals');
    expect(fact?.summary).toContain('Its rules for all crawlers also keep out');
    expect(served.requests).toEqual(['/robots.txt']);
  });

  it('keeps the last fact and reports the site when its server fails, after retrying', async () => {
    served.robots = 'User-agent: *\nAllow: /\n';
    served.robotsStatus = 503;
    served.requests = [];
    const dir = rulesDirWithSite();
    const before = readFileSync(join(dir, 'sites/example-photos.json'), 'utf8');
    const lines: string[] = [];
    const run = await runSignals({ sites: [site()], crawlers, fetcher: politeFetcher({ retryDelayMs: 10 }), today: '2026-11-30', rulesDir: dir, log: (line) => lines.push(line) });
    served.robotsStatus = 200;
    expect(run.failed).toEqual([{ site: 'example-photos', error: `${origin}/robots.txt: HTTP 503` }]);
    expect(served.requests).toEqual(['/robots.txt', '/robots.txt', '/robots.txt']);
    expect(readFileSync(join(dir, 'sites/example-photos.json'), 'utf8')).toBe(before);
    expect(lines.join('\n')).toContain('its last fact stays');
  });

  it('reads meta tags in either attribute order and quoting', () => {
    expect(metaTagsOf(`<meta name=robots content='noai'><META CONTENT="1" NAME="tdm-reservation">`)).toEqual([
      { name: 'robots', content: 'noai' },
      { name: 'tdm-reservation', content: '1' },
    ]);
  });
});
