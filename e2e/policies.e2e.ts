import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProjectRules } from '../scripts/rules/project-rules';
import { createBundle } from '../src/core/rules/bundle';
import { generateKeyPair, signPayload, toBase64 } from '../src/core/rules/signature';
import { axeViolations } from './support/axe';
import { photo } from './support/bench';
import { launchWithExtension, openPopupFor, tabIdOf, warningIn, type ExtensionBrowser } from './support/browser';
import { canWritePolicy, removeExtensionPolicy, unpackedExtensionId, writeExtensionPolicy } from './support/chromium-policy';
import { startFixtureServers, type FixtureServers } from './support/server';
import { startUpdateServer } from './support/update-server';

/** What an organisation sets: a training room that warns only at very high, except on OkCupid, cleans and marks
 *  every photo, mutes an intranet, lets nobody mute, names Germany and runs its own signed rules channel; one value
 *  Afterlife cannot use (a reservation that allows mining). */
const policyFor = (rulesUpdateUrl: string, publicKey: string, keyId: string) => ({
  interruptFrom: 'very-high',
  alwaysClean: true,
  alwaysReserve: true,
  reservationValue: 'DMI-ALLOWED',
  forcedSites: ['okcupid'],
  mutedSites: ['domain:example-photos.test'],
  allowMuting: false,
  country: 'DE',
  trainerMode: true,
  rulesUpdateUrl,
  rulesPublicKeys: [{ id: keyId, publicKey }],
});

const writable = canWritePolicy();
let servers: FixtureServers;
let updates: Awaited<ReturnType<typeof startUpdateServer>>;
let orgKey: Awaited<ReturnType<typeof generateKeyPair>>;
let browser: ExtensionBrowser;
const { data } = loadProjectRules();

/** A rules bundle one version newer than the one shipped, signed with the given key, as an organisation publishes. */
async function signedWith(key: Awaited<ReturnType<typeof generateKeyPair>>): Promise<string> {
  const payload = JSON.stringify(createBundle({ ...data, version: String(Number(data.version) + 1) }, new Date()));
  return JSON.stringify(await signPayload(payload, key.privateKey, key.keyId));
}
/** The page the extension opened on install, if any. */
let openedOnInstall = '';

beforeAll(async () => {
  if (!writable) return;
  servers = await startFixtureServers();
  updates = await startUpdateServer();
  orgKey = await generateKeyPair();
  writeExtensionPolicy(policyFor(updates.url, toBase64(orgKey.publicKey), orgKey.keyId));
  browser = await launchWithExtension();
  const opened =
    browser.context.pages().find((open) => open.url().startsWith('chrome-extension://')) ??
    (await browser.context.waitForEvent('page', { timeout: 10_000 }).catch(() => null));
  await opened?.waitForLoadState().catch(() => undefined);
  openedOnInstall = opened?.url() ?? '';
  // The worker reads the policy in the background (the first read of managed storage can take seconds) and mirrors it.
  const worker = await browser.worker();
  const mirrored = () => worker.evaluate(async () => ((await chrome.storage.local.get('policy')).policy as { policy?: { trainerMode?: boolean } } | undefined)?.policy?.trainerMode);
  for (const deadline = Date.now() + 15_000; !(await mirrored()) && Date.now() < deadline; ) await new Promise((wait) => setTimeout(wait, 100));
});
afterAll(async () => {
  removeExtensionPolicy();
  await browser?.close();
  await updates?.close();
  await servers?.close();
});

const openOptions = async (): Promise<Page> => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await options.getByRole('heading', { level: 1 }).waitFor();
  return options;
};

describe.skipIf(!writable)('administrator policy from the Chromium policy folder (/etc/chromium/policies/managed)', () => {
  it('is addressed to the id Chromium gives the unpacked extension', () => {
    expect(browser.extensionId).toBe(unpackedExtensionId());
  });

  it('opens the demo on install in trainer mode, instead of the first-run page', async () => {
    expect(new URL(openedOnInstall).pathname).toBe('/src/demo/index.html');
    expect(browser.context.pages().some((page) => page.url().includes('/src/welcome/'))).toBe(false);
  });

  it('shows each policy-set choice as set by the organisation, read-only, and names the value it ignored', async () => {
    const options = await openOptions();
    await expect.poll(() => options.getByTestId('policy-problems').textContent().catch(() => '')).toContain('reservationValue');
    expect(await options.getByLabel('Very high').isChecked()).toBe(true);
    expect(await options.getByLabel('Very high').isDisabled()).toBe(true);
    const clean = options.getByLabel('Always remove location and camera data from photos before the page receives them');
    expect([await clean.isChecked(), await clean.isDisabled()]).toEqual([true, true]);
    // The reservation value was ignored: the person's own (the default) applies and stays theirs to change.
    expect(await options.getByRole('radio', { name: 'no AI or machine-learning training' }).isChecked()).toBe(true);
    expect(await options.getByRole('radio', { name: 'no AI or machine-learning training' }).isDisabled()).toBe(false);
    expect(await options.locator('#rules-url').isDisabled()).toBe(true);
    expect(await options.getByTestId('place-picker').inputValue()).toBe('DE');
    expect(await options.getByTestId('place-picker').isDisabled()).toBe(true);
    expect(await options.getByTestId('policy-note').count()).toBeGreaterThanOrEqual(5);
    await expect(options.getByTestId('policy-note').first().textContent()).resolves.toContain('Set by your organisation');
    await expect(options.locator('[data-site="domain:example-photos.test"]').textContent()).resolves.toContain('muted by your organisation');
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
  });

  it('cleans and marks every photo before the page sees it, as the policy says', async () => {
    const page = await browser.context.newPage();
    await page.goto(servers.https('www.shutterstock.com', '/clean-check.html'));
    await page.locator('h1').click();
    await page.setInputFiles('#photo', photo('meta/gps-camera.jpg'));
    await expect.poll(() => page.evaluate(() => (window as unknown as { received: unknown[] }).received.length)).toBe(1);
    const [received] = await page.evaluate(() => (window as unknown as { received: Array<Record<string, unknown>> }).received);
    expect(received).toMatchObject({ exif: false, serial: false, dataMining: 'DMI-PROHIBITED-AIMLTRAINING' });
    await page.close();
  });

  it('always warns on a forced site, even below the level, and offers no way to mute', async () => {
    const page = await browser.context.newPage();
    await page.goto(servers.http('www.okcupid.com', '/upload.html'));
    await page.setInputFiles('#at-load', photo('beach.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    expect(await warningIn(page).getAttribute('data-afterlife-level')).not.toBe('very-high');
    expect(await warningIn(page).getByRole('button', { name: 'Not on this site' }).count()).toBe(0);
    await page.close();
  });

  it('does not interrupt on a site the organisation muted; the popup says so and leads with the demo', async () => {
    const page = await browser.context.newPage();
    await page.goto(servers.http('blog.example-photos.test', '/upload.html'));
    await page.setInputFiles('#at-load', photo('meta/gps-camera.jpg'));
    const popup = await openPopupFor(browser, await tabIdOf(browser, page));
    await expect.poll(() => popup.getByTestId('muted').textContent().catch(() => '')).toContain('Your organisation muted it.');
    expect(await popup.getByTestId('muted').getByRole('button').count()).toBe(0);
    await expect(popup.getByTestId('trainer-mode').textContent()).resolves.toBe('Open the trainer demo');
    expect(await warningIn(page).count()).toBe(0);
    await page.close();
  });

  it("takes rule updates only from the organisation's channel, signed by its key", async () => {
    const options = await openOptions();
    const check = async () => {
      const button = options.locator('button', { hasText: /Check for updates now|Checking/ });
      await button.click();
      await expect.poll(() => button.isEnabled(), { timeout: 10_000 }).toBe(true);
      return (await options.getByTestId('last-check').textContent()) ?? '';
    };
    updates.answer({ status: 200, body: await signedWith(await generateKeyPair()) });
    await expect(check()).resolves.toContain("The update was refused because it was not signed by a key your organisation's policy names");
    updates.answer({ status: 200, body: await signedWith(orgKey) });
    await expect(check()).resolves.toContain(`New rules were installed (version ${Number(data.version) + 1}).`);
    expect(updates.requests.length).toBeGreaterThanOrEqual(2);
    await options.close();
  });
});
