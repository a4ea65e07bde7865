// temp diagnostic: trace a blank page load per build, sum main-thread event durations by name
import { startFixtureServers } from '../../e2e/support/server';
import { launchForCost, settleExtension } from './page-cost';
const builds = process.argv.slice(2).map((p) => { const [name, dir] = p.split('='); return { name: name!, dir: dir === 'none' ? null : dir! }; });
const servers = await startFixtureServers();
const url = servers.http('www.flickr.com', '/bench/blank.html');
const LOADS = Number(process.env.LOADS ?? 15);
for (const { name, dir } of builds) {
  const b = await launchForCost(dir);
  if (dir) await settleExtension(b.context, dir);
  await new Promise((r) => setTimeout(r, 1500));
  const totals = new Map<string, number[]>();
  for (let i = 0; i < LOADS + 1; i++) {
    const page = await b.context.newPage();
    const cdp = await b.context.newCDPSession(page);
    const events: any[] = [];
    cdp.on('Tracing.dataCollected', (d: any) => events.push(...d.value));
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'blink', 'disabled-by-default-devtools.timeline', 'loading'] }, transferMode: 'ReportEvents' } as any);
    await page.goto(url); await page.waitForLoadState('load');
    await cdp.send('Tracing.end'); await done;
    await page.close();
    if (i === 0) continue;
    const main = events.filter((e) => e.ph === 'X' && e.tdur !== undefined);
    const per = new Map<string, number>();
    for (const e of main) {
      const key = e.name + (e.args?.data?.url ? ' ' + String(e.args.data.url).replace(/^chrome-extension:\/\/[a-p]+/, 'ext:').slice(0, 60) : '');
      per.set(key, (per.get(key) ?? 0) + e.tdur / 1000);
    }
    for (const [k, v] of per) { if (!totals.has(k)) totals.set(k, []); totals.get(k)!.push(v); }
  }
  await b.close();
  const med = (a: number[]) => { const s = [...a].sort((x, y) => x - y); while (s.length < LOADS) s.unshift(0); return s[Math.floor(s.length / 2)]!; };
  console.log(`== ${name}`);
  for (const [k, v] of [...totals].map(([k, v]) => [k, med(v)] as const).filter(([k, v]) => v >= 0.01 && (k.includes('ext:') || k==='RunTask' || k.startsWith('v8.run') || k.includes('Listener'))).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(3).padStart(8), k);
}
await servers.close();
