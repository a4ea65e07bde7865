import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photo } from './support/bench';
import { launchWithExtension, openPopupFor, tabIdOf, warningIn, type ExtensionBrowser } from './support/browser';
import { startLoggingProxy } from './support/logging-proxy';
import { startFixtureServers, type FixtureServers } from './support/server';

let servers: FixtureServers;
let proxy: Awaited<ReturnType<typeof startLoggingProxy>>;
let browser: ExtensionBrowser;

beforeAll(async () => {
  servers = await startFixtureServers();
  proxy = await startLoggingProxy(servers);
  browser = await launchWithExtension({ proxy: proxy.server });
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await servers?.close();
});

describe('privacy: nothing leaves the device', () => {
  it('a full run of uploads, popup, settings and demo sends nothing but the pages the person opened', async () => {
    const page = await browser.context.newPage();
    const pagesOpened = new Set<string>();
    page.on('request', (request) => pagesOpened.add(request.url()));

    // Uploads: a photo with location and camera details, chosen and then dropped.
    await page.goto(`http://www.flickr.com:${servers.httpPort}/upload.html`);
    await page.setInputFiles('#at-load', photo('meta/gps-camera.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    await page.goto(`http://www.flickr.com:${servers.httpPort}/photo-share.html`);
    const chooser = page.waitForEvent('filechooser');
    await page.click('#choose');
    await (await chooser).setFiles([photo('meta/cc-by.jpg'), photo('beach.jpg')]);
    await expect.poll(() => warningIn(page).count()).toBe(1);

    // The explanation, the settings (with an update check, which has no address in this build) and the demo.
    const popup = await openPopupFor(browser, await tabIdOf(browser, page));
    await popup.getByTestId('timeline').waitFor();
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.getByRole('button', { name: 'Check for updates now' }).click();
    await expect.poll(() => options.getByTestId('last-check').textContent()).toContain('no update address');
    const demo = await browser.context.newPage();
    await demo.goto(`chrome-extension://${browser.extensionId}/src/demo/index.html#photo`);
    const stage = await (await demo.getByTestId('stage').elementHandle())?.contentFrame();
    await stage?.getByRole('button', { name: 'Portrait', exact: true }).click();
    if (stage) await expect.poll(() => warningIn(stage).count()).toBe(1);
    await page.waitForTimeout(500);

    // Everything that crossed the network went through the proxy: only the page loads the test itself made. Chromium's
    // own update and safety services (Google hosts, over TLS) talk regardless of extensions, and are set aside.
    const browserOwn = (url: string) => /^https?:\/\/([^/:]*\.)?(googleapis|google|gstatic|gvt1)\.com(:\d+)?(\/|$)/.test(url);
    const logged = proxy.log.map((entry) => entry.url).filter((url) => !browserOwn(url));
    expect(logged.length).toBeGreaterThan(0);
    for (const url of logged) expect(pagesOpened.has(url) || url.endsWith('/favicon.ico'), `unexpected request ${url}`).toBe(true);
    expect(proxy.log.filter((entry) => !browserOwn(entry.url)).every((entry) => entry.method === 'GET')).toBe(true);

    // And no request, from any context, carried a photo's bytes.
    for (const name of ['meta/gps-camera.jpg', 'meta/cc-by.jpg', 'beach.jpg']) {
      const bytes = await readFile(photo(name));
      const sample = bytes.subarray(20, 84);
      for (const entry of proxy.log) expect(entry.body.includes(sample), `${name} in ${entry.url}`).toBe(false);
    }
  });
});
