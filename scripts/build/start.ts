/**
 * `npm start`: after the build, opens Chromium with the extension loaded on the trainer demo (offline, through the
 * real detection path), with the upload test bench beside it, served locally under real site names
 * (www.flickr.com…) so its warnings are the real ones. Without a display it prints how to load the extension and
 * open the demo by hand instead.
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, EXTENSION_DIR } from '../../e2e/support/browser';
import { startFixtureServers } from '../../e2e/support/server';

/** Only the demo's host names go to the local server; everything else (sources behind the popup's links) stays
 *  reachable. */
const DEMO_HOSTS = ['www.flickr.com', 'flickr.com', 'www.okcupid.com', 'uploads.widgetcdn.test', 'blog.example-photos.test'];
const DEMO_HOST_RULES = DEMO_HOSTS.map((host) => `MAP ${host} 127.0.0.1`).join(', ');

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

function printManualSteps(reason: string): void {
  console.log(`
Afterlife is built in ${EXTENSION_DIR}
${reason}

Load it by hand in Chromium, Chrome, Edge or Brave:
  1. Open chrome://extensions
  2. Turn on "Developer mode" (top right)
  3. Click "Load unpacked" and choose the folder:
       ${EXTENSION_DIR}
  4. Pin Afterlife from the puzzle-piece menu, then upload a photo on any site.
  5. For the trainer demo: click the Afterlife button, then "Demo for trainers"
     (it works offline; use → and ← to move between steps).

To try the upload test bench locally, run "npm run serve:fixtures" and open the address it prints.
`);
}

async function main(): Promise<void> {
  const executable = CANDIDATES.find((path): path is string => !!path && existsSync(path));
  const hasDisplay = process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
  if (!hasDisplay) return printManualSteps('No display was found (DISPLAY and WAYLAND_DISPLAY are not set), so no browser was opened.');
  if (!executable) return printManualSteps('No Chromium was found (set CHROMIUM_PATH to use another Chromium build).');

  const servers = await startFixtureServers();
  const profile = await mkdtemp(join(tmpdir(), 'afterlife-start-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executable,
    headless: false,
    viewport: null,
    args: chromiumArgs(EXTENSION_DIR, DEMO_HOST_RULES),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const demo = `chrome-extension://${new URL(worker.url()).host}/src/demo/index.html`;
  const bench = servers.http('www.flickr.com', '/upload.html');
  const benchPage = context.pages()[0] ?? (await context.newPage());
  await benchPage.goto(bench);
  const demoPage = await context.newPage();
  await demoPage.goto(demo);
  console.log(`Chromium is open with Afterlife on the trainer demo (${demo})`);
  console.log(`and the upload test bench (${bench}). Close the browser to stop.`);
  await new Promise<void>((done) => context.on('close', () => done()));
  await servers.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
