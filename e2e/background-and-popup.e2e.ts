import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { photo } from './support/bench';
import { badgeOf, launchWithExtension, openPopupFor, setSettings, stopServiceWorker, tabIdOf, warningIn, type ExtensionBrowser } from './support/browser';
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
  for (const open of browser.context.pages()) if (open !== page) await open.close();
  await page?.close();
});

async function uploadOnFlickr(): Promise<number> {
  await page.goto(servers.http('www.flickr.com', '/upload.html'));
  await page.setInputFiles('#at-load', [photo('beach.jpg'), photo('second.jpg')]);
  await expect.poll(() => warningIn(page).count()).toBe(1);
  return tabIdOf(browser, page);
}

describe('toolbar badge', () => {
  it('shows the level of the last upload in the tab', async () => {
    const tabId = await uploadOnFlickr();
    await expect.poll(() => badgeOf(browser, tabId)).toBe('V.Hi');
  });

  it('stays while the person moves within the site', async () => {
    const tabId = await uploadOnFlickr();
    await page.goto(servers.http('www.flickr.com', '/index.html'));
    await expect.poll(() => badgeOf(browser, tabId)).toBe('V.Hi');
  });

  it('clears when the tab goes to another site', async () => {
    const tabId = await uploadOnFlickr();
    await page.goto(servers.http('www.okcupid.com', '/index.html'));
    await expect.poll(() => badgeOf(browser, tabId)).toBe('');
    const popup = await openPopupFor(browser, tabId);
    await expect(popup.getByTestId('site-name').textContent()).resolves.toBe('OkCupid');
    await expect(popup.getByTestId('no-upload').isVisible()).resolves.toBe(true);
  });
});

describe('popup', () => {
  it('explains the last upload in the tab: site, level, reasons and actions', async () => {
    const tabId = await uploadOnFlickr();
    const popup = await openPopupFor(browser, tabId);
    await expect(popup.getByTestId('site-name').textContent()).resolves.toBe('Flickr');
    await expect(popup.getByTestId('site-category').textContent()).resolves.toBe('Photo sharing');
    await expect(popup.getByTestId('level').textContent()).resolves.toBe('Chance of an afterlife: Very high');
    await expect(popup.getByTestId('summary').textContent()).resolves.toContain('Flickr');
    await expect(popup.locator('[data-factor="site-datasets"]').textContent()).resolves.toMatch(/Photos from Flickr have already been copied into \d+ known/);
    expect(await popup.locator('[data-action="site-opt-out"]').count()).toBeGreaterThan(0);
    await expect(popup.getByTestId('last-upload').textContent()).resolves.toContain('2 photo(s)');
  });

  it('survives the service worker being stopped and restarted', async () => {
    const tabId = await uploadOnFlickr();
    await stopServiceWorker(browser);
    const popup = await openPopupFor(browser, tabId);
    await expect(popup.getByTestId('level').getAttribute('data-level')).resolves.toBe('very-high');
    await expect.poll(() => badgeOf(browser, tabId)).toBe('V.Hi');
  });

  it('says whose facts count, and folds the facts for other regions under Elsewhere', async () => {
    // TikTok's US terms let it train on uploads: a fact for people in the US only.
    const usTraining = (popup: Page) => popup.locator('[data-testid="terms"] li[data-topic="ai-training"][data-where="us"]');
    const elsewhereTraining = (popup: Page) => popup.locator('[data-testid="elsewhere"] li[data-topic="ai-training"][data-where="us"]');
    await setSettings(browser, { country: 'US-IL' });
    await page.goto(servers.https('www.tiktok.com', '/index.html'));
    const tabId = await tabIdOf(browser, page);
    let popup = await openPopupFor(browser, tabId);
    await expect(popup.getByTestId('place').textContent()).resolves.toMatch(/^Facts for: United States – Illinois \(United States, Illinois\)/);
    expect(await usTraining(popup).count()).toBe(1);
    expect(await elsewhereTraining(popup).count()).toBe(0);
    await popup.close();

    await setSettings(browser, { country: 'DE' });
    popup = await openPopupFor(browser, tabId);
    await expect(popup.getByTestId('place').textContent()).resolves.toMatch(/^Facts for: Germany \(EU\/EEA\)/);
    expect(await usTraining(popup).count()).toBe(0);
    const elsewhere = popup.getByTestId('elsewhere');
    expect(await elsewhere.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    await elsewhere.locator('summary').click();
    await expect(elsewhereTraining(popup).textContent()).resolves.toMatch(/only in United States/);
    await popup.close();
  });

  it('levels an upload for the person\'s region: TikTok is very high in the US, high in Germany', async () => {
    for (const [country, level] of [['US', 'very-high'], ['DE', 'high']] as const) {
      await setSettings(browser, { country });
      await page.goto(servers.https('www.tiktok.com', '/upload.html'));
      await page.setInputFiles('#at-load', photo('beach.jpg'));
      await expect.poll(() => warningIn(page).getAttribute('data-afterlife-level')).toBe(level);
    }
  });

  it('on a site not in the rules, before any upload, says unknown is not safe', async () => {
    await page.goto(servers.http('blog.example-photos.test', '/index.html'));
    const popup = await openPopupFor(browser, await tabIdOf(browser, page));
    await expect(popup.getByTestId('site-name').textContent()).resolves.toBe('blog.example-photos.test');
    await expect(popup.getByTestId('no-upload').textContent()).resolves.toMatch(/not a safe site/);
  });

  it('lets the person un-mute a muted site', async () => {
    await setSettings(browser, { mutedSites: ['flickr'] });
    await page.goto(servers.http('www.flickr.com', '/upload.html'));
    const popup = await openPopupFor(browser, await tabIdOf(browser, page));
    await popup.getByRole('button', { name: 'Warn me again on this site' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Warn me again on this site' }).count()).toBe(0);
    await page.setInputFiles('#at-load', photo('beach.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
  });
});
