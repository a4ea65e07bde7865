import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectPageReceived, photo } from './support/bench';
import { badgeOf, launchWithExtension, mutedSites, setSettings, tabIdOf, warningIn, type ExtensionBrowser } from './support/browser';
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
  // Interrupt on every level so that sites not in the rules (medium by default) show the warning too.
  await setSettings(browser, { interruptFrom: 'low' });
  page = await browser.context.newPage();
});
afterEach(async () => {
  await page?.close();
});

async function uploadOn(host: string): Promise<void> {
  await page.goto(servers.http(host, '/upload.html'));
  await page.setInputFiles('#at-load', photo('beach.jpg'));
  await expect.poll(() => warningIn(page).count()).toBe(1);
}

describe('site recognition', () => {
  it.each([
    ['www.flickr.com', 'flickr'],
    ['upload.flickr.com', 'flickr'],
    ['flickr.com', 'flickr'],
    ['www.okcupid.com', 'okcupid'],
    ['flickr.com.evil.test', 'unknown'],
    ['notflickr.com', 'unknown'],
    ['blog.example-photos.test', 'unknown'],
  ])('an upload on %s is assessed as %s', async (host, site) => {
    await uploadOn(host);
    expect(await warningIn(page).getAttribute('data-afterlife-site')).toBe(site);
  });

  it('calls a site not in the rules medium, not safe', async () => {
    await uploadOn('notflickr.com');
    expect(await warningIn(page).getAttribute('data-afterlife-level')).toBe('medium');
  });
});

describe('the in-page warning', () => {
  it('shows the level and a reason, and is announced without taking focus', async () => {
    await page.goto(servers.http('www.flickr.com', '/upload.html'));
    await page.focus('#at-load');
    await page.setInputFiles('#at-load', photo('beach.jpg'));
    const warning = warningIn(page);
    await expect.poll(() => warning.count()).toBe(1);
    await expect(warning.locator('[role=alert]').textContent()).resolves.toMatch(/Very high chance of an afterlife as training data/);
    await expect(warning.locator('.reason').textContent()).resolves.toMatch(/Flickr/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('at-load');
  });

  it('keeps its look whatever the page CSS says', async () => {
    await uploadOn('www.flickr.com');
    await page.addStyleTag({ content: 'div, section, button, p { display: none !important; color: red !important; }' });
    await expect(warningIn(page).locator('button', { hasText: 'Why?' }).isVisible()).resolves.toBe(true);
    expect(await warningIn(page).isVisible()).toBe(true);
  });

  it('is dismissed by its close button', async () => {
    await uploadOn('www.flickr.com');
    await warningIn(page).getByRole('button', { name: 'Dismiss' }).click();
    expect(await warningIn(page).count()).toBe(0);
  });

  it('is dismissed by Escape, reached by keyboard', async () => {
    await uploadOn('www.flickr.com');
    await warningIn(page).getByRole('button', { name: 'Why?' }).focus();
    await page.keyboard.press('Tab');
    expect(await warningIn(page).evaluate((host) => host.shadowRoot?.activeElement?.textContent)).toBe('Not on this site');
    await page.keyboard.press('Escape');
    expect(await warningIn(page).count()).toBe(0);
  });

  it('"Why?" opens the explanation for this tab', async () => {
    await uploadOn('www.flickr.com');
    const explanation = browser.context.waitForEvent('page');
    await warningIn(page).getByRole('button', { name: 'Why?' }).click();
    const opened = await explanation;
    await opened.waitForLoadState();
    expect(opened.url()).toContain(`chrome-extension://${browser.extensionId}/`);
    await expect(opened.getByTestId('site-name').textContent()).resolves.toBe('Flickr');
    await expect(opened.getByTestId('level').getAttribute('data-level')).resolves.toBe('very-high');
    await opened.close();
  });

  it('"Not on this site" mutes the site: later uploads set the badge but do not interrupt', async () => {
    await uploadOn('www.flickr.com');
    await warningIn(page).getByRole('button', { name: 'Not on this site' }).click();
    await expect(warningIn(page).locator('.reason').textContent()).resolves.toMatch(/will not warn you on this site/);
    await expect.poll(() => mutedSites(browser)).toEqual(['flickr']);

    await page.reload();
    await page.setInputFiles('#at-load', photo('second.jpg'));
    await expectPageReceived(page, 'at-load', ['second.jpg']);
    const tabId = await tabIdOf(browser, page);
    await expect.poll(() => badgeOf(browser, tabId)).toBe('V.Hi');
    expect(await warningIn(page).count()).toBe(0);

    // Another site still warns.
    await uploadOn('www.okcupid.com');
  });

  it('does not act on clicks a page script makes inside it', async () => {
    await uploadOn('www.flickr.com');
    await page.evaluate(() => {
      const host = document.querySelector('[data-afterlife="warning"]');
      const mute = [...(host?.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => b.textContent === 'Not on this site');
      mute?.click();
    });
    await page.waitForTimeout(200);
    expect(await mutedSites(browser)).toEqual([]);
    expect(await warningIn(page).count()).toBe(1);
  });

  it('shows nothing but the badge below the chosen threshold', async () => {
    // OkCupid is medium: its one dataset (the Clarifai copy) was deleted under the FTC's order.
    await setSettings(browser, { interruptFrom: 'high' });
    await page.goto(servers.http('www.okcupid.com', '/upload.html'));
    await page.setInputFiles('#at-load', photo('beach.jpg'));
    const tabId = await tabIdOf(browser, page);
    await expect.poll(() => badgeOf(browser, tabId)).toBe('Med');
    expect(await warningIn(page).count()).toBe(0);
  });
});
