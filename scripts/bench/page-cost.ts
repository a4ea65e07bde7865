/**
 * One page load's cost to the page, and the browsers to compare it in: shared by `npm run bench` and
 * `npm run bench:compare`.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, CHROMIUM, EXTENSION_DIR } from '../../e2e/support/browser';
import { peerOfFolder } from './peers';

/**
 * The main thread's busy time in one page load, from the DevTools performance metrics, after the page settles:
 * `TaskDuration`, every task the page's main thread ran, scripts included. Measured in the thread's CPU time
 * ("threadTicks"), not wall-clock time: on two cores the wall-clock time of a task also counts the moments the thread
 * waited for a core while other processes ran, which made two identical browsers differ by up to 11% (A/A 0.89–1.06
 * with 30 loads a side); CPU time puts that A/A within about 1%.
 *
 * Until 2026-11-30 this added `ScriptDuration` to `TaskDuration`, which counted script time twice: scripts run inside
 * tasks (a page busy for 50 ms in a script at load raised ScriptDuration by 45–47 ms and TaskDuration by 45–51 ms,
 * measured). Our own share of a load is mostly script, so it was inflated by its script time: in one run of 40 loads,
 * ScriptDuration +0.89 ms and TaskDuration +1.72 ms over the empty-script twin, summed to +2.61 ms.
 */
export async function pageCost(context: BrowserContext, url: string, settle: (page: Page) => Promise<void>): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url);
  await settle(page);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  await page.close();
  return value('TaskDuration') * 1000;
}

/** Headless Chromium with a fresh profile and the given build of the extension, or with no extension at all;
 *  closing it removes the profile. */
export async function launchForCost(extensionDir: string | null): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'afterlife-cost-'));
  const args = extensionDir ? chromiumArgs(extensionDir) : chromiumArgs(EXTENSION_DIR).filter((arg) => !arg.includes('extension'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Quiet time after every browser of a round has settled, before its first load (AFTERLIFE_BENCH_SETTLE_MS). */
const QUIET_MS = Number(process.env.AFTERLIFE_BENCH_SETTLE_MS ?? 1500);

/**
 * Waits until a freshly installed extension has done its install-time work, so that no measured load overlaps it:
 * its service worker running; for a known peer, its own "ready" flag (Privacy Badger loads its tracker data and
 * registers more content scripts after install); and the welcome tab that both Afterlife and Privacy Badger open on
 * install, closed (Afterlife opens its tab only after its first read of administrator policy, which can take
 * seconds). Extensions that open no tab cost the wait for one, at most `welcomeMs`.
 */
export async function settleExtension(context: BrowserContext, extensionDir: string, welcomeMs = 8000): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const peer = peerOfFolder(extensionDir);
  if (peer) {
    const deadline = Date.now() + 60_000;
    while (!(await worker.evaluate(peer.readyExpression).catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`${peer.label} did not finish starting within a minute`);
      await sleep(200);
    }
  }
  const deadline = Date.now() + welcomeMs;
  let welcome: Page | undefined;
  while (!welcome && Date.now() < deadline) {
    welcome = context.pages().find((page) => page.url().startsWith('chrome-extension://'));
    if (!welcome) await sleep(100);
  }
  for (const page of context.pages()) if (page.url().startsWith('chrome-extension://')) await page.close();
}

/**
 * A copy of the built extension whose content scripts are empty files: what any extension that injects scripts
 * into every page at document_start costs, whatever its scripts do (setting up their worlds). Beside the real
 * extension it separates Chromium's share of the page cost from ours.
 */
export async function emptyScriptTwin(extensionDir = EXTENSION_DIR): Promise<string> {
  const twin = await mkdtemp(join(tmpdir(), 'afterlife-twin-'));
  await cp(extensionDir, twin, { recursive: true });
  const manifest = JSON.parse(await readFile(join(twin, 'manifest.json'), 'utf8')) as { content_scripts: Array<{ js?: string[] }> };
  for (const file of manifest.content_scripts.flatMap((script) => script.js ?? [])) await writeFile(join(twin, file), '');
  return twin;
}

/** One side of a comparison: a built extension, or `null` for a browser without any. */
export interface CostSide {
  name: string;
  extensionDir: string | null;
}

/**
 * The order in which the sides take their turn in one load of a comparison: rotated by one every load, so that each
 * side holds each place equally often and no side follows itself (two sides simply alternate). Where a load stands
 * matters as much as what is measured: with the order reversed every other load instead (0 1 2 3, 3 2 1 0, 0 1 2 3 …),
 * the two sides at the ends loaded twice in a row, and four browsers without any extension measured 23.4, 25.5, 25.5
 * and 23.7 ms on the near-empty page (80 loads each, 2026-11-30): 2 ms between identical sides, as much as the cost
 * being measured.
 */
export function loadOrder(sideCount: number, load: number): number[] {
  // Two sides simply alternate (0 1 0 1 …): rotating them would be reversing them, and each would follow itself.
  if (sideCount === 2) return [0, 1];
  return Array.from({ length: sideCount }, (_, place) => (load + place) % sideCount);
}

/**
 * Page cost of several sides, side by side: `rounds` times, a fresh browser for every side, then `loadsPerRound`
 * loads taking turns between them (loadOrder, so that neither drift in the machine's load nor a side's place in the
 * turn favours any side). Fresh browsers each round because one browser instance may sit a millisecond or two above
 * or below another for its whole life (four browsers without any extension, 40 heavy-page loads each: up to 1.6%
 * apart), as much as the cost being measured; spreading a side's loads over several instances averages that out.
 * Returns every side's samples, by name.
 */
export async function compareSides(
  sides: readonly CostSide[],
  url: string,
  settle: (page: Page) => Promise<void>,
  { rounds, loadsPerRound }: { rounds: number; loadsPerRound: number },
  /** What one load costs: the main thread's task time by default (pageCost). */
  measure: (context: BrowserContext, url: string, settle: (page: Page) => Promise<void>) => Promise<number> = pageCost,
): Promise<Map<string, number[]>> {
  const samples = new Map(sides.map((side) => [side.name, [] as number[]]));
  for (let round = 0; round < rounds; round++) {
    const browsers = await Promise.all(sides.map((side) => launchForCost(side.extensionDir)));
    const contexts = browsers.map((browser) => browser.context);
    try {
      await Promise.all(sides.map((side, index) => (side.extensionDir ? settleExtension(contexts[index]!, side.extensionDir) : undefined)));
      await sleep(QUIET_MS);
      // A first load in each browser warms its caches; it is not counted.
      for (const context of contexts) await measure(context, url, settle);
      for (let load = 0; load < loadsPerRound; load++) {
        for (const index of loadOrder(sides.length, round * loadsPerRound + load)) {
          samples.get(sides[index]!.name)!.push(await measure(contexts[index]!, url, settle));
        }
      }
    } finally {
      await Promise.all(browsers.map((browser) => browser.close()));
    }
  }
  return samples;
}
