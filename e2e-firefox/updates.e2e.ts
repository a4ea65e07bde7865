import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProjectRules } from '../scripts/rules/project-rules';
import { createBundle } from '../src/core/rules/bundle';
import { generateKeyPair, signPayload, toBase64 } from '../src/core/rules/signature';
import type { SiteRule } from '../src/core/rules/types';
import { photo } from '../e2e/support/bench';
import { startFixtureServers, type FixtureServers } from '../e2e/support/server';
import { startUpdateServer } from '../e2e/support/update-server';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './support/firefox';
import { expectWarning, openExplanation, openOptions, textOf, uploadInto } from './support/pages';

// Signed rule updates in Firefox: fetched by the event page, verified with WebCrypto Ed25519, applied without a
// reinstall. The Chromium suite (e2e/updates.e2e.ts) covers every way an update is rejected; here, one good update
// and one forged one show the same code works in Firefox.

const PROJECT = resolve(import.meta.dirname, '..');
const { data } = loadProjectRules();
const NEW_SITE: SiteRule = {
  id: 'new-photo-site',
  name: 'New Photo Site',
  category: 'photo-sharing',
  domains: ['newphotosite.com'],
  uploadPages: ['https://www.newphotosite.com/upload'],
  terms: [
    {
      topic: 'ai-licensing',
      value: 'yes',
      summary: 'A site added by a rules update in this test: its terms license uploads to AI companies.',
      source: 'https://www.newphotosite.com/terms',
      reviewed: '2026-11-23',
    },
  ],
  optOuts: [],
  datasets: [],
};
const TEST_BUILD_ENV = ['AFTERLIFE_EXTRA_TRUSTED_KEYS', 'AFTERLIFE_RULES_URL', 'AFTERLIFE_UPDATE_TIMEOUT_MS'] as const;

let servers: FixtureServers;
let updates: Awaited<ReturnType<typeof startUpdateServer>>;
let key: Awaited<ReturnType<typeof generateKeyPair>>;
let work: string;
let firefox: FirefoxWithExtension;
let options: Page;

/** The version the extension ships with, and the next one an update brings. */
const BUNDLED = Number(data.version);
const NEXT = BUNDLED + 1;

async function signed(version: number): Promise<string> {
  const payload = JSON.stringify(createBundle({ ...data, version: String(version), sites: [...data.sites, NEW_SITE] }, new Date()));
  return JSON.stringify(await signPayload(payload, key.privateKey, key.keyId));
}

/** Presses "Check for updates now" and returns what the options page then says about the check. */
async function checkNow(): Promise<string> {
  const before = await textOf(options, 'last-check');
  const button = await options.waitForSelector('button::-p-text("Check for updates now")', { timeout: 5_000 });
  await button?.click();
  await expect.poll(() => textOf(options, 'last-check'), { timeout: 10_000 }).not.toBe(before);
  return (await textOf(options, 'last-check')) ?? '';
}

beforeAll(async () => {
  servers = await startFixtureServers();
  updates = await startUpdateServer();
  key = await generateKeyPair();
  // A Firefox build that trusts a key made for this test and fetches from the local update server. The
  // production build trusts only rules/trusted-keys.json.
  work = await mkdtemp(join(tmpdir(), 'afterlife-firefox-updates-'));
  const keysFile = join(work, 'trusted-keys.json');
  await writeFile(keysFile, JSON.stringify([{ id: key.keyId, publicKey: toBase64(key.publicKey) }]));
  Object.assign(process.env, { AFTERLIFE_EXTRA_TRUSTED_KEYS: keysFile, AFTERLIFE_RULES_URL: updates.url, AFTERLIFE_UPDATE_TIMEOUT_MS: '1500' });
  const extensionDir = join(work, 'extension-firefox');
  try {
    await build({ configFile: join(PROJECT, 'vite.firefox.config.ts'), root: PROJECT, logLevel: 'silent', build: { outDir: extensionDir } });
  } finally {
    for (const name of TEST_BUILD_ENV) delete process.env[name];
  }
  firefox = await launchFirefoxWithExtension(extensionDir);
  // The options page is reached as a person reaches it: warning, "Why?", "Settings".
  const page = await firefox.browser.newPage();
  await page.goto(servers.http('www.flickr.com', '/upload.html'));
  await uploadInto(page, '#at-load', [photo('beach.jpg')]);
  await expectWarning(page, 'flickr', 'very-high');
  options = await openOptions(firefox.browser, await openExplanation(firefox.browser, page));
}, 60_000);

afterAll(async () => {
  await firefox?.close();
  await updates?.close();
  await servers?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('rule updates in Firefox', () => {
  it('applies a signed update without reinstalling, and the site it adds starts warning', async () => {
    await expect.poll(() => textOf(options, 'rules-info')).toMatch(new RegExp(`^Version ${BUNDLED}, .* shipped with the extension\\.`));
    updates.answer({ status: 200, body: await signed(NEXT), etag: `"v${NEXT}"` });
    await expect(checkNow()).resolves.toContain(`New rules were installed (version ${NEXT}).`);
    await expect.poll(() => textOf(options, 'rules-info')).toMatch(new RegExp(`^Version ${NEXT}, .* updated\\.`));
    const page = await firefox.browser.newPage();
    await page.goto(servers.http('www.newphotosite.com', '/upload.html'));
    await uploadInto(page, '#at-load', [photo('beach.jpg')]);
    await expectWarning(page, 'new-photo-site');
    await page.close();
  });

  it('rejects a forged update and keeps the last good rules', async () => {
    const good = JSON.parse(await signed(NEXT + 1)) as { payload: string };
    updates.answer({ status: 200, body: JSON.stringify({ ...good, payload: good.payload.replace('New Photo Site', 'Evil') }) });
    const sentence = await checkNow();
    expect(sentence).toMatch(/signature does not match/);
    expect(sentence).toContain(`Afterlife kept the rules it had (version ${NEXT}).`);
  });
});
