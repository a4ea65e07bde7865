import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { photo } from './support/bench';
import { launchWithExtension, setSettings, warningIn, type ExtensionBrowser } from './support/browser';
import { startFixtureServers, type FixtureServers } from './support/server';

interface Received {
  name: string;
  exif: boolean;
  serial: boolean;
  creator: boolean;
  pixels: string;
}

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
  page = await browser.context.newPage();
  // Shutterstock is high (public, licenses uploads to AI companies): a photo's location and serial make it very high,
  // and cleaning brings it back.
  await page.goto(servers.https('www.shutterstock.com', '/clean-check.html'));
});
afterEach(async () => {
  await page?.close();
  await setSettings(browser, {});
});

const received = () => page.evaluate(() => (window as unknown as { received: Received[] }).received);
const originalPixels = (name: string) => page.evaluate((file) => (window as unknown as { digestOf(url: string): Promise<string> }).digestOf(`/photos/meta/${file}`), name);

describe('removing location and camera data before the site gets the photo', () => {
  it('"Remove location and camera data" gives the page a cleaned copy with the same pixels', async () => {
    await setSettings(browser, {});
    await page.setInputFiles('#photo', photo('meta/gps-camera.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    expect(await warningIn(page).getAttribute('data-afterlife-level')).toBe('very-high');
    await expect.poll(async () => (await received()).length).toBe(1);
    expect((await received())[0]).toMatchObject({ exif: true, serial: true });

    await warningIn(page).getByRole('button', { name: 'Remove location and camera data' }).click();
    await expect.poll(async () => (await received()).length).toBe(2);
    const [before, after] = await received();
    expect(after).toMatchObject({ name: 'gps-camera.jpg', exif: false, serial: false, creator: false });
    expect(after?.pixels).toBe(before?.pixels);
    expect(after?.pixels).toBe(await originalPixels('gps-camera.jpg'));
    await expect.poll(() => warningIn(page).getAttribute('data-afterlife-level')).toBe('high');
    await expect(warningIn(page).locator('.found').textContent()).resolves.toContain('Removed the location and camera data from 1 photo(s)');
  });

  it('"Mark it not for AI training" gives the page a copy carrying an IPTC Data Mining reservation, same pixels, and says what it does not do', async () => {
    await page.setInputFiles('#photo', photo('meta/gps-camera.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    await expect.poll(async () => (await received()).length).toBe(1);
    expect((await received())[0]).toMatchObject({ reserved: false });

    await warningIn(page).getByRole('button', { name: 'Mark it not for AI training' }).click();
    await expect.poll(async () => (await received()).length).toBe(2);
    const [before, after] = await received();
    expect(after).toMatchObject({ name: 'gps-camera.jpg', reserved: true, exif: true });
    expect(after?.pixels).toBe(before?.pixels);
    await expect(warningIn(page).locator('.found').last().textContent()).resolves.toMatch(/^Wrote "no AI or machine-learning training" into 1 photo\(s\).*sites that remove metadata, lose it\.$/);
    await expect(warningIn(page).locator('.found').first().textContent()).resolves.toContain('a reservation written into the file: no AI or machine-learning training');
    // Once the photo carries it, it is not offered again.
    expect(await warningIn(page).getByRole('button', { name: 'Mark it not for AI training' }).count()).toBe(0);
  });

  it.each([
    ['a PNG', 'cc-by-nc.png'],
    ['a WebP', 'gps-camera.webp'],
  ])('reserves %s too: the copy carries the reservation in its XMP, same pixels', async (_, file) => {
    await page.setInputFiles('#photo', photo(`meta/${file}`));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    await expect.poll(async () => (await received()).length).toBe(1);
    await warningIn(page).getByRole('button', { name: 'Mark it not for AI training' }).click();
    await expect.poll(async () => (await received()).length).toBe(2);
    const [before, after] = await received();
    expect(after).toMatchObject({ name: file, reserved: true });
    expect(after?.pixels).toBe(before?.pixels);
  });

  it('combines with cleaning: clean first, then reserve, and the copy has neither location nor camera data but the reservation', async () => {
    await page.setInputFiles('#photo', photo('meta/gps-camera.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    await warningIn(page).getByRole('button', { name: 'Remove location and camera data' }).click();
    await expect.poll(async () => (await received()).length).toBe(2);
    await warningIn(page).getByRole('button', { name: 'Mark it not for AI training' }).click();
    await expect.poll(async () => (await received()).length).toBe(3);
    expect((await received())[2]).toMatchObject({ exif: false, serial: false, creator: false, reserved: true });
    expect((await received())[2]?.pixels).toBe((await received())[0]?.pixels);
  });

  // The setting is read at the person's first step on the page (a click, a key, a drag), not when it loads.
  it('"Always clean" cleans before the page\'s own code sees the file', async () => {
    await setSettings(browser, { alwaysClean: true });
    await page.reload();
    await page.locator('h1').click();
    await page.setInputFiles('#photo', photo('meta/gps-camera.jpg'));
    await expect.poll(async () => (await received()).length).toBe(1);
    expect((await received())[0]).toMatchObject({ exif: false, serial: false, creator: false });
    expect((await received())[0]?.pixels).toBe(await originalPixels('gps-camera.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    expect(await warningIn(page).getAttribute('data-afterlife-level')).toBe('high');
    expect(await received()).toHaveLength(1);
  });

  it('"Always clean" also cleans files that arrive before any click or key press on the page', async () => {
    await setSettings(browser, { alwaysClean: true });
    await page.reload();
    await page.setInputFiles('#photo', photo('meta/gps-camera.jpg'));
    await expect.poll(async () => (await received()).length).toBe(1);
    expect((await received())[0]).toMatchObject({ exif: false, serial: false, creator: false });
    await expect.poll(() => warningIn(page).count()).toBe(1);
    expect(await warningIn(page).getAttribute('data-afterlife-level')).toBe('high');
    expect(await received()).toHaveLength(1);
  });

  it('"Always clean" cleans a photo chosen in an input inside a shadow root', async () => {
    await setSettings(browser, { alwaysClean: true });
    await page.reload();
    await page.locator('#shadow-host #shadow-photo').setInputFiles(photo('meta/gps-camera.jpg'));
    await expect.poll(async () => (await received()).length).toBe(1);
    expect((await received())[0]).toMatchObject({ exif: false, serial: false, creator: false });
    await expect.poll(() => warningIn(page).count()).toBe(1);
    expect(await received()).toHaveLength(1);
  });

  it('follows "Always clean" being switched on and off while the page is open', async () => {
    await page.keyboard.press('Tab');
    await setSettings(browser, { alwaysClean: true });
    await page.setInputFiles('#photo', photo('meta/gps-camera.jpg'));
    await expect.poll(async () => (await received()).length).toBe(1);
    expect((await received())[0]).toMatchObject({ exif: false, serial: false });

    await setSettings(browser, { alwaysClean: false });
    await page.setInputFiles('#photo', photo('meta/gps-camera.jpg'));
    await expect.poll(async () => (await received()).length).toBe(2);
    expect((await received())[1]).toMatchObject({ exif: true, serial: true });
  });

  it('keeps a rotated photo upright: the orientation survives cleaning', async () => {
    await setSettings(browser, { alwaysClean: true });
    await page.reload();
    await page.setInputFiles('#photo', photo('meta/rotated-gps.jpg'));
    await expect.poll(async () => (await received()).length).toBe(1);
    const [cleaned] = await received();
    expect(cleaned?.exif).toBe(false);
    expect(cleaned?.pixels).toBe(await originalPixels('rotated-gps.jpg'));
    expect(cleaned?.pixels.startsWith('90x120:')).toBe(true); // 120x90 turned upright by its orientation
  });
});
