/**
 * Page cost of several builds side by side, to find where a page-load cost comes from:
 *   npm run bench:compare -- [--page blank|scripted|heavy|scroll] [--loads 60] name=dir name=dir …
 * `dir` is a built extension (for example a copy of extension/ with a content script cut down), `none` for no
 * extension, `twin` for the current build with its content scripts emptied. Every load alternates between the
 * builds, the order reversed every other run; medians of CPU script and task time, as in `npm run bench`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { startFixtureServers } from '../e2e/support/server';
import { emptyScriptTwin, launchForCost, pageCost } from './page-cost';
import { median } from './stats';

const PAGES = { blank: '/bench/blank.html', scripted: '/bench/scripted.html', heavy: '/bench/heavy.html', scroll: '/bench/scroll.html' } as const;

const { values, positionals } = parseArgs({ options: { page: { type: 'string', default: 'blank' }, loads: { type: 'string', default: '60' } }, allowPositionals: true });
const page = values.page as keyof typeof PAGES;
const loads = Number(values.loads);
const builds = positionals.map((pair) => {
  const [name, dir] = pair.split('=');
  if (!name || !dir) throw new Error(`"${pair}": give each build as name=dir (dir: a built extension, none or twin)`);
  if (dir !== 'none' && dir !== 'twin' && !existsSync(join(dir, 'manifest.json'))) throw new Error(`${name}: no manifest.json in ${dir}`);
  return { name, dir };
});
if (!(page in PAGES) || !Number.isInteger(loads) || loads < 1 || builds.length < 2) {
  console.error('usage: npm run bench:compare -- [--page blank|scripted|heavy|scroll] [--loads 60] name=dir name=dir …');
  process.exit(2);
}

const servers = await startFixtureServers();
const contexts: BrowserContext[] = [];
try {
  for (const { dir } of builds) contexts.push(await launchForCost(dir === 'none' ? null : dir === 'twin' ? await emptyScriptTwin() : dir));
  const url = servers.http('www.flickr.com', PAGES[page]);
  const settle =
    page === 'scroll'
      ? async (tab: import('playwright-core').Page) => void (await tab.evaluate(() => (window as unknown as { scrollDone: Promise<number> }).scrollDone))
      : async (tab: import('playwright-core').Page) => void (await tab.waitForLoadState('load'));
  // A first load in each browser warms its caches; it is not counted.
  for (const context of contexts) await pageCost(context, url, settle);
  const samples = builds.map(() => [] as number[]);
  for (let run = 0; run < loads; run++) {
    const order = builds.map((_, index) => index);
    if (run % 2 === 1) order.reverse();
    for (const index of order) samples[index]!.push(await pageCost(contexts[index]!, url, settle));
  }
  const first = median(samples[0]!);
  console.log(`${page} page, ${loads} loads each: script and task time (CPU ms), median`);
  for (const [index, { name }] of builds.entries()) {
    const value = median(samples[index]!);
    console.log(`${name.padEnd(24)} ${value.toFixed(2).padStart(8)}  ${index === 0 ? '' : `${value - first >= 0 ? '+' : ''}${(value - first).toFixed(2)} vs ${builds[0]!.name}`}`);
  }
} finally {
  await Promise.all(contexts.map((context) => context.close()));
  await servers.close();
}
