/**
 * Page cost of several builds side by side, to find where a page-load cost comes from:
 *   npm run bench:compare -- [--page blank|scripted|heavy|scroll|framed] [--loads 60] [--rounds 3] name=dir name=dir …
 * `dir` is a built extension (for example a copy of extension/ with a content script cut down, or a peer such as
 * `pb=../shared/peers/privacybadger-mv3`, which is waited for until it has finished starting), `none` for no
 * extension, `twin` for the current build with its content scripts emptied. Two `none` sides give the A/A. `--loads` a build in all, spread over
 * `--rounds` fresh browsers each (see compareSides); every load alternates between the builds; medians of CPU
 * main-thread task time, as in `npm run bench`; with `--traced`, the CPU time of the extension's content scripts alone,
 * read from a trace of each load (script-time.ts), which moves far less between runs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startFixtureServers } from '../../e2e/support/server';
import { compareSides, emptyScriptTwin } from './page-cost';
import { extensionScriptCpuTime } from './script-time';
import { median } from './stats';

const PAGES = { blank: '/bench/blank.html', scripted: '/bench/scripted.html', heavy: '/bench/heavy.html', scroll: '/bench/scroll.html', framed: '/bench/framed.html' } as const;

const { values, positionals } = parseArgs({ options: { traced: { type: 'boolean', default: false }, page: { type: 'string', default: 'blank' }, loads: { type: 'string', default: '60' }, rounds: { type: 'string', default: '3' } }, allowPositionals: true });
const page = values.page as keyof typeof PAGES;
const loads = Number(values.loads);
const rounds = Number(values.rounds);
const builds = positionals.map((pair) => {
  const [name, dir] = pair.split('=');
  if (!name || !dir) throw new Error(`"${pair}": give each build as name=dir (dir: a built extension, none or twin)`);
  if (dir !== 'none' && dir !== 'twin' && !existsSync(join(dir, 'manifest.json'))) throw new Error(`${name}: no manifest.json in ${dir}`);
  return { name, dir };
});
if (new Set(builds.map(({ name }) => name)).size !== builds.length) throw new Error('give every build its own name');
if (!(page in PAGES) || !Number.isInteger(loads) || loads < 1 || !Number.isInteger(rounds) || rounds < 1 || builds.length < 2) {
  console.error('usage: npm run bench:compare -- [--traced] [--page blank|scripted|heavy|scroll|framed] [--loads 60] [--rounds 3] name=dir name=dir …');
  process.exit(2);
}

const servers = await startFixtureServers();
try {
  const sides = await Promise.all(
    builds.map(async ({ name, dir }) => ({ name, extensionDir: dir === 'none' ? null : dir === 'twin' ? await emptyScriptTwin() : dir })),
  );
  const url = servers.http('www.flickr.com', PAGES[page]);
  const settle =
    page === 'scroll'
      ? async (tab: import('playwright-core').Page) => void (await tab.evaluate(() => (window as unknown as { scrollDone: Promise<number> }).scrollDone))
      : async (tab: import('playwright-core').Page) => void (await tab.waitForLoadState('load'));
  const samples = await compareSides(sides, url, settle, { rounds, loadsPerRound: Math.ceil(loads / rounds) }, values.traced ? extensionScriptCpuTime : undefined);
  const first = median(samples.get(builds[0]!.name)!);
  console.log(`${page} page, ${rounds} rounds of ${Math.ceil(loads / rounds)} loads each: ${values.traced ? "the extension's content scripts alone, from a trace" : 'main-thread task time'} (CPU ms), median`);
  for (const [index, { name }] of builds.entries()) {
    const value = median(samples.get(name)!);
    const versus = `${value - first >= 0 ? '+' : ''}${(value - first).toFixed(2)} ms, ×${(value / first).toFixed(3)} vs ${builds[0]!.name}`;
    console.log(`${name.padEnd(24)} ${value.toFixed(2).padStart(8)}  ${index === 0 ? '' : versus}`);
  }
} finally {
  await servers.close();
}
