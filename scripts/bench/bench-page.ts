/** The injected size and the memory of pages and of the extension, for `npm run bench` (the page cost itself is
 *  in bench-page-cost.ts). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import puppeteer, { type CDPSession } from 'puppeteer-core';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR, facesCounted, launchWithExtension, stopServiceWorker, tabIdOf } from '../../e2e/support/browser';
import { RULES_LOADED_MEASURE } from '../../src/background/measures';
import { startFixtureServers } from '../../e2e/support/server';
import { UPLOAD_PATH_FILE } from '../../src/content/upload-path-file';
import { format, spreadOf, type Row } from './bench-table';
import { median } from './stats';

/** Everything the manifest injects into every page at load: its content scripts, raw and gzipped. */
export async function benchInjectedSize(rows: Row[]): Promise<void> {
  const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts: Array<{ js?: string[] }> };
  const files = manifest.content_scripts.flatMap((script) => script.js ?? []);
  const bodies = await Promise.all(files.map((file) => readFile(join(EXTENSION_DIR, file))));
  const raw = bodies.reduce((sum, body) => sum + body.length, 0);
  const gzipped = bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
  rows.push({ figure: `injected at page load: ${files.length} scripts, raw / gzipped (KB)`, median: `${format(raw / 1024, 1)} / ${format(gzipped / 1024, 1)}`, spread: '—', goal: '≤ 15 KB gzipped', met: gzipped <= 15 * 1024 ? 'met' : 'not met' });
  // The rest of the upload path, which the content script imports on a page's first file (its upload-to-warning
  // times below include that import: every run is a fresh page).
  const module = await readFile(join(EXTENSION_DIR, UPLOAD_PATH_FILE));
  rows.push({ figure: 'loaded on the first file: the upload path module, raw / gzipped (KB)', median: `${format(module.length / 1024, 1)} / ${format(gzipSync(module, { level: 9 }).length / 1024, 1)}`, spread: '—', goal: 'reported', met: '—' });
}

/** JS heap of the content script's world on the heavy page. */
export async function benchMemory(rows: Row[], servers: Awaited<ReturnType<typeof startFixtureServers>>, browser: Awaited<ReturnType<typeof launchWithExtension>>): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(servers.http('www.flickr.com', '/bench/heavy.html'));
  const cdp = await browser.context.newCDPSession(page);
  const contexts: Array<{ id: number; name: string; auxData?: { type?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find((context) => context.auxData?.type === 'isolated' && context.name.includes('Afterlife'));
  let contentHeap = Number.NaN;
  if (isolated) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'performance.memory ? performance.memory.usedJSHeapSize : NaN', contextId: isolated.id, returnByValue: true });
    contentHeap = Number(result.value);
  }
  rows.push({ figure: 'memory: heavy page JS heap, seen from the content script (MB)', median: format(contentHeap / 1048576, 2), spread: 'shared with the page', goal: 'reported', met: '—' });
  await page.close();
}

/**
 * JS heaps of the extension's own contexts, read over DevTools after a forced garbage collection: the service worker
 * right after start and after an upload (rules compiled, metadata parser loaded), and the offscreen document with
 * the face detector loaded. playwright-core's DevTools sessions reach pages only, so this browser also listens on a
 * local DevTools port, and puppeteer-core (already used for the Firefox tests) attaches to the worker through it.
 */
export async function benchExtensionMemory(rows: Row[], servers: Awaited<ReturnType<typeof startFixtureServers>>): Promise<void> {
  const browser = await launchWithExtension({ extraArgs: ['--remote-debugging-port=0'] });
  const devtools = await puppeteer.connect({
    browserURL: `http://127.0.0.1:${(await readFile(join(browser.profileDir, 'DevToolsActivePort'), 'utf8')).split('\n')[0]}`,
    defaultViewport: null,
  });
  /** Runs `use` in a DevTools session of the first target `matches` picks within 10 s; `undefined` if none came. */
  const inTarget = async <T>(matches: (url: string, type: string) => boolean, use: (session: CDPSession) => Promise<T>): Promise<T | undefined> => {
    const target = await devtools.waitForTarget((candidate) => matches(candidate.url(), candidate.type()), { timeout: 10_000 }).catch(() => null);
    if (!target) return undefined;
    const session = await target.createCDPSession();
    try {
      return await use(session);
    } finally {
      await session.detach().catch(() => undefined);
    }
  };
  const heapOf = async (matches: (url: string, type: string) => boolean): Promise<number> =>
    (await inTarget(matches, async (session) => {
      await session.send('HeapProfiler.enable');
      await session.send('HeapProfiler.collectGarbage');
      return (await session.send('Runtime.getHeapUsage')).usedSize / 1048576;
    })) ?? Number.NaN;
  const origin = `chrome-extension://${browser.extensionId}/`;
  const isWorker = (url: string, type: string) => type === 'service_worker' && url.startsWith(origin);
  const inWorker = (expression: string): Promise<unknown> =>
    inTarget(isWorker, async (session) => (await session.send('Runtime.evaluate', { expression, returnByValue: true })).result.value);
  const rulesLoadedTime = `performance.getEntriesByName(${JSON.stringify(RULES_LOADED_MEASURE)})[0]?.duration ?? NaN`;
  try {
    await browser.worker();
    // "Started" is after the worker's start-up (its modules run and the bundled rules compiled): read at the moment
    // the worker merely exists, its heap is whatever part of its modules has run by then (0.26 MB in one run, 2.2 MB
    // in others), a race rather than a figure.
    const deadline = Date.now() + 10_000;
    while (!Number.isFinite(Number(await inWorker(rulesLoadedTime))) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
    const idle = await heapOf(isWorker);
    const page = await browser.context.newPage();
    await page.goto(servers.http('www.flickr.com', '/upload.html'));
    await page.setInputFiles('#at-load', join(import.meta.dirname, '../../e2e/fixtures/faces/two-people.jpg'));
    await facesCounted(browser, await tabIdOf(browser, page));
    const afterUpload = await heapOf(isWorker);
    const detector = await heapOf((url) => url.startsWith(`${origin}src/offscreen/`));
    // The worker compiles the bundled rules each time the browser starts it: restart it and read its own timing.
    const loads: number[] = [];
    for (let run = 0; run < 7; run++) {
      await stopServiceWorker(browser);
      const waker = await browser.context.newPage();
      await waker.goto(`${origin}src/options/index.html`);
      await waker.evaluate(() => chrome.runtime.sendMessage({ type: 'rules-info' }));
      await waker.close();
      loads.push(Number(await inWorker(rulesLoadedTime)));
    }
    rows.push(
      { figure: 'rules: parse and compile the bundled rules in the worker (ms)', median: format(median(loads), 2), spread: spreadOf(loads, 2), goal: 'reported', met: '—' },
      { figure: 'memory: service worker JS heap, started (MB)', median: format(idle, 2), spread: '—', goal: 'reported', met: '—' },
      { figure: 'memory: service worker JS heap, after an upload (MB)', median: format(afterUpload, 2), spread: '—', goal: 'reported', met: '—' },
      { figure: 'memory: face detector document JS heap, model loaded (MB)', median: format(detector, 2), spread: 'closes after 2 idle min', goal: 'reported', met: '—' },
    );
  } finally {
    await devtools.disconnect();
    await browser.close();
  }
}
