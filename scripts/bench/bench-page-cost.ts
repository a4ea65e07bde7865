/**
 * The page cost of `npm run bench`: what Afterlife costs pages that never upload, as ratios measured side by side in
 * one run (see compareSides): with Afterlife; two browsers without any extension (a and b, whose ratio is the A/A
 * of the comparisons with no extension); the empty-script twin (what injecting any script costs, which separates
 * Chromium's share from ours) and a second twin (twin2, the A/A of our own share); and, when its build is in the
 * peers directory, Privacy Badger (MV3), which injects at document_start in every frame too. Goals (issue 21):
 * with/without no higher than the peer's on every page; with/twin ≤ 1.01 on the heavy page and with − twin ≤ 1 ms on
 * the near-empty page. Each page is also traced (script-time.ts): our scripts alone against the twin's, for our own
 * share, and against the peer's scripts, for the peer comparison on what the two extensions' own code does.
 * Last, a page carrying ad frames, traced over all its frames: what our scripts cost there and how many frames they
 * ran in (reported; the manifest leaves ad networks' frames out).
 */
import type { Page } from 'playwright-core';
import { EXTENSION_DIR } from '../../e2e/support/browser';
import type { startFixtureServers } from '../../e2e/support/server';
import type { Row } from './bench-table';
import { framedPageRow, pageCostRows, scriptTimeRow, tracedPeerRow, tracedRatioRow, type PageKind, type TracedMedians } from './goals';
import { compareSides, emptyScriptTwin, type CostSide } from './page-cost';
import { findPeer, peersDir, PRIVACY_BADGER } from './peers';
import { framesWithOurScripts, extensionScriptCpuTime } from './script-time';
import { median } from './stats';

const REPO = new URL('../..', import.meta.url).pathname;

interface LoadPlan {
  rounds: number;
  loadsPerRound: number;
}

interface PagePlan extends LoadPlan {
  label: string;
  kind: PageKind;
  path: string;
  settle: (page: Page) => Promise<void>;
}

const loaded = async (page: Page) => void (await page.waitForLoadState('load'));
const scrolled = async (page: Page) => void (await page.evaluate(() => (window as unknown as { scrollDone: Promise<number> }).scrollDone));

/** A plan's loads, reduced for development by AFTERLIFE_BENCH_LOADS (loads a side) and AFTERLIFE_BENCH_ROUNDS. */
export function scaled<Plan extends LoadPlan>(plan: Plan, env: Record<string, string | undefined> = process.env): Plan {
  const loads = Number(env.AFTERLIFE_BENCH_LOADS);
  const rounds = Number(env.AFTERLIFE_BENCH_ROUNDS);
  const r = Number.isInteger(rounds) && rounds > 0 ? rounds : plan.rounds;
  const total = Number.isInteger(loads) && loads > 0 ? loads : plan.rounds * plan.loadsPerRound;
  return { ...plan, rounds: r, loadsPerRound: Math.max(1, Math.ceil(total / r)) };
}

/** The heavy and near-empty pages: 4 rounds of 20 loads a side; the infinite-scroll page (2 s a load): 3 of 10. */
export function pagePlans(env: Record<string, string | undefined> = process.env): PagePlan[] {
  const plans: PagePlan[] = [
    { label: 'heavy page', kind: 'heavy', path: '/bench/heavy.html', settle: loaded, rounds: 4, loadsPerRound: 20 },
    { label: 'infinite scroll', kind: 'scroll', path: '/bench/scroll.html', settle: scrolled, rounds: 3, loadsPerRound: 10 },
    // What the extension adds to any page load whatever the page does: setting up the content scripts' world.
    { label: 'near-empty page', kind: 'near-empty', path: '/bench/blank.html', settle: loaded, rounds: 4, loadsPerRound: 20 },
  ];
  return plans.map((plan) => scaled(plan, env));
}

/** Traced loads: the heavy and near-empty pages'; the infinite-scroll page's (2 s a load) and the framed page's
 *  (tracing every process of six frames takes about 5 s a load here) fewer, as a trace moves by hundredths of a
 *  millisecond between identical sides where the page-level time moves by whole ones. */
const TRACED = scaled({ rounds: 2, loadsPerRound: 15 });
const SCROLL_TRACED = scaled({ rounds: 2, loadsPerRound: 8 });
const FRAMED_TRACED = scaled({ rounds: 2, loadsPerRound: 8 });

/** The medians of a traced comparison of ours and the two twins (sides named with, twin, twin2). */
const tracedMedians = (samples: Map<string, number[]>): TracedMedians => {
  const of = (name: string) => median(samples.get(name) ?? []);
  return { with: of('with'), twin: of('twin'), twin2: of('twin2') };
};

/** How many loads a row's figure stands on, for its "beside it" column. */
const loadsLabel = ({ rounds, loadsPerRound }: LoadPlan, kind = '') =>
  `${rounds * loadsPerRound} ${kind}loads a side, ${rounds} rounds`;

export async function benchPageCost(rows: Row[], servers: Awaited<ReturnType<typeof startFixtureServers>>): Promise<void> {
  const peer = findPeer(PRIVACY_BADGER, peersDir(process.env, REPO));
  if (!peer.found) console.log(peer.reason);
  const twinDir = await emptyScriptTwin();
  const ours: CostSide = { name: 'with', extensionDir: EXTENSION_DIR };
  const twins: CostSide[] = [
    { name: 'twin', extensionDir: twinDir },
    { name: 'twin2', extensionDir: twinDir },
  ];
  const peerSide: CostSide | undefined = peer.found ? { name: peer.spec.name, extensionDir: peer.dir } : undefined;
  const peerLabel = peer.found ? peer.spec.label : undefined;
  const sides: CostSide[] = [ours, { name: 'a', extensionDir: null }, twins[0]!, { name: 'b', extensionDir: null }, ...(peerSide ? [peerSide] : []), twins[1]!];
  for (const plan of pagePlans()) {
    const url = servers.http('www.flickr.com', plan.path);
    const samples = await compareSides(sides, url, plan.settle, plan);
    const of = (name: string) => median(samples.get(name) ?? []);
    const medians = { with: of('with'), a: of('a'), b: of('b'), twin: of('twin'), twin2: of('twin2'), ...(peerSide ? { peer: of(peerSide.name) } : {}) };
    rows.push(...pageCostRows(plan.label, plan.kind, medians, loadsLabel(plan), peerLabel));
    // Our scripts alone, and the peer's, from a trace of each load (the twins again giving the A/A): our own share
    // where it is a goal, and the peer comparison measured on the two extensions' own scripts.
    const tracedPlan = plan.kind === 'scroll' ? SCROLL_TRACED : TRACED;
    const traced = await compareSides([ours, ...twins, ...(peerSide ? [peerSide] : [])], url, plan.settle, tracedPlan, extensionScriptCpuTime);
    const scripts = tracedMedians(traced);
    const tracedLoads = loadsLabel(tracedPlan, 'traced ');
    if (plan.kind === 'heavy') rows.push(tracedRatioRow(plan.label, scripts, medians.twin, tracedLoads));
    if (plan.kind === 'near-empty') rows.push(scriptTimeRow(plan.label, scripts, tracedLoads));
    if (peerSide && peerLabel) rows.push(tracedPeerRow(plan.label, { ...scripts, peer: median(traced.get(peerSide.name) ?? []) }, peerLabel, tracedLoads));
  }
  await benchFramedPage(rows, servers, ours, twins);
}

/** The frames of framed.html: the page, four ad frames and one frame of its own. */
const FRAMED_PAGE_FRAMES = 6;

/** A short article carrying four ad frames (framed.html), traced: what our scripts cost over all its frames, and
 *  how many of them they ran in. */
async function benchFramedPage(rows: Row[], servers: Awaited<ReturnType<typeof startFixtureServers>>, ours: CostSide, twins: CostSide[]) {
  const url = servers.http('www.flickr.com', '/bench/framed.html');
  const traced = await compareSides([ours, ...twins], url, loaded, FRAMED_TRACED, extensionScriptCpuTime);
  const frames = await compareSides([ours], url, loaded, { rounds: 1, loadsPerRound: 1 }, framesWithOurScripts);
  const counts = { ours: frames.get(ours.name)?.[0] ?? 0, all: FRAMED_PAGE_FRAMES };
  rows.push(framedPageRow('article with four ad frames', tracedMedians(traced), counts, loadsLabel(FRAMED_TRACED, 'traced ')));
}
