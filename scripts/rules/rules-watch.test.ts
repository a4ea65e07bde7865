import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RulesData, SiteRule } from '../../src/core/rules/types';
import { politeFetcher } from './polite-fetch';
import { loadProjectRules } from './project-rules';
import { pageText, runWatch, snapshotPath, watchTargets } from './rules-watch';

/** The site's server as the test wants it: its terms page (two versions over the test), and its robots.txt. */
const served = { terms: '', robots: 'User-agent: *\nAllow: /\n', status: 200 };
let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/robots.txt') return void response.writeHead(200, { 'content-type': 'text/plain' }).end(served.robots);
    response.writeHead(served.status, { 'content-type': 'text/html' }).end(served.terms);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

const termsPage = (clause: string) => `<!doctype html><html><head><title>Terms</title><script>var tracking = 1;</script><style>p{}</style></head>
<body><nav>Home · Help · Careers</nav><main><h1>Terms of service</h1><section id="ai"><h2>Artificial intelligence</h2><p>${clause}</p></section><footer>© Example</footer></main></body></html>`;

function rulesWithTermsAt(url: string): Pick<RulesData, 'sites' | 'operators' | 'datasets'> {
  const site = {
    id: 'example-photos',
    name: 'Example Photos',
    category: 'photo-sharing',
    domains: ['127.0.0.1'],
    uploadPages: [],
    terms: [{ topic: 'ai-training', value: 'no', summary: 'It does not train AI on uploads.', source: url, reviewed: '2026-11-30' }],
    optOuts: [],
    datasets: [],
    watch: [{ url, selector: '#ai' }],
  } as unknown as SiteRule;
  return { sites: [site], operators: [], datasets: [] };
}

describe('npm run rules:watch: terms watched for changes', () => {
  it('keeps a first copy, then prints a short diff and the facts to re-check when the page changes', async () => {
    const url = `${origin}/terms`;
    const data = rulesWithTermsAt(url);
    const watchDir = mkdtempSync(join(tmpdir(), 'afterlife-watch-'));
    const fetcher = politeFetcher({ retryDelayMs: 10 });
    served.terms = termsPage('We do not use your photos to train artificial intelligence.');
    const lines: string[] = [];
    const first = await runWatch({ targets: watchTargets(data), data, fetcher, watchDir, log: (line) => lines.push(line) });
    expect(first).toMatchObject({ added: [url], changed: [], failed: [] });
    const path = snapshotPath(watchTargets(data)[0]!, watchDir);
    expect(readFileSync(path, 'utf8')).toBe('Artificial intelligence\nWe do not use your photos to train artificial intelligence.\n');

    // The same page again, with only its navigation changed: nothing to report.
    served.terms = termsPage('We do not use your photos to train artificial intelligence.').replace('Careers', 'Jobs');
    expect(await runWatch({ targets: watchTargets(data), data, fetcher, watchDir, log: () => undefined })).toMatchObject({ same: 1, changed: [] });

    served.terms = termsPage('We may use your public photos to train our artificial intelligence models.');
    lines.length = 0;
    const second = await runWatch({ targets: watchTargets(data), data, fetcher, watchDir, log: (line) => lines.push(line) });
    expect(second.changed).toEqual([url]);
    expect(lines).toContain('  - We do not use your photos to train artificial intelligence.');
    expect(lines).toContain('  + We may use your public photos to train our artificial intelligence models.');
    expect(lines).toContain('  re-check: rules/sites/example-photos.json terms[0] (ai-training)');
  });

  it('reports a page it could not read, or whose watched part is gone, and keeps the last copy', async () => {
    const url = `${origin}/terms`;
    const data = rulesWithTermsAt(url);
    const watchDir = mkdtempSync(join(tmpdir(), 'afterlife-watch-'));
    served.status = 404;
    const gone = await runWatch({ targets: watchTargets(data), data, fetcher: politeFetcher({ retryDelayMs: 10 }), watchDir, log: () => undefined });
    served.status = 200;
    expect(gone.failed).toEqual([{ url, error: 'HTTP 404' }]);
    served.terms = '<html><body><main><p>A redesigned page.</p></main></body></html>';
    const moved = await runWatch({ targets: watchTargets(data), data, fetcher: politeFetcher({ retryDelayMs: 10 }), watchDir, log: () => undefined });
    expect(moved.failed[0]?.error).toContain('the selector #ai matched nothing');
    expect(existsSync(snapshotPath(watchTargets(data)[0]!, watchDir))).toBe(false);
  });

  it('honours robots.txt', async () => {
    const data = rulesWithTermsAt(`${origin}/terms`);
    served.robots = 'User-agent: AfterlifeRulesCheck\nDisallow: /\n';
    const run = await runWatch({ targets: watchTargets(data), data, fetcher: politeFetcher({ retryDelayMs: 10 }), watchDir: mkdtempSync(join(tmpdir(), 'w-')), log: () => undefined });
    served.robots = 'User-agent: *\nAllow: /\n';
    expect(run.skipped).toEqual([{ url: `${origin}/terms`, reason: 'robots.txt asks us not to fetch it' }]);
  });

  it('watches, for the project rules, the pages on each site\'s own domains that its facts cite', () => {
    const { data } = loadProjectRules();
    const targets = watchTargets(data);
    expect(targets.length).toBeGreaterThan(60);
    expect(targets.filter((target) => target.owner === 'flickr').every((target) => /flickr(help)?\.com/.test(new URL(target.url).hostname))).toBe(true);
    expect(new Set(targets.map((target) => `${target.owner} ${target.url}`)).size).toBe(targets.length);
  });

  it('reads the text a person reads: blocks as lines, no scripts or styles', () => {
    expect(pageText('<body><script>x()</script><p>One  <b>two</b></p><ul><li>three</li></ul></body>')).toBe('One two\nthree\n');
  });
});
