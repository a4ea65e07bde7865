import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_PATH_FILE } from '../src/content/upload-path-file';
import { photo } from './support/bench';
import { EXTENSION_DIR, launchWithExtension, setSettings, warningIn, type ExtensionBrowser } from './support/browser';
import { startFixtureServers, type FixtureServers } from './support/server';

// The upload path (reading photos, the warning, cleaning, the face copy) is a module of its own that the content
// script imports on the first file, so that pages which never get one do not even compile it.

let servers: FixtureServers;
let browser: ExtensionBrowser;

beforeAll(async () => {
  servers = await startFixtureServers();
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await servers?.close();
});
afterEach(async () => {
  for (const open of browser.context.pages()) await open.close();
  await setSettings(browser, {});
});

/** The extension scripts V8 parses in a page (its main world and the content scripts' world), by file. */
async function watchExtensionScripts(page: Page): Promise<string[]> {
  const parsed: string[] = [];
  const cdp = await browser.context.newCDPSession(page);
  cdp.on('Debugger.scriptParsed', ({ url }) => {
    if (url.startsWith('chrome-extension://')) parsed.push(new URL(url).pathname.slice(1));
  });
  await cdp.send('Debugger.enable');
  return parsed;
}

describe('the upload path is loaded with the first file', () => {
  it('a page nobody acts on runs only the two small content scripts; the first step adds the watchers of sent photos; the first photo loads the rest once', async () => {
    const page = await browser.context.newPage();
    const parsed = await watchExtensionScripts(page);
    await page.goto(servers.http('www.flickr.com', '/clean-check.html'));
    await page.waitForTimeout(300);
    expect(parsed.filter((file) => file.startsWith('src/')).sort()).toEqual(['src/content/index.iife.js', 'src/main-world/hook.iife.js']);
    await page.click('h1'); // a first step on the page: the hook wraps click(), "always clean" is read, the watchers come
    await page.waitForTimeout(300);
    expect(parsed.filter((file) => file.startsWith('src/')).sort()).toEqual(['src/content/index.iife.js', 'src/main-world/hook.iife.js', 'src/main-world/senders.js']);

    await page.setInputFiles('#photo', photo('beach.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    await page.setInputFiles('#photo', photo('meta/gps-camera.jpg'));
    await expect.poll(() => page.evaluate(() => (window as unknown as { received: unknown[] }).received.length)).toBe(2);
    expect(parsed.filter((file) => file === UPLOAD_PATH_FILE)).toHaveLength(1);
  });

  it('the page can neither load the module at its fixed address nor learn its address from an upload', async () => {
    const page = await browser.context.newPage();
    await page.goto(servers.http('www.flickr.com', '/clean-check.html'));
    const loads = (url: string) =>
      page.evaluate(
        (src) =>
          new Promise<boolean>((done) => {
            const script = document.createElement('script');
            script.type = 'module';
            script.src = src;
            script.onload = () => done(true);
            script.onerror = () => done(false);
            document.head.append(script);
          }),
        url,
      );
    const fixedAddress = `chrome-extension://${browser.extensionId}/${UPLOAD_PATH_FILE}`;
    expect(await loads(fixedAddress)).toBe(false);

    await page.setInputFiles('#photo', photo('beach.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    const seen = await page.evaluate(() => performance.getEntries().map((entry) => entry.name));
    expect(seen.filter((name) => name.startsWith('chrome-extension:'))).toEqual([]);
    expect(await loads(fixedAddress)).toBe(false);
  });
});

describe('a build whose upload path cannot be loaded', () => {
  let broken: ExtensionBrowser | undefined;
  let brokenDir: string | undefined;
  afterAll(async () => {
    await broken?.close();
    if (brokenDir) await rm(brokenDir, { recursive: true, force: true });
  });

  it('still lets "always clean" hand the page its photo, unchanged rather than lost', async () => {
    brokenDir = await mkdtemp(join(tmpdir(), 'afterlife-no-upload-path-'));
    await cp(EXTENSION_DIR, brokenDir, { recursive: true });
    await rm(join(brokenDir, UPLOAD_PATH_FILE));
    broken = await launchWithExtension({ extensionDir: brokenDir });
    await setSettings(broken, { alwaysClean: true });
    const page = await broken.context.newPage();
    await page.goto(servers.http('www.flickr.com', '/clean-check.html'));
    await page.click('h1');
    await page.setInputFiles('#photo', photo('meta/gps-camera.jpg'));
    await expect.poll(() => page.evaluate(() => (window as unknown as { received: Array<{ name: string; exif: boolean }> }).received)).toEqual([
      expect.objectContaining({ name: 'gps-camera.jpg', exif: true }),
    ]);
    expect(await warningIn(page).count()).toBe(0);
  });
});
