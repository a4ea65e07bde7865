/**
 * The CPU time the extension's own content scripts take in one page load, read from a DevTools trace: the thread time
 * of every `EvaluateScript` event (compiling and running a script) whose script is the extension's. Beside the page's
 * whole task time (pageCost), which moves by a millisecond or more between runs on this machine, this
 * shows our scripts alone, so a change of a tenth of a millisecond to them can be seen. What it leaves out is any
 * cost they cause later in the page's own tasks; the page-level figure still holds that. Tracing slows what it
 * traces, so these times are somewhat higher than untraced ones.
 */
import type { BrowserContext, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  tdur?: number;
  args?: { data?: { url?: string } };
}

/** Sum of our scripts' evaluation, CPU ms, from one load's trace events. Pure, for the unit test. */
export function extensionScriptTime(events: readonly TraceEvent[]): number {
  let micros = 0;
  for (const event of events) {
    if (event.name !== 'EvaluateScript' || event.ph !== 'X' || event.tdur === undefined) continue;
    const url = event.args?.data?.url ?? '';
    if (url.startsWith('chrome-extension://')) micros += event.tdur;
  }
  return micros / 1000;
}

/** One page load, traced: the CPU time of the extension's content scripts in it (a measure for compareSides). */
export async function scriptEvaluationTime(context: BrowserContext, url: string, settle: (page: Page) => Promise<void>): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline'] }, transferMode: 'ReportEvents' });
  await page.goto(url);
  await settle(page);
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  return extensionScriptTime(events);
}
