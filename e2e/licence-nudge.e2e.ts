import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { photo } from './support/bench';
import { badgeOf, launchWithExtension, openPopupFor, setSettings, tabIdOf, warningIn, type ExtensionBrowser } from './support/browser';
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
  await page.goto(servers.http('www.flickr.com', '/photo-share.html'));
  // Record whether the page's form is ever submitted or the page navigates: the nudge must do neither.
  await page.evaluate(() => {
    (window as unknown as { licenceChanges: string[] }).licenceChanges = [];
    document.getElementById('licence')?.addEventListener('change', (event) => {
      (window as unknown as { licenceChanges: string[] }).licenceChanges.push((event.target as HTMLSelectElement).value);
    });
  });
});
afterEach(async () => {
  await page?.close();
});

async function choosePhoto(): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.click('#choose');
  await (await chooser).setFiles([photo('beach.jpg')]);
}

describe('the page\'s own licence and visibility pickers', () => {
  // Since 2025-06-18 Flickr offers only the 4.0 versions for a new Creative Commons choice (ids 11–16).
  it('reads the licence chosen on the page, CC 4.0 included: CC BY 4.0 is the reason a Flickr upload is very high', async () => {
    await page.selectOption('#licence', '11');
    await choosePhoto();
    await expect.poll(() => warningIn(page).count()).toBe(1);
    expect(await warningIn(page).getAttribute('data-afterlife-level')).toBe('very-high');
    await expect(warningIn(page).locator('.reason').textContent()).resolves.toContain('CC BY 4.0');
    const popup = await openPopupFor(browser, await tabIdOf(browser, page));
    await expect(popup.locator('[data-factor="open-licence"]').textContent()).resolves.toContain('CC BY 4.0');
    await popup.close();
  });

  it('reads a non-commercial 4.0 licence too', async () => {
    await page.selectOption('#licence', '16');
    await choosePhoto();
    await expect.poll(() => warningIn(page).count()).toBe(1);
    const popup = await openPopupFor(browser, await tabIdOf(browser, page));
    await expect(popup.locator('[data-factor="open-licence"]').textContent()).resolves.toContain('CC BY-NC-ND 4.0');
    await popup.close();
  });

  it('offers to switch to All rights reserved, selects it in the page without submitting, and re-assesses', async () => {
    await page.selectOption('#licence', '11');
    const url = page.url();
    await choosePhoto();
    await expect.poll(() => warningIn(page).count()).toBe(1);
    await warningIn(page).getByRole('button', { name: 'Switch to "All rights reserved"' }).click();
    await expect.poll(() => page.inputValue('#licence')).toBe('0');
    expect(await page.evaluate(() => (window as unknown as { licenceChanges: string[] }).licenceChanges)).toEqual(['11', '0']); // the person's choice, then the switch
    // Re-assessed without the open licence: Flickr stays very high (its history, Clearview), but not for the licence.
    await expect.poll(() => warningIn(page).locator('.reason').textContent()).not.toContain('CC BY 4.0');
    expect(await warningIn(page).getAttribute('data-afterlife-level')).toBe('very-high');
    await expect(warningIn(page).locator('.found').textContent()).resolves.toContain('Nothing was submitted');
    expect(await warningIn(page).getByRole('button', { name: 'Switch to "All rights reserved"' }).count()).toBe(0);
    expect(page.url()).toBe(url);
  });

  it('does not offer the switch when the licence is already All rights reserved', async () => {
    await choosePhoto();
    await expect.poll(() => warningIn(page).count()).toBe(1);
    expect(await warningIn(page).getAttribute('data-afterlife-level')).toBe('very-high');
    expect(await warningIn(page).locator('[data-action="switch-licence"]').count()).toBe(0);
  });

  it('reads the visibility chosen on the page: a private upload is low and does not interrupt', async () => {
    await page.selectOption('#privacy', 'private');
    await choosePhoto();
    const tabId = await tabIdOf(browser, page);
    await expect.poll(() => badgeOf(browser, tabId)).toBe('Low');
    expect(await warningIn(page).count()).toBe(0);
  });
});
