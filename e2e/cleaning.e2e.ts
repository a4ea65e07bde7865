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
  reserved: boolean;
  /** The IPTC Data Mining term the received file carries, and its XMP packet's text. */
  dataMining: string | null;
  xmp: string;
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
    await expect
      .poll(() => warningIn(page).locator('.found').last().textContent())
      .toMatch(/^Wrote "no AI or machine-learning training" into 1 photo\(s\).*scrapers that ignore it do not\. .*Shutterstock.* the copies it shows/);
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

  it('the other way round too: cleaning after marking keeps the reservation the person asked for', async () => {
    await page.setInputFiles('#photo', photo('meta/gps-camera.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    await warningIn(page).getByRole('button', { name: 'Mark it not for AI training' }).click();
    await expect.poll(async () => (await received()).length).toBe(2);
    await warningIn(page).getByRole('button', { name: 'Remove location and camera data' }).click();
    await expect.poll(async () => (await received()).length).toBe(3);
    expect((await received())[2]).toMatchObject({ exif: false, serial: false, creator: false, dataMining: 'DMI-PROHIBITED-AIMLTRAINING' });
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

describe('marking photos not for AI training, as chosen in the settings', () => {
  const openOptions = async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    return options;
  };

  it('writes the reservation, name and copyright line the person chose, and marks every photo once asked to', async () => {
    const options = await openOptions();
    await options.getByRole('radio', { name: 'no data mining at all' }).check();
    await expect(options.getByRole('status').textContent()).resolves.toBe('Saved.');
    await options.getByLabel("Your name as the photo's creator (optional)").fill('Robin Réservé');
    await options.getByLabel('Copyright line (optional), e.g. © 2026 Your Name').fill('© 2026 Robin Réservé');
    await options.getByLabel('Copyright line (optional), e.g. © 2026 Your Name').press('Tab');
    await options.getByLabel('Always mark photos not for AI training before the page receives them').check();
    await expect
      .poll(async () => (await (await browser.worker()).evaluate(async () => (await chrome.storage.sync.get('settings')).settings)) as Record<string, unknown>)
      .toMatchObject({ alwaysReserve: true, reservation: { value: 'DMI-PROHIBITED', creator: 'Robin Réservé', copyright: '© 2026 Robin Réservé' } });
    await options.close();

    await page.reload();
    await page.setInputFiles('#photo', photo('meta/gps-camera.jpg'));
    await expect.poll(async () => (await received()).length).toBe(1);
    const [marked] = await received();
    expect(marked).toMatchObject({ dataMining: 'DMI-PROHIBITED', exif: true });
    expect(marked?.xmp).toContain('Robin Réservé');
    expect(marked?.xmp).toContain('© 2026 Robin Réservé');
    expect(marked?.pixels).toBe(await originalPixels('gps-camera.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    await expect.poll(() => warningIn(page).locator('.found').last().textContent()).toMatch(/^Wrote "no data mining at all" into 1 photo\(s\)/);
    // The page received one copy, the marked one: never the original first.
    expect(await received()).toHaveLength(1);
  });

  it('with "always clean" too: cleans first, then marks, so the copy has the reservation and no location or camera data', async () => {
    await setSettings(browser, { alwaysClean: true, alwaysReserve: true });
    await page.reload();
    await page.locator('h1').click();
    await page.setInputFiles('#photo', photo('meta/gps-camera.jpg'));
    await expect.poll(async () => (await received()).length).toBe(1);
    expect((await received())[0]).toMatchObject({ exif: false, serial: false, creator: false, dataMining: 'DMI-PROHIBITED-AIMLTRAINING' });
    expect((await received())[0]?.pixels).toBe(await originalPixels('gps-camera.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    const notes = await warningIn(page).locator('.found').allTextContents();
    expect(notes.join(' ')).toContain('Removed the location and camera data from 1 photo(s)');
    expect(notes.join(' ')).toContain('Wrote "no AI or machine-learning training" into 1 photo(s)');
    // Already marked: the warning does not offer it again.
    expect(await warningIn(page).getByRole('button', { name: 'Mark it not for AI training' }).count()).toBe(0);
  });

  it('a photo it cannot mark safely (hostile XMP) reaches the page unchanged, not lost', async () => {
    await setSettings(browser, { alwaysReserve: true });
    await page.reload();
    await page.setInputFiles('#photo', photo('meta/hostile-xmp.jpg'));
    await expect.poll(async () => (await received()).length).toBe(1);
    expect((await received())[0]).toMatchObject({ name: 'hostile-xmp.jpg', dataMining: null });
  });
});
