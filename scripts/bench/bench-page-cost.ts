/**
 * The page cost of `npm run bench`: what Afterlife costs pages that never upload, as ratios measured side by side in
 * one run (see compareSides): with Afterlife; two browsers without any extension (a and b, whose ratio is the A/A);
 * the empty-script twin (what injecting any script costs, which separates Chromium's share from ours); and, when its
 * build is in the peers directory, Privacy Badger (MV3), which injects at document_start in every frame too. Goals
 * (issue 21): with/without no higher than the peer's on every page; with/twin ≤ 1.01 on the heavy page and
 * with − twin ≤ 1 ms on the near-empty page, also measured on our scripts alone from a trace (script-time.ts).
 * Last, a page carrying ad frames, traced over all its frames: what our scripts cost there and how many frames they
 * ran in (reported; the manifest leaves ad networks' frames out).
 */
import type { Page } from 'playwright-core';
import { EXTENSION_DIR } from '../../e2e/support/browser';
import type { startFixtureServers } from '../../e2e/support/server';
import type { Row } from './bench-table';
import { framedPageRow, pageCostRows, scriptTimeRow, type PageKind } from './goals';
import { compareSides, emptyScriptTwin, type CostSide } from './page-cost';
import { findPeer, peersDir, PRIVACY_BADGER } from './peers';
import { framesWithOurScripts, scriptEvaluationTime } from './script-time';
import { median } from './stats';

const REPO = new URL('../..', import.meta.url).pathname;

interface PagePlan {
  label: string;
  kind: PageKind;
  path: string;
  settle: (page: Page) => Promise<void>;
  rounds: number;
  loadsPerRound: number;
}

const loaded = async (page: Page) => void (await page.waitForLoadState('load'));
const scrolled = async (page: Page) => void (await page.evaluate(() => (window as unknown as { scrollDone: Promise<number> }).scrollDone));

/** The heavy and near-empty pages: 4 rounds of 20 loads a side; the infinite-scroll page (2 s a load): 3 of 10.
 *  `--loads`-style reductions for development: AFTERLIFE_BENCH_LOADS (loads a side) and AFTERLIFE_BENCH_ROUNDS. */
export function pagePlans(env: Record<string, string | undefined> = process.env): PagePlan[] {
  const plans: PagePlan[] = [
    { label: 'heavy page', kind: 'heavy', path: '/bench/heavy.html', settle: loaded, rounds: 4, loadsPerRound: 20 },
    { label: 'infinite scroll', kind: 'scroll', path: '/bench/scroll.html', settle: scrolled, rounds: 3, loadsPerRound: 10 },
    // What the extension adds to any page load whatever the page does: setting up the content scripts' world.
    { label: 'near-empty page', kind: 'near-empty', path: '/bench/blank.html', settle: loaded, rounds: 4, loadsPerRound: 20 },
  ];
  const loads = Number(env.AFTERLIFE_BENCH_LOADS);
  const rounds = Number(env.AFTERLIFE_BENCH_ROUNDS);
  return plans.map((plan) => {
    const r = Number.isInteger(rounds) && rounds > 0 ? rounds : plan.rounds;
    const total = Number.isInteger(loads) && loads > 0 ? loads : plan.rounds * plan.loadsPerRound;
    return { ...plan, rounds: r, loadsPerRound: Math.max(1, Math.ceil(total / r)) };
  });
}

/** Traced loads: the near-empty page's, and the framed page's, fewer because tracing every process of a six-frame
 *  page takes about 5 s a load here. */
const NEAR_EMPTY_TRACED = { rounds: 2, loadsPerRound: 15 };
const FRAMED_TRACED = { rounds: 2, loadsPerRound: 8 };

/** How many loads a row's figure stands on, for its "beside it" column. */
const loadsLabel = ({ rounds, loadsPerRound }: { rounds: number; loadsPerRound: number }, kind = '') =>
  `${rounds * loadsPerRound} ${kind}loads a side, ${rounds} rounds`;

export async function benchPageCost(rows: Row[], servers: Awaited<ReturnType<typeof startFixtureServers>>): Promise<void> {
  const peer = findPeer(PRIVACY_BADGER, peersDir(process.env, REPO));
  if (!peer.found) console.log(peer.reason);
  const sides: CostSide[] = [
    { name: 'with', extensionDir: EXTENSION_DIR },
    { name: 'a', extensionDir: null },
    { name: 'twin', extensionDir: await emptyScriptTwin() },
    { name: 'b', extensionDir: null },
    ...(peer.found ? [{ name: peer.spec.name, extensionDir: peer.dir }] : []),
  ];
  for (const plan of pagePlans()) {
    const samples = await compareSides(sides, servers.http('www.flickr.com', plan.path), plan.settle, plan);
    const of = (name: string) => median(samples.get(name) ?? []);
    const medians = { with: of('with'), a: of('a'), b: of('b'), twin: of('twin'), ...(peer.found ? { peer: of(peer.spec.name) } : {}) };
    const loads = loadsLabel(plan);
    rows.push(...pageCostRows(plan.label, plan.kind, medians, loads, peer.found ? peer.spec.label : undefined));
    if (plan.kind === 'near-empty') {
      // The same share measured on our scripts alone (a trace of each load), with a second twin for its A/A.
      const twin = sides.find((side) => side.name === 'twin')!;
      const traced = await compareSides(
        [sides[0]!, twin, { name: 'twin2', extensionDir: twin.extensionDir }],
        servers.http('www.flickr.com', plan.path),
        plan.settle,
        NEAR_EMPTY_TRACED,
        scriptEvaluationTime,
      );
      const ofTraced = (name: string) => median(traced.get(name) ?? []);
      rows.push(scriptTimeRow(plan.label, { with: ofTraced('with'), twin: ofTraced('twin'), twin2: ofTraced('twin2') }, loadsLabel(NEAR_EMPTY_TRACED, 'traced ')));
    }
  }
  await benchFramedPage(rows, servers, sides[0]!, sides.find((side) => side.name === 'twin')!);
}

/** The frames of framed.html: the page, four ad frames and one frame of its own. */
const FRAMED_PAGE_FRAMES = 6;

/** A short article carrying four ad frames (framed.html), traced: what our scripts cost over all its frames, and
 *  how many of them they ran in. */
async function benchFramedPage(rows: Row[], servers: Awaited<ReturnType<typeof startFixtureServers>>, ours: CostSide, twin: CostSide) {
  const url = servers.http('www.flickr.com', '/bench/framed.html');
  const traced = await compareSides([ours, twin, { name: 'twin2', extensionDir: twin.extensionDir }], url, loaded, FRAMED_TRACED, scriptEvaluationTime);
  const frames = await compareSides([ours], url, loaded, { rounds: 1, loadsPerRound: 1 }, framesWithOurScripts);
  const ofTraced = (name: string) => median(traced.get(name) ?? []);
  const counts = { ours: frames.get(ours.name)?.[0] ?? 0, all: FRAMED_PAGE_FRAMES };
  rows.push(framedPageRow('article with four ad frames', { with: ofTraced('with'), twin: ofTraced('twin'), twin2: ofTraced('twin2') }, counts, loadsLabel(FRAMED_TRACED, 'traced ')));
}
