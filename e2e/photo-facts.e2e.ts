import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { photo } from './support/bench';
import { axeViolations } from './support/axe';
import { launchWithExtension, openPopupFor, setSettings, tabIdOf, warningIn, type ExtensionBrowser } from './support/browser';
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

async function upload(host: string, file: string): Promise<void> {
  await page.goto(servers.http(host, '/upload.html'));
  await page.setInputFiles('#at-load', photo(`meta/${file}`));
  await expect.poll(() => warningIn(page).count()).toBe(1);
}

describe('what is in the photo, read on the device', () => {
  it('names the location, serial number and creator found in a JPEG, and they raise the level', async () => {
    // A site not in the rules is medium; the photo's own details make it high, so the warning interrupts.
    await upload('blog.example-photos.test', 'gps-camera.jpg');
    expect(await warningIn(page).getAttribute('data-afterlife-level')).toBe('high');
    await expect(warningIn(page).locator('.found').textContent()).resolves.toBe(
      'Found in the photo: the exact place it was taken, the camera\'s serial number, the name "Alex Example".',
    );
    const popup = await openPopupFor(browser, await tabIdOf(browser, page));
    await expect(popup.locator('[data-fact="location"]').textContent()).resolves.toBe('yes');
    await expect(popup.locator('[data-fact="cameraSerial"]').textContent()).resolves.toBe('yes');
    await expect(popup.locator('[data-fact="camera"]').textContent()).resolves.toBe('Canon EOS 5D Mark IV');
    // The first photo in a fresh browser loads the face model: as long as the other face tests allow (facesCounted).
    await expect.poll(() => popup.locator('[data-fact="faces"]').textContent(), { timeout: 30_000 }).toBe('0');
    expect(await popup.locator('[data-factor="location"]').count()).toBe(1);
    expect(await popup.locator('[data-action="remove-location"]').count()).toBe(1);
  });

  it('names an IPTC Data Mining reservation the photo already carries, in the warning and the popup', async () => {
    await setSettings(browser, { interruptFrom: 'low' });
    await upload('blog.example-photos.test', 'reserved.jpg');
    await expect(warningIn(page).locator('.found').textContent()).resolves.toContain(
      'a reservation written into the file: no AI or machine-learning training (IPTC Data Mining)',
    );
    const popup = await openPopupFor(browser, await tabIdOf(browser, page));
    await expect(popup.locator('[data-fact="dataMining"]').getAttribute('data-value')).resolves.toBe('DMI-PROHIBITED-AIMLTRAINING');
    await expect(popup.locator('[data-fact="dataMining"]').textContent()).resolves.toBe('no AI or machine-learning training');
  });

  it('names what the photo\'s content credentials (C2PA) say about AI training, as unchecked, in the warning and the popup', async () => {
    await setSettings(browser, { interruptFrom: 'low' });
    await upload('blog.example-photos.test', 'c2pa-training.jpg');
    const said = 'content credentials (C2PA) saying generative-AI training: not allowed, other AI training: only with permission, data mining: allowed';
    await expect(warningIn(page).locator('.found').textContent()).resolves.toContain(said);
    const popup = await openPopupFor(browser, await tabIdOf(browser, page));
    await expect(popup.locator('[data-fact="c2pa"]').textContent()).resolves.toContain(said);
    await expect(popup.locator('[data-fact="c2pa"]').textContent()).resolves.toContain('not checked by Afterlife');
  });

  it('the popup says whether the site keeps the reservation, what the page tells AI crawlers, and what a reservation cannot do', async () => {
    await setSettings(browser, { interruptFrom: 'low' });
    await page.goto(servers.http('imgur.com', '/ai-signals.html'));
    await page.setInputFiles('#photo', photo('meta/reserved.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    const popup = await openPopupFor(browser, await tabIdOf(browser, page));
    const objection = popup.getByTestId('objection');
    await expect(objection.getByTestId('metadata-on-site').textContent()).resolves.toMatch(/^Imgur removes the metadata from the copies it shows.*help\.imgur\.com$/);
    await expect(objection.getByTestId('page-signals').textContent()).resolves.toBe(
      'This page tells AI crawlers: "noai", "noimageai" in its robots tag, a request that crawlers may or may not honour; text-and-data-mining rights reserved (TDMRep) for the page\'s own content, which need not include the photos it shows. Its licensing policy',
    );
    await expect(objection.getByRole('link', { name: 'Its licensing policy' }).getAttribute('href')).resolves.toBe('https://imgur.com/tdm-policy.json');
    // What it does not do is one keyboard step away, folded.
    await objection.getByText('What a reservation in the photo does, and does not do').press('Enter');
    await expect(objection.getByText(/does not stop anyone who ignores it/).isVisible()).resolves.toBe(true);
    expect(await axeViolations(popup)).toEqual([]);
  });

  it('a page that says nothing to AI crawlers, on a site whose handling of metadata is not known, is described as such', async () => {
    await setSettings(browser, { interruptFrom: 'low' });
    await upload('blog.example-photos.test', 'reserved.jpg');
    const popup = await openPopupFor(browser, await tabIdOf(browser, page));
    await expect(popup.getByTestId('page-signals').textContent()).resolves.toContain('say nothing to AI crawlers');
    await expect(popup.getByTestId('metadata-on-site').getAttribute('data-value')).resolves.toBe('unknown');
  });

  it('reads the same from a WebP photo', async () => {
    await upload('blog.example-photos.test', 'gps-camera.webp');
    await expect(warningIn(page).locator('.found').textContent()).resolves.toContain('the exact place it was taken');
  });

  it('finds a Creative Commons licence written into the photo', async () => {
    await upload('blog.example-photos.test', 'cc-by.jpg');
    await expect(warningIn(page).locator('.found').textContent()).resolves.toContain('the licence https://creativecommons.org/licenses/by/4.0/');
    const popup = await openPopupFor(browser, await tabIdOf(browser, page));
    await expect(popup.locator('[data-factor="open-licence"]').textContent()).resolves.toContain('CC BY 4.0');
    await expect(popup.locator('[data-fact="embeddedLicence"]').textContent()).resolves.toBe('cc-by-4.0');
  });

  it('on a listed site, the photo\'s location and serial raise the level: OkCupid goes from medium to high', async () => {
    await setSettings(browser, { interruptFrom: 'low' });
    await upload('www.okcupid.com', 'plain.jpg');
    expect(await warningIn(page).getAttribute('data-afterlife-level')).toBe('medium');
    await upload('www.okcupid.com', 'gps-camera.jpg');
    expect(await warningIn(page).getAttribute('data-afterlife-level')).toBe('high');
  });

  it('still warns when a photo cannot be read, and says so', async () => {
    await upload('www.flickr.com', 'unreadable.bmp');
    await expect(warningIn(page).locator('.found').textContent()).resolves.toBe(
      "Afterlife could not read this photo's details, so they are not counted.",
    );
    expect(await warningIn(page).getAttribute('data-afterlife-level')).toBe('very-high');
  });

  it('a photo without metadata adds nothing', async () => {
    await upload('www.flickr.com', 'plain.jpg');
    expect(await warningIn(page).locator('.found').count()).toBe(0);
    expect(await warningIn(page).getAttribute('data-afterlife-level')).toBe('very-high');
  });
});
