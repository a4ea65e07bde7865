import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { photo } from './support/bench';
import { badgeOf, launchWithExtension, mutedSites, openPopupFor, setSettings, tabIdOf, warningIn, type ExtensionBrowser } from './support/browser';
import { startFixtureServers, type FixtureServers } from './support/server';

let servers: FixtureServers;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  servers = await startFixtureServers();
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  await servers?.close();
});
beforeEach(async () => {
  await setSettings(browser, {});
  page = await browser.context.newPage();
});
afterEach(async () => {
  for (const open of browser.context.pages()) await open.close();
});

describe('hostile pages', () => {
  it('swallowing listeners registered first and tampered prototypes do not hide an upload', async () => {
    await page.goto(servers.http('www.flickr.com', '/hostile-page.html'));
    await page.setInputFiles('#photo', photo('beach.jpg'));
    await expect.poll(async () => badgeOf(browser, await tabIdOf(browser, page))).toBe('V.Hi');
  });

  it('a page that hides the warning with CSS and removes it once does not get rid of it', async () => {
    await page.goto(servers.http('www.flickr.com', '/hostile-styles.html'));
    await page.setInputFiles('#photo', photo('beach.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    await page.waitForTimeout(300);
    expect(await warningIn(page).count()).toBe(1);
    expect(await warningIn(page).getAttribute('data-afterlife-site')).toBe('flickr');
    expect(await warningIn(page).getAttribute('hidden')).toBeNull();
    await expect(warningIn(page).getByRole('button', { name: 'Why?' }).isVisible()).resolves.toBe(true);
  });

  it('a page that keeps removing the warning gets the explanation opened beside it instead', async () => {
    await page.goto(servers.http('www.flickr.com', '/warning-remover.html'));
    const explanation = browser.context.waitForEvent('page');
    await page.setInputFiles('#photo', photo('beach.jpg'));
    const opened = await explanation;
    await opened.getByTestId('level').waitFor();
    await expect(opened.getByTestId('site-name').textContent()).resolves.toBe('Flickr');
    expect(await badgeOf(browser, await tabIdOf(browser, page))).toBe('V.Hi');
  });

  it('a strict CSP with Trusted Types does not stop the warning or its styles', async () => {
    await page.goto(servers.http('www.flickr.com', '/strict-csp.html'));
    await page.setInputFiles('#photo', photo('beach.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    const box = await warningIn(page).locator('section').boundingBox();
    expect(box?.width).toBeGreaterThan(250); // styled: the card has its width, not an unstyled line of text
    await expect(warningIn(page).getByRole('button', { name: 'Why?' }).isVisible()).resolves.toBe(true);
  });

  it('forged events and messages cannot fake an upload, mute the site or change settings', async () => {
    await page.goto(servers.http('www.flickr.com', '/forger.html'));
    await page.evaluate(() => (window as unknown as { forge(): void }).forge());
    await page.waitForTimeout(500);
    expect(await warningIn(page).count()).toBe(0);
    expect(await badgeOf(browser, await tabIdOf(browser, page))).toBe('');
    expect(await mutedSites(browser)).toEqual([]);
  });

  it('text from the photo and the rules appears as text, never as markup', async () => {
    await page.goto(servers.http('www.flickr.com', '/upload.html'));
    await page.setInputFiles('#at-load', photo('meta/html-creator.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    await expect(warningIn(page).locator('.found').textContent()).resolves.toContain('the name "<img src=x onerror="window.pwned=1">Alex"');
    expect(await warningIn(page).locator('img').count()).toBe(0);
    const popup = await openPopupFor(browser, await tabIdOf(browser, page));
    await popup.getByTestId('level').waitFor();
    expect(await popup.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });
});

describe('state under stress', () => {
  it('two tabs uploading at once keep their own assessments', async () => {
    await setSettings(browser, { interruptFrom: 'low' });
    const other = await browser.context.newPage();
    await Promise.all([page.goto(servers.http('www.flickr.com', '/upload.html')), other.goto(servers.http('www.okcupid.com', '/upload.html'))]);
    await Promise.all([page.setInputFiles('#at-load', photo('beach.jpg')), other.setInputFiles('#at-load', photo('second.jpg'))]);
    await expect.poll(() => warningIn(page).count()).toBe(1);
    await expect.poll(() => warningIn(other).count()).toBe(1);
    expect(await warningIn(page).getAttribute('data-afterlife-site')).toBe('flickr');
    expect(await warningIn(other).getAttribute('data-afterlife-site')).toBe('okcupid');
    const [flickrPopup, okcupidPopup] = await Promise.all([openPopupFor(browser, await tabIdOf(browser, page)), openPopupFor(browser, await tabIdOf(browser, other))]);
    await expect(flickrPopup.getByTestId('site-name').textContent()).resolves.toBe('Flickr');
    await expect(okcupidPopup.getByTestId('site-name').textContent()).resolves.toBe('OkCupid');
  });

  it('a full session storage does not stop the warning', async () => {
    const worker = await browser.worker();
    // Fill session storage to its quota with one big value per key until the browser refuses.
    await worker.evaluate(async () => {
      const chunk = 'x'.repeat(512 * 1024);
      for (let index = 0; index < 64; index++) {
        try {
          await chrome.storage.session.set({ [`filler:${index}`]: chunk });
        } catch {
          return;
        }
      }
    });
    await page.goto(servers.http('www.flickr.com', '/upload.html'));
    await page.setInputFiles('#at-load', photo('beach.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    await worker.evaluate(() => chrome.storage.session.clear());
  });

  it('the service worker stopped in the middle of an upload still gives a warning', async () => {
    await page.goto(servers.http('www.flickr.com', '/upload.html'));
    const cdpPage = await browser.context.newPage();
    await cdpPage.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
    const cdp = await browser.context.newCDPSession(cdpPage);
    await cdp.send('ServiceWorker.enable');
    // Choose the photo and stop every worker at once, so the assessment is cut off wherever it has got to.
    await Promise.all([page.setInputFiles('#at-load', photo('beach.jpg')), cdp.send('ServiceWorker.stopAllWorkers')]);
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => warningIn(page).count(), { timeout: 10_000 }).toBe(1);
    expect(await warningIn(page).getAttribute('data-afterlife-site')).toBe('flickr');
  });

  it('corrupt stored settings and records fall back without breaking uploads or the popup', async () => {
    const worker = await browser.worker();
    await page.goto(servers.http('www.flickr.com', '/upload.html'));
    const tabId = await tabIdOf(browser, page);
    await worker.evaluate(async (id) => {
      await chrome.storage.sync.set({ settings: 'not an object' });
      await chrome.storage.session.set({ [`tab:${id}`]: { broken: true } });
      await chrome.storage.local.set({ rulesUpdate: '{"payload":"garbage"', rulesUpdateStatus: 42 });
    }, tabId);
    const popup = await openPopupFor(browser, tabId);
    await expect(popup.getByTestId('site-name').textContent()).resolves.toBe('Flickr');
    await page.setInputFiles('#at-load', photo('beach.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    expect(await warningIn(page).getAttribute('data-afterlife-level')).toBe('very-high');
  });
});
