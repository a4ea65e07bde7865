/**
 * Faces, counted on the device (docs/faces.md), through the path a chosen photo takes: a file input on a page, the
 * content script's small upright JPEG, the service worker, the offscreen document and the detector shipped in the
 * extension. The labelled photos of e2e/fixtures/faces/ (sources and licences in its README) measure how often
 * the count is right; the figures are printed and the bar is the one docs/faces.md reports.
 */
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeFaceDetector, launchWithExtension, openPopupFor, recordOf, setSettings, tabIdOf, warningIn, type ExtensionBrowser } from './support/browser';
import { FIXTURES_DIR, startFixtureServers, type FixtureServers } from './support/server';
import type { TabRecord } from '../src/shared/protocol';

const FACES_DIR = join(FIXTURES_DIR, 'faces');
/** A site not in the rules: medium on its own, so what the photo shows decides how high it goes. */
const HOST = 'blog.example-photos.test';

interface Labels {
  photos: Array<{ file: string; faces: number }>;
  undecodable: Array<{ file: string }>;
}

let servers: FixtureServers;
let browser: ExtensionBrowser;
let worker: Worker;
let labels: Labels;

beforeAll(async () => {
  servers = await startFixtureServers();
  browser = await launchWithExtension();
  worker = await browser.worker();
  labels = (await import(join(FACES_DIR, 'labels.json'), { with: { type: 'json' } })).default as Labels;
});
afterAll(async () => {
  await browser?.close();
  await servers?.close();
});
beforeEach(async () => {
  // Every level interrupts, so each upload shows its warning.
  await setSettings(browser, { interruptFrom: 'low' });
});

async function offscreenDocuments(): Promise<number> {
  return worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] })).length);
}


/** Chooses a photo in the page's file input and waits until its faces have been counted (or found uncountable). */
async function chooseAndCount(page: Page, tabId: number, file: string): Promise<TabRecord> {
  await page.setInputFiles('#at-load', join(FACES_DIR, file));
  let record: TabRecord | null = null;
  await expect
    .poll(async () => {
      record = await recordOf(browser, tabId);
      return record?.photos[0]?.name === file && record.facesCheck === 'done';
    }, { timeout: 30_000 })
    .toBe(true);
  return record!;
}

async function uploadPage(): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  // https: a secure page, where the browser offers ImageDecoder to decode large photos straight to a small size.
  await page.goto(servers.https(HOST, '/upload.html'));
  return { page, tabId: await tabIdOf(browser, page) };
}

describe('faces in a chosen photo', () => {
  it('loads nothing of the detector until a photo is chosen', async () => {
    const { page } = await uploadPage();
    await page.waitForTimeout(300);
    expect(await offscreenDocuments()).toBe(0);
    await page.close();
  });

  it('the warning comes at once, then names the face it found, and the face counts in the assessment', async () => {
    const { page, tabId } = await uploadPage();
    await page.setInputFiles('#at-load', join(FACES_DIR, 'astronaut.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    await expect.poll(() => warningIn(page).locator('.found').textContent().catch(() => null), { timeout: 30_000 }).toBe('Found in the photo: a face.');
    expect(await offscreenDocuments()).toBe(1);
    const popup = await openPopupFor(browser, tabId);
    await expect(popup.locator('[data-fact="faces"]').textContent()).resolves.toBe('1');
    await expect(popup.locator('[data-factor="faces"]').count()).resolves.toBe(1);
    await popup.close();
    await page.close();
  });

  it('counts several people', async () => {
    const { page } = await uploadPage();
    await page.setInputFiles('#at-load', join(FACES_DIR, 'two-people.jpg'));
    await expect.poll(() => warningIn(page).locator('.found').textContent().catch(() => null), { timeout: 30_000 }).toBe('Found in the photo: 2 faces.');
    await page.close();
  });

  it('adds up the faces of several photos chosen together', async () => {
    const { page, tabId } = await uploadPage();
    await page.setInputFiles('#at-load', ['astronaut.jpg', 'coffee.jpg', 'two-people.jpg'].map((file) => join(FACES_DIR, file)));
    await expect.poll(async () => (await recordOf(browser, tabId))?.photoFacts.faces, { timeout: 30_000 }).toBe(3);
    await page.close();
  });

  it('says a photo it cannot decode could not be checked, rather than guessing', async () => {
    const { page, tabId } = await uploadPage();
    const record = await chooseAndCount(page, tabId, 'corrupt.jpg');
    expect(record.photoFacts.faces).toBe('unknown');
    const popup = await openPopupFor(browser, tabId);
    await expect(popup.locator('[data-fact="faces"]').textContent()).resolves.toBe('could not be checked on this device');
    await popup.close();
    await page.close();
  });

  it('keeps the keyboard focus where it was when the count updates the warning', async () => {
    // A closed offscreen document makes the count load the model again, which leaves time to reach the warning.
    await closeFaceDetector(browser);
    const { page } = await uploadPage();
    await page.setInputFiles('#at-load', join(FACES_DIR, 'astronaut.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    await warningIn(page).getByRole('button', { name: 'Why?' }).focus();
    await expect.poll(() => warningIn(page).locator('.found').textContent().catch(() => null), { timeout: 30_000 }).toBe('Found in the photo: a face.');
    expect(await warningIn(page).evaluate((host) => host.shadowRoot?.activeElement?.textContent)).toBe('Why?');
    await page.keyboard.press('Escape');
    expect(await warningIn(page).count()).toBe(0);
    await page.close();
  });

  it('does not bring back a warning the person closed while the faces were being counted', async () => {
    // A closed offscreen document makes the next count load the model again, which leaves time to close the warning.
    await closeFaceDetector(browser);
    const { page, tabId } = await uploadPage();
    await page.setInputFiles('#at-load', join(FACES_DIR, 'grace-hopper.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    await warningIn(page).locator('button.close').click();
    await expect.poll(async () => (await recordOf(browser, tabId))?.photoFacts.faces, { timeout: 30_000 }).toBe(1);
    expect(await warningIn(page).count()).toBe(0);
    await page.close();
  });
});

describe('the labelled photos', () => {
  it('finds the faces in every photo that shows one, and in at most one of the photos that show none', async () => {
    const { page, tabId } = await uploadPage();
    const rows: string[] = [];
    let truePositives = 0;
    let falsePositives = 0;
    let exact = 0;
    for (const photo of labels.photos) {
      const { photoFacts } = await chooseAndCount(page, tabId, photo.file);
      const found = photoFacts.faces;
      expect(typeof found, `${photo.file}: faces ${found}`).toBe('number');
      const faces = found as number;
      if (photo.faces > 0 && faces > 0) truePositives++;
      if (photo.faces === 0 && faces > 0) falsePositives++;
      if (photo.faces === faces) exact++;
      rows.push(`${photo.file.padEnd(28)} labelled ${photo.faces}, found ${faces}${faces === photo.faces ? '' : '  <-'}`);
    }
    for (const { file } of labels.undecodable) rows.push(`${file.padEnd(28)} not decodable, found ${(await chooseAndCount(page, tabId, file)).photoFacts.faces}`);
    const withFaces = labels.photos.filter((photo) => photo.faces > 0).length;
    console.log(
      `${rows.join('\n')}\nrecall ${truePositives}/${withFaces}, false positives ${falsePositives}/${labels.photos.length - withFaces}, exact count ${exact}/${labels.photos.length}`,
    );
    expect(truePositives).toBe(withFaces);
    expect(falsePositives).toBeLessThanOrEqual(1);
    expect(exact).toBeGreaterThanOrEqual(labels.photos.length - 2);
    await page.close();
  }, 180_000);
});
