/**
 * The CPU time the extension's own content scripts take in one page load, in all its frames, read from a DevTools
 * trace: the thread time of every `EvaluateScript` event (compiling and running a script at injection) and every
 * `FunctionCall` event (a listener, timer or callback of the script called later in the load) whose script is an
 * extension's. Beside the page's whole task time (pageCost), which moves by a millisecond or more between runs on
 * this machine, this shows the scripts alone, so a change of a tenth of a millisecond to them can be seen, and the
 * same measure of a peer extension's scripts can be set beside ours. What it leaves out is any cost they cause in the
 * page's own tasks (a slower DOM, say); the page-level figure still holds that. Tracing slows what it traces, so these
 * times are somewhat higher than untraced ones.
 */
import type { BrowserContext, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  /** Start and wall-clock length, µs: what nesting is judged by. */
  ts?: number;
  dur?: number;
  /** Thread (CPU) time, µs: what is summed. */
  tdur?: number;
  pid?: number;
  tid?: number;
  args?: { data?: { url?: string; frame?: string } };
}

const SCRIPT_WORK = new Set(['EvaluateScript', 'FunctionCall']);

const isExtensionScript = (event: TraceEvent): boolean => (event.args?.data?.url ?? '').startsWith('chrome-extension://');

const isOurEvaluation = (event: TraceEvent): boolean => event.name === 'EvaluateScript' && event.ph === 'X' && isExtensionScript(event);

/**
 * Sum of the extension scripts' work, CPU ms, from one load's trace events. An event inside another one counted on
 * the same thread (our listener dispatching an event another of our listeners handles) is part of it, so only the
 * outermost count. Pure, for the unit test.
 */
export function extensionScriptTime(events: readonly TraceEvent[]): number {
  const work = events
    .filter((event) => SCRIPT_WORK.has(event.name) && event.ph === 'X' && event.tdur !== undefined && isExtensionScript(event))
    .sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
  const countedUntil = new Map<string, number>();
  let micros = 0;
  for (const event of work) {
    const thread = `${event.pid ?? ''}:${event.tid ?? ''}`;
    const start = event.ts ?? 0;
    if (start < (countedUntil.get(thread) ?? Number.NEGATIVE_INFINITY)) continue;
    countedUntil.set(thread, start + Math.max(0, event.dur ?? 0));
    micros += event.tdur!;
  }
  return micros / 1000;
}

/** How many frames of one load our scripts ran in (the trace covers every process, so frames of other sites too). */
export function extensionScriptFrames(events: readonly TraceEvent[]): number {
  return new Set(events.filter(isOurEvaluation).map((event) => event.args?.data?.frame ?? '')).size;
}

/** One page load, traced with the DevTools timeline categories: every event of every process it involved. */
async function traceLoad(context: BrowserContext, url: string, settle: (page: Page) => Promise<void>): Promise<TraceEvent[]> {
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
  return events;
}

/** One page load, traced: the CPU time of the extension's content scripts in it, in all its frames (a measure for
 *  compareSides). */
export async function extensionScriptCpuTime(context: BrowserContext, url: string, settle: (page: Page) => Promise<void>): Promise<number> {
  return extensionScriptTime(await traceLoad(context, url, settle));
}

/** One page load, traced: how many of its frames the extension's content scripts ran in. */
export async function framesWithOurScripts(context: BrowserContext, url: string, settle: (page: Page) => Promise<void>): Promise<number> {
  return extensionScriptFrames(await traceLoad(context, url, settle));
}
