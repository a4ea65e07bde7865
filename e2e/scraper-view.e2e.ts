/**
 * "See what they see" (docs/scraper-view.md): the panel opened from a real warning, as a person would — the photo
 * the detector saw with the faces outlined, the place on the world map, the rows of what the file says, and the
 * actions beside them — and from the trainer demo.
 */
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { launchWithExtension, recordOf, setSettings, tabIdOf, warningIn, type ExtensionBrowser } from './support/browser';
import { FIXTURES_DIR, startFixtureServers, type FixtureServers } from './support/server';

const FACES_DIR = join(FIXTURES_DIR, 'faces');
const META_DIR = join(FIXTURES_DIR, 'photos', 'meta');
/** A site not in the rules. */
const HOST = 'blog.example-photos.test';

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
beforeEach(async () => {
  await setSettings(browser, { interruptFrom: 'low', language: 'en' });
});

const panelIn = (target: Page | Frame) => warningIn(target).locator('[data-afterlife-panel]');

let pages = 0;
async function uploadPage(): Promise<Page> {
  const page = await browser.context.newPage();
  // Each page its own address: tabIdOf finds a tab by its address, and a closing tab may still show the last one.
  await page.goto(servers.https(HOST, `/upload.html?page=${++pages}`));
  return page;
}

/** Chooses photos, waits for the warning, and opens the panel from it with the keyboard. */
async function openPanel(page: Page, files: string[]): Promise<void> {
  await page.setInputFiles('#at-load', files);
  await expect.poll(() => warningIn(page).count()).toBe(1);
  await warningIn(page).getByRole('button', { name: 'See what they see' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => panelIn(page).count()).toBe(1);
}

/** The panel's rows: label → value. */
async function rows(target: Page | Frame): Promise<Record<string, string>> {
  const pairs = await panelIn(target).locator('.see-row').evaluateAll((elements) =>
    elements.map((row) => [row.querySelector('dt')?.textContent ?? '', row.querySelector('.value')?.textContent ?? '']),
  );
  return Object.fromEntries(pairs);
}

describe('what a scraper sees, from the warning', () => {
  it('outlines as many faces as the labelled photos show, inside the photo, and says how many', async () => {
    for (const [file, faces] of [['two-people.jpg', 2], ['astronaut.jpg', 1], ['coffee.jpg', 0]] as const) {
      const page = await uploadPage();
      await openPanel(page, [join(FACES_DIR, file)]);
      const sentence = faces === 0 ? 'The detector found no face.' : faces === 1 ? 'The detector outlined 1 face.' : `The detector outlined ${faces} faces.`;
      await expect.poll(() => panelIn(page).getByTestId('see-faces-count').textContent(), { timeout: 30_000 }).toBe(sentence);
      const boxes = await panelIn(page).locator('rect.face').evaluateAll((rects) =>
        rects.map((rect) => ['x', 'y', 'width', 'height'].map((name) => Number(rect.getAttribute(name)))),
      );
      expect(boxes, file).toHaveLength(faces);
      for (const [x, y, width, height] of boxes) {
        expect(x! + width!).toBeLessThanOrEqual(1);
        expect(y! + height!).toBeLessThanOrEqual(1);
        expect(width! * height!).toBeGreaterThan(0.001);
      }
      // The photo is drawn, with a text equivalent that says what is outlined.
      const photo = panelIn(page).getByTestId('see-photo');
      expect(await photo.getAttribute('aria-label')).toContain(sentence);
      expect(await photo.evaluate((canvas) => (canvas as HTMLCanvasElement).width)).toBeGreaterThan(100);
      await page.close();
    }
  });

  it('puts the place on the map where the photo says, lists what the file says, and cleaning takes it away', async () => {
    const page = await uploadPage();
    await openPanel(page, [join(META_DIR, 'all-facts.jpg')]);
    // all-facts.jpg says 52.52° N, 13.405° E: the panel shows it to a tenth of a degree.
    const dot = panelIn(page).locator('circle.dot');
    expect(await dot.getAttribute('data-latitude')).toBe('52.5');
    expect(await dot.getAttribute('data-longitude')).toBe('13.4');
    expect(Number(await dot.getAttribute('cx'))).toBeCloseTo(193.4, 5);
    expect(Number(await dot.getAttribute('cy'))).toBeCloseTo(37.5, 5);
    expect(await panelIn(page).getByTestId('see-map').getAttribute('aria-label')).toBe('World map with a dot near 52.5° N, 13.4° E');
    expect(await rows(page)).toMatchObject({
      Place: '52.5° N, 13.4° E',
      Camera: 'Canon EOS R6 · serial number 123456789012',
      Name: 'Sam Example',
      Licence: 'https://creativecommons.org/licenses/by/4.0/',
      'Not for AI training': 'Nothing in the file says so.',
    });
    // Focus went to the panel; the cleaning beside the rows it removes.
    expect(await warningIn(page).evaluate((host) => host.shadowRoot?.activeElement?.id)).toBe('see-title');
    await panelIn(page).locator('[data-action="clean"]').click();
    await expect.poll(async () => Object.keys(await rows(page))).toEqual(['Not for AI training']);
    await expect(panelIn(page).locator('.see-place figcaption').textContent()).resolves.toBe('The file holds no position.');
    expect(await panelIn(page).locator('circle.dot').count()).toBe(0);
    // The warning says what was done; the panel stayed open and kept the focus.
    await expect(warningIn(page).locator('.found').last().textContent()).resolves.toContain('Removed the location');
    expect(await warningIn(page).evaluate((host) => host.shadowRoot?.activeElement?.id)).toBe('see-title');
    await page.close();
  });

  it('marks the photo not for AI training from the row that said nothing did', async () => {
    const page = await uploadPage();
    await openPanel(page, [join(META_DIR, 'plain.jpg')]);
    expect((await rows(page))['Not for AI training']).toBe('Nothing in the file says so.');
    await panelIn(page).locator('[data-action="reserve"]').click();
    await expect.poll(async () => (await rows(page))['Not for AI training']).toBe('no AI or machine-learning training');
    expect(await panelIn(page).locator('[data-action="reserve"]').count()).toBe(0);
    await page.close();
  });

  it('moves between the photos of an upload, closes with Escape and gives focus back', async () => {
    const page = await uploadPage();
    await openPanel(page, [join(META_DIR, 'plain.jpg'), join(META_DIR, 'all-facts.jpg')]);
    await expect(panelIn(page).locator('.see-nav span').textContent()).resolves.toBe('Photo 1 of 2');
    expect(await panelIn(page).locator('circle.dot').count()).toBe(0);
    await panelIn(page).getByRole('button', { name: 'Next photo' }).click();
    await expect.poll(() => panelIn(page).locator('.see-nav span').textContent()).toBe('Photo 2 of 2');
    await expect.poll(() => panelIn(page).locator('circle.dot').count()).toBe(1);
    expect(await panelIn(page).getByRole('button', { name: 'Next photo' }).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => panelIn(page).count()).toBe(0);
    // The warning stays; focus is back on the button that opened the panel.
    expect(await warningIn(page).count()).toBe(1);
    expect(await warningIn(page).evaluate((host) => host.shadowRoot?.activeElement?.textContent)).toBe('See what they see');
    await page.close();
  });

  it('keeps nothing: the record holds no position, and nothing new is stored', async () => {
    const page = await uploadPage();
    const before = await browser.worker().then((worker) => worker.evaluate(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null)])));
    await openPanel(page, [join(META_DIR, 'all-facts.jpg')]);
    await expect.poll(() => panelIn(page).locator('circle.dot').count()).toBe(1);
    const stored = await browser.worker().then((worker) => worker.evaluate(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null)])));
    expect(stored).not.toContain('52.5');
    expect(stored).not.toContain('123456789012');
    expect(stored.length - before.length).toBeLessThan(4000);
    const record = await recordOf(browser, await tabIdOf(browser, page));
    expect(record?.photoFacts.location).toBe(true);
    await page.close();
  });

  it('has no accessibility violations, in light and dark, and speaks German', async () => {
    const page = await uploadPage();
    await openPanel(page, [join(META_DIR, 'all-facts.jpg')]);
    await expect.poll(() => panelIn(page).getByTestId('see-faces-count').textContent(), { timeout: 30_000 }).not.toBe('Looking for faces…');
    expect(await axeViolations(page, '[data-afterlife="warning"]')).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page, '[data-afterlife="warning"]')).toEqual([]);
    await page.close();

    await setSettings(browser, { language: 'de' });
    const german = await uploadPage();
    await german.setInputFiles('#at-load', join(META_DIR, 'all-facts.jpg'));
    await warningIn(german).getByRole('button', { name: 'Sehen, was sie sehen' }).click();
    await expect.poll(() => panelIn(german).locator('h2').textContent()).toBe('Was ein Scraper sieht');
    expect(await panelIn(german).getAttribute('lang')).toBe('de');
    expect((await rows(german)).Ort).toBe('52.5° N, 13.4° O');
    await german.close();
  });
});

describe('what a scraper sees, in the trainer demo', () => {
  it('opens from the demo\'s warning on the sample with a location, with the dot over Houston', async () => {
    const demo = await browser.context.newPage();
    await demo.goto(`chrome-extension://${browser.extensionId}/src/demo/index.html#photo`);
    await demo.getByTestId('stage').waitFor();
    const site = await (await demo.getByTestId('stage').elementHandle())?.contentFrame();
    if (!site) throw new Error('no simulated site on the stage');
    await site.waitForSelector('button[data-sample]');
    await site.locator('button[data-sample="astronaut-with-location.jpg"]').click();
    await expect.poll(() => warningIn(site).count()).toBe(1);
    await warningIn(site).getByRole('button', { name: 'See what they see' }).click();
    await expect.poll(() => panelIn(site).count()).toBe(1);
    // The sample says 29.5593° N, 95.09° W.
    await expect.poll(() => panelIn(site).locator('circle.dot').getAttribute('data-latitude')).toBe('29.6');
    expect(await panelIn(site).locator('circle.dot').getAttribute('data-longitude')).toBe('-95.1');
    expect((await rows(site)).Place).toBe('29.6° N, 95.1° W');
    await expect.poll(() => panelIn(site).getByTestId('see-faces-count').textContent(), { timeout: 30_000 }).toBe('The detector outlined 1 face.');
    expect(await panelIn(site).locator('rect.face').count()).toBe(1);
    expect(await axeViolations(site, '[data-afterlife="warning"]')).toEqual([]);
    await demo.close();
  });
});
