import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchWithExtension, setSettings, type ExtensionBrowser } from './support/browser';

let browser: ExtensionBrowser;
let options: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  await setSettings(browser, { mutedSites: ['flickr'], interruptFrom: 'medium', country: 'US-IL' });
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await options.getByRole('heading', { level: 1 }).waitFor();
});

const stored = async () => (await (await browser.worker()).evaluate(async () => (await chrome.storage.sync.get('settings')).settings)) as Record<string, unknown>;
const importFile = (name: string, text: string) => options.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

describe('settings that travel between browsers', () => {
  it('exports the person\'s choices as a JSON file, and imports it back after they changed', async () => {
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export settings' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('afterlife-settings.json');
    const text = await readFile((await file.path()) ?? '', 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'afterlife-settings', version: 1, settings: { mutedSites: ['flickr'], interruptFrom: 'medium', country: 'US-IL' } });

    await setSettings(browser, {});
    await importFile('afterlife-settings.json', text);
    await expect(options.getByTestId('import-result').textContent()).resolves.toBe('Imported the settings from afterlife-settings.json.');
    expect(await stored()).toMatchObject({ mutedSites: ['flickr'], interruptFrom: 'medium', country: 'US-IL' });
    expect(await options.getByLabel('Medium').isChecked()).toBe(true);
  });

  it('refuses a wrong file whole, says what is wrong, and changes nothing', async () => {
    const before = await stored();
    const bad = { format: 'afterlife-settings', version: 1, settings: { interruptFrom: 'extreme', mutedSites: [], language: 'auto', rulesUrl: '', alwaysClean: 'yes' } };
    await importFile('broken.json', JSON.stringify(bad));
    const result = options.getByTestId('import-result');
    await expect(result.textContent()).resolves.toContain('Nothing was changed');
    const problems = await result.locator('li').allTextContents();
    expect(problems).toEqual(expect.arrayContaining(['settings.interruptFrom: must be low, medium, high or very-high', 'settings.alwaysClean: must be true or false', 'settings.reservation: missing']));
    await importFile('notes.json', 'not json at all');
    await expect.poll(() => options.getByTestId('import-result').locator('li').allTextContents()).toEqual(['the file is not JSON']);
    expect(await options.getByTestId('import-result').getAttribute('role')).toBe('alert');
    expect(await stored()).toEqual(before);
  });
});
