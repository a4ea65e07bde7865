import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './support/firefox';
import { waitUntil } from './support/pages';

/** Firefox on Linux reads enterprise policies from /etc/firefox/policies/policies.json when it starts (Debian's
 *  firefox-esr 140 too, as this test shows). */
const POLICY_DIRS = ['/etc/firefox/policies'];
const GECKO_ID = 'afterlife@afterlife-extension.org';
const POLICY = { interruptFrom: 'very-high', alwaysClean: true, trainerMode: true, country: 'FR', reservationValue: 'no such value' };

function writable(): boolean {
  try {
    for (const dir of POLICY_DIRS) mkdirSync(dir, { recursive: true });
    return true;
  } catch {
    return false;
  }
}
const canWrite = writable();
let firefox: FirefoxWithExtension;
let opened: Page | undefined;

beforeAll(async () => {
  if (!canWrite) return;
  const policies = JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: POLICY } } } }, null, 2);
  for (const dir of POLICY_DIRS) writeFileSync(join(dir, 'policies.json'), policies);
  firefox = await launchFirefoxWithExtension();
  // In trainer mode the extension opens its demo on install, instead of the first-run page.
  opened = await waitUntil(
    async () => {
      for (const page of await firefox.browser.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (/^moz-extension:\/\/[^/]+\/src\/demo\/index\.html/.test(href)) return page;
      }
      return undefined;
    },
    (page) => page !== undefined,
    'the demo to open on install',
    20_000,
  );
});
afterAll(async () => {
  for (const dir of POLICY_DIRS) rmSync(join(dir, 'policies.json'), { force: true });
  await firefox?.close();
});

describe.skipIf(!canWrite)('administrator policy from Firefox policies.json (3rdparty → Extensions)', () => {
  it('opens the demo on install, as trainer mode asks', () => {
    expect(opened).toBeDefined();
  });

  it('reaches the extension as managed storage, where Afterlife reads it and sets aside the value it cannot use', async () => {
    const read = await opened?.evaluate(() => (globalThis as unknown as { browser: { storage: { managed: { get(): Promise<unknown> } } } }).browser.storage.managed.get());
    expect(read).toMatchObject({ interruptFrom: 'very-high', alwaysClean: true, trainerMode: true, country: 'FR' });
    const mirrored = await opened?.evaluate(async () =>
      (globalThis as unknown as { browser: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } } }).browser.storage.local.get('policy'),
    );
    expect(mirrored).toMatchObject({ policy: { policy: { interruptFrom: 'very-high', alwaysClean: true, country: 'FR' }, problems: [{ key: 'reservationValue', reason: 'not-allowed' }] } });
  });
});
