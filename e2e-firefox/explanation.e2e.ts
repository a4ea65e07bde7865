import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { photo } from '../e2e/support/bench';
import { startFixtureServers, type FixtureServers } from '../e2e/support/server';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './support/firefox';
import {
  clickWarningButton,
  expectPageReceived,
  expectWarning,
  openExplanation as openExplanationTab,
  openOptions,
  textOf,
  uploadInto,
  warningIn,
} from './support/pages';

// The Firefox event page, the explanation (the popup's page) and the options, reached the way a person reaches them
// from the warning: WebDriver BiDi cannot open moz-extension:// pages itself, but it can script the tabs the
// extension opens. The toolbar popup itself cannot be opened headless; its page is the same one.

let servers: FixtureServers;
let firefox: FirefoxWithExtension;
let page: Page;
const opened: Page[] = [];

beforeAll(async () => {
  servers = await startFixtureServers();
  firefox = await launchFirefoxWithExtension();
});

afterAll(async () => {
  await firefox?.close();
  await servers?.close();
});

beforeEach(async () => {
  page = await firefox.browser.newPage();
  await page.goto(servers.http('www.flickr.com', '/upload.html'));
  await uploadInto(page, '#at-load', [photo('beach.jpg')]);
  await expectWarning(page, 'flickr', 'very-high');
});

afterEach(async () => {
  for (const tab of opened.splice(0)) await tab.close().catch(() => undefined);
  await page?.close();
});

async function openExplanation(): Promise<Page> {
  const explanation = await openExplanationTab(firefox.browser, page);
  opened.push(explanation);
  return explanation;
}

describe('the explanation and settings in Firefox', () => {
  it('"Why?" opens the explanation of this upload, from the event page\'s record of the tab', async () => {
    const explanation = await openExplanation();
    // The first open of the explanation page in a fresh Firefox can take longer than expect.poll's 1 s default.
    await expect.poll(() => textOf(explanation, 'site-name'), { timeout: 10_000 }).toBe('Flickr');
    expect(await explanation.evaluate(() => document.querySelector('[data-testid="level"]')?.getAttribute('data-level'))).toBe('very-high');
    // The photo's facts were read from its metadata in the event page (exifreader runs there as in the worker).
    expect(await textOf(explanation, 'last-upload')).toMatch(/Location\s*no/);
  });

  it('the explanation leads to the options page, which shows the bundled rules', async () => {
    const options = await openOptions(firefox.browser, await openExplanation());
    opened.push(options);
    await expect.poll(() => textOf(options, 'rules-info')).toMatch(/\d+ sites/);
  });

  it('"Not on this site" mutes Flickr: the explanation says so, and the next upload is not interrupted', async () => {
    await clickWarningButton(page, 'Not on this site');
    const explanation = await openExplanation();
    await expect.poll(() => textOf(explanation, 'muted')).toBeTruthy();
    await page.reload();
    await uploadInto(page, '#at-load', [photo('second.jpg')]);
    await expectPageReceived(page, 'at-load', ['second.jpg']);
    await new Promise((done) => setTimeout(done, 500));
    expect(await warningIn(page)).toBeNull();
  });
});
