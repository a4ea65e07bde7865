/**
 * One page load's cost to the page, and the browsers to compare it in: shared by `npm run bench` and
 * `npm run bench:compare`.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, CHROMIUM, EXTENSION_DIR } from '../e2e/support/browser';

/**
 * Script and task time of one page load, from the DevTools performance metrics, after the page settles. Measured
 * in the main thread's CPU time ("threadTicks"), not wall-clock time: on two cores the wall-clock time of a task
 * also counts the moments the thread waited for a core while other processes ran, which made two identical
 * browsers differ by up to 11% (A/A 0.89–1.06 with 30 loads a side); CPU time puts that A/A within about 1%.
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
  return (value('ScriptDuration') + value('TaskDuration')) * 1000;
}

/** Headless Chromium with a fresh profile and the given build of the extension, or with no extension at all. */
export async function launchForCost(extensionDir: string | null): Promise<BrowserContext> {
  const profile = await mkdtemp(join(tmpdir(), 'afterlife-cost-'));
  const args = extensionDir ? chromiumArgs(extensionDir) : chromiumArgs(EXTENSION_DIR).filter((arg) => !arg.includes('extension'));
  return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args });
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
