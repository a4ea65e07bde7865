import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadProjectRules } from '../scripts/rules/project-rules';
import { axeViolations } from './support/axe';
import { photo } from './support/bench';
import { badgeOf, facesCounted, launchWithExtension, openPopupFor, setSettings, tabIdOf, warningIn, type ExtensionBrowser } from './support/browser';
import { startFixtureServers, type FixtureServers } from './support/server';

let servers: FixtureServers;
let browser: ExtensionBrowser;
let page: Page;
/** The address of the tab the extension opened by itself when it was installed, if any. */
let openedOnInstall = '';

beforeAll(async () => {
  servers = await startFixtureServers();
  browser = await launchWithExtension();
  const welcome = browser.context.pages().find((open) => open.url().includes('/src/welcome/')) ?? (await browser.context.waitForEvent('page', { timeout: 10_000 }).catch(() => null));
  openedOnInstall = welcome?.url() ?? '';
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

async function uploadOnPhotoSite(): Promise<number> {
  await page.goto(servers.http('www.flickr.com', '/photo-share.html'));
  const chooser = page.waitForEvent('filechooser');
  await page.click('#choose');
  await (await chooser).setFiles([photo('beach.jpg')]);
  await expect.poll(() => warningIn(page).count()).toBe(1);
  const tabId = await tabIdOf(browser, page);
  await facesCounted(browser, tabId);
  return tabId;
}

const openOptions = async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await options.getByTestId('rules-info').waitFor();
  return options;
};

describe('popup after an upload on a photo-sharing site', () => {
  it('shows the site, level, reasons, actions, history, terms, the upload and the rules version', async () => {
    const popup = await openPopupFor(browser, await uploadOnPhotoSite());
    await expect(popup.getByTestId('site-name').textContent()).resolves.toBe('Flickr');
    await expect(popup.getByTestId('level').textContent()).resolves.toBe('Chance of an afterlife: Very high');
    expect(await popup.locator('[data-factor]').evaluateAll((items) => items.map((item) => item.getAttribute('data-factor')))).toEqual([
      'site-datasets',
      'public-web',
      'ongoing-collection',
    ]);
    await expect(popup.locator('[data-factor="ongoing-collection"]').textContent()).resolves.toMatch(/Clearview AI.* is still adding photos from public pages, and Flickr is among its known sources/);
    expect(await popup.locator('[data-action="site-opt-out"]').count()).toBe(3);
    await expect(popup.locator('[data-action="site-opt-out"]').first().textContent()).resolves.toContain('Settings → Privacy & Permissions');
    await expect(popup.locator('[data-action="check-exposing-ai"] a').getAttribute('href')).resolves.toBe('https://exposing.ai/search/');
    const years = await popup.locator('[data-testid="timeline-table"] .year').allTextContents();
    expect(years.length).toBeGreaterThanOrEqual(15);
    expect([...years].sort()).toEqual(years);
    await expect(popup.locator('[data-dataset="megaface"]').textContent()).resolves.toMatch(/MegaFace.*withdrawn, copies still circulate/);
    await expect(popup.locator('[data-topic="content-licence"]').textContent()).resolves.toMatch(/All Rights Reserved.*\(checked \d{4}-\d{2}-\d{2}\)/);
    await expect(popup.getByTestId('last-upload').textContent()).resolves.toContain('1 photo(s)');
    await expect(popup.getByTestId('rules-version').textContent()).resolves.toMatch(/^Rules version \d+, reviewed \d{4}-\d{2}-\d{2}/);
  });

  it("draws the site's history from the rules: a bar per dataset, taller for more images, and the same facts in a table", async () => {
    const popup = await openPopupFor(browser, await uploadOnPhotoSite());
    await popup.getByTestId('timeline').waitFor();
    const flickr = loadProjectRules().data.sites.find((site) => site.id === 'flickr');
    const datasets = loadProjectRules().data.datasets.filter((dataset) => flickr?.datasets.includes(dataset.id));
    expect(await popup.locator('[data-bar]').count()).toBe(datasets.length);
    expect(await popup.locator('[data-testid="timeline-table"] tbody tr').count()).toBe(datasets.length);
    const sized = datasets.filter((dataset) => dataset.images).sort((a, b) => (a.images ?? 0) - (b.images ?? 0));
    const [smallest, largest] = [sized[0], sized.at(-1)];
    const height = (id: string) => popup.locator(`[data-bar="${id}"]`).evaluate((bar) => Number(bar.getAttribute('height')));
    expect(await height(largest!.id)).toBeGreaterThan(await height(smallest!.id));
    await expect(popup.locator(`[data-row="${largest!.id}"]`).textContent()).resolves.toContain(largest!.images!.toLocaleString('en-US'));
    await expect(popup.locator('figure figcaption').textContent()).resolves.toMatch(new RegExp(`^${datasets.length} datasets built from Flickr's photos`));
    // The full list with sources folds under the picture.
    expect(await popup.getByTestId('dataset-list').isVisible()).toBe(false);
    await popup.getByText(`All ${datasets.length} datasets, with what each is and its source`).click();
    expect(await popup.getByTestId('dataset-list').isVisible()).toBe(true);
  });

  it('makes no network request when it opens', async () => {
    const tabId = await uploadOnPhotoSite();
    const requests: string[] = [];
    const onRequest = (request: { url(): string }) => requests.push(request.url());
    browser.context.on('request', onRequest);
    const popup = await openPopupFor(browser, tabId);
    await popup.getByTestId('timeline').waitFor();
    browser.context.off('request', onRequest);
    expect(requests.filter((url) => !url.startsWith('chrome-extension://'))).toEqual([]);
  });

  it('has no accessibility violations, light or dark', async () => {
    const popup = await openPopupFor(browser, await uploadOnPhotoSite());
    await popup.getByTestId('level').waitFor();
    await popup.locator('details').evaluateAll((items) => items.forEach((item) => item.setAttribute('open', '')));
    expect(await axeViolations(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(popup)).toEqual([]);
  });

  it('fits the largest popup size without scrolling sideways', async () => {
    const popup = await openPopupFor(browser, await uploadOnPhotoSite());
    for (const size of [{ width: 400, height: 600 }, { width: 800, height: 600 }]) {
      await popup.setViewportSize(size);
      await popup.getByTestId('level').waitFor();
      expect(await popup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    }
  });

  it('can be used by keyboard, with a visible focus ring', async () => {
    const popup = await openPopupFor(browser, await uploadOnPhotoSite());
    await popup.getByTestId('level').waitFor();
    const focused = () =>
      popup.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return { tag: element?.tagName, text: element?.textContent, outline: element ? getComputedStyle(element).outlineStyle : 'none' };
      });
    // First the place the facts are for, with a way to change it; then the reasons' evidence.
    await popup.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ tag: 'A', text: 'Change' });
    expect((await focused()).outline).not.toBe('none');
    await popup.keyboard.press('Tab');
    expect((await focused()).tag).toBe('SUMMARY');
    expect((await focused()).outline).not.toBe('none');
    await popup.keyboard.press('Enter');
    expect(await popup.locator('details').first().getAttribute('open')).not.toBeNull();
  });
});

describe('popup on a site not in the rules', () => {
  it('explains the baseline instead of showing an empty page, accessibly', async () => {
    await page.goto(servers.http('blog.example-photos.test', '/index.html'));
    const popup = await openPopupFor(browser, await tabIdOf(browser, page));
    await expect(popup.getByTestId('baseline').textContent()).resolves.toMatch(/Clearview AI built its face search from public photos/);
    await expect(popup.getByTestId('site-category').textContent()).resolves.toBe("Not in Afterlife's list");
    expect(await axeViolations(popup)).toEqual([]);
  });
});

describe('the in-page warning', () => {
  it('has no accessibility violations', async () => {
    await uploadOnPhotoSite();
    expect(await axeViolations(page, '[data-afterlife="warning"]')).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page, '[data-afterlife="warning"]')).toEqual([]);
  });
});

describe('in German', () => {
  it('the warning, popup and settings speak the chosen language', async () => {
    await setSettings(browser, { language: 'de' });
    const tabId = await uploadOnPhotoSite();
    await expect(warningIn(page).locator('[role=alert]').textContent()).resolves.toContain('Nachleben als Trainingsdaten');
    await expect(warningIn(page).getByRole('button', { name: 'Warum?' }).isVisible()).resolves.toBe(true);
    const popup = await openPopupFor(browser, tabId);
    await expect(popup.getByTestId('level').textContent()).resolves.toContain('Sehr hoch');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await axeViolations(popup)).toEqual([]);
    const options = await openOptions();
    await expect(options.locator('h1').textContent()).resolves.not.toBe('Afterlife settings');
  });
});

describe('options', () => {
  it('has no accessibility violations', async () => {
    await setSettings(browser, { mutedSites: ['flickr', 'domain:example.org'] });
    const options = await openOptions();
    expect(await axeViolations(options)).toEqual([]);
  });

  it('changing the threshold changes what interrupts', async () => {
    const options = await openOptions();
    await options.getByLabel('Medium').check();
    await expect(options.getByRole('status').textContent()).resolves.toBe('Saved.');
    await page.goto(servers.http('blog.example-photos.test', '/upload.html'));
    await page.setInputFiles('#at-load', photo('beach.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);

    await options.getByLabel('Very high').check();
    await page.reload();
    await page.setInputFiles('#at-load', photo('second.jpg'));
    const tabId = await tabIdOf(browser, page);
    await expect.poll(() => badgeOf(browser, tabId)).toBe('Med');
    expect(await warningIn(page).count()).toBe(0);
  });

  it('lists muted sites by name and un-mutes them', async () => {
    await setSettings(browser, { mutedSites: ['flickr', 'domain:example.org'] });
    const options = await openOptions();
    expect(await options.locator('[data-testid="muted-sites"] li span').allTextContents()).toEqual(['Flickr', 'example.org']);
    await options.getByRole('button', { name: 'Warn me again on Flickr' }).click();
    await expect.poll(() => options.locator('[data-testid="muted-sites"] li').count()).toBe(1);
    await uploadOnPhotoSite();
  });

  it('falls back to defaults for bad stored values without losing the good ones', async () => {
    await setSettings(browser, { interruptFrom: 'apocalyptic', mutedSites: ['flickr', { evil: true }], language: 42 });
    const options = await openOptions();
    expect(await options.getByLabel('High', { exact: true }).isChecked()).toBe(true);
    expect(await options.locator('[data-testid="muted-sites"] li span').allTextContents()).toEqual(['Flickr']);
  });

  it('shows the rules in use', async () => {
    const options = await openOptions();
    await expect(options.getByTestId('rules-info').textContent()).resolves.toMatch(/^Version \d+, reviewed \d{4}-\d{2}-\d{2}, shipped with the extension\. They list \d+ sites and \d+ datasets\.$/);
  });

  it('asks where the person is, grouped by the regions facts use, and saves the choice', async () => {
    const options = await openOptions();
    const picker = options.getByLabel('Country or state');
    expect(await picker.locator('optgroup').evaluateAll((groups) => groups.map((group) => group.getAttribute('label')))).toEqual([
      'EU/EEA',
      'United Kingdom',
      'United States',
      'Canada',
      'Other countries',
    ]);
    await expect(picker.locator('option').first().textContent()).resolves.toMatch(/^Follow my browser \(now: .+\)$/);
    await picker.selectOption('US-IL');
    await expect(options.getByRole('status').textContent()).resolves.toBe('Saved.');
    await expect(options.getByTestId('place-regions').textContent()).resolves.toBe('Facts for United States – Illinois count, with those for United States, Illinois.');
    const stored = await (await browser.worker()).evaluate(async () => (await chrome.storage.sync.get('settings')).settings as { country: string });
    expect(stored.country).toBe('US-IL');
    expect(await axeViolations(options)).toEqual([]);
  });
});

describe('first run', () => {
  it('opens a welcome page on install that asks where the person is, with the browser\'s suggestion in use', async () => {
    expect(openedOnInstall).toBe(`chrome-extension://${browser.extensionId}/src/welcome/index.html`);
    const welcome = await browser.context.newPage();
    await welcome.goto(openedOnInstall);
    await expect(welcome.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Welcome to Afterlife');
    const picker = welcome.getByLabel('Country or state');
    expect(await picker.inputValue()).toBe('');
    await picker.selectOption('DE');
    await expect(welcome.getByTestId('place-regions').textContent()).resolves.toBe('Facts for Germany count, with those for EU/EEA.');
    await expect.poll(async () => ((await (await browser.worker()).evaluate(async () => (await chrome.storage.sync.get('settings')).settings)) as { country?: string })?.country).toBe('DE');
    expect(await axeViolations(welcome)).toEqual([]);
    await welcome.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(welcome)).toEqual([]);
  });

  it('says what Afterlife does not do, shows the real warning on a sample, and offers the first choices by keyboard', async () => {
    const welcome = await browser.context.newPage();
    await welcome.goto(openedOnInstall);
    await expect(welcome.locator('main').textContent()).resolves.toContain('No photo leaves your device through Afterlife');
    await expect(welcome.locator('main').textContent()).resolves.toContain('No telemetry');
    // The live example: the demo's photo site, through the real detection path.
    const example = welcome.frameLocator('[data-testid="welcome-example"]');
    await example.getByRole('button', { name: 'Portrait', exact: true }).click();
    await expect.poll(() => example.locator('[data-afterlife="warning"]').count()).toBe(1);
    expect(await example.locator('[data-afterlife="warning"]').getAttribute('data-afterlife-level')).toBe('very-high');
    // Keyboard only: the interrupt level and "always clean" save at once.
    await welcome.getByLabel('Medium').focus();
    await welcome.keyboard.press('Space');
    await welcome.getByLabel('Always remove location and camera data from photos before the page receives them').focus();
    await welcome.keyboard.press('Space');
    await expect
      .poll(async () => (await (await browser.worker()).evaluate(async () => (await chrome.storage.sync.get('settings')).settings)) as Record<string, unknown>)
      .toMatchObject({ interruptFrom: 'medium', alwaysClean: true });
    await expect(welcome.getByTestId('pin-help').textContent()).resolves.toContain('pin next to Afterlife');
    await setSettings(browser, {});
  });

  it('speaks German when German is chosen', async () => {
    await setSettings(browser, { language: 'de' });
    const welcome = await browser.context.newPage();
    await welcome.goto(openedOnInstall);
    await expect(welcome.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Willkommen bei Afterlife');
    await expect(welcome.getByTestId('pin-help').textContent()).resolves.toContain('Stecknadel');
    expect(await axeViolations(welcome)).toEqual([]);
    await setSettings(browser, {});
  });
});
