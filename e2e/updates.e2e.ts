import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProjectRules } from '../scripts/rules/project-rules';
import { createBundle } from '../src/core/rules/bundle';
import { generateKeyPair, signPayload, toBase64 } from '../src/core/rules/signature';
import type { SiteRule } from '../src/core/rules/types';
import { photo } from './support/bench';
import { launchWithExtension, stopServiceWorker, warningIn, type ExtensionBrowser } from './support/browser';
import { startFixtureServers, type FixtureServers } from './support/server';
import { startUpdateServer } from './support/update-server';

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

let servers: FixtureServers;
let updates: Awaited<ReturnType<typeof startUpdateServer>>;
let browser: ExtensionBrowser;
let key: Awaited<ReturnType<typeof generateKeyPair>>;
let options: Page;

/** The version the extension ships with, and the next one an update brings. */
const BUNDLED = Number(data.version);
const NEXT = BUNDLED + 1;

/** A signed bundle as maintainers publish it: the project rules, a version, and optionally the new site. */
async function signed(version: number, sites: SiteRule[] = [...data.sites, NEW_SITE]): Promise<string> {
  const payload = JSON.stringify(createBundle({ ...data, version: String(version), sites }, new Date()));
  return JSON.stringify(await signPayload(payload, key.privateKey, key.keyId));
}

/** Presses "Check now" and returns the sentence the options page shows about the outcome. */
async function checkNow(): Promise<string> {
  const button = options.locator('button', { hasText: /Check for updates now|Checking/ });
  await button.click();
  // The button reads "Checking…" and is disabled until the background has an outcome (a silent server takes the
  // whole timeout).
  await expect.poll(() => button.isEnabled(), { timeout: 10_000 }).toBe(true);
  return (await options.getByTestId('last-check').textContent()) ?? '';
}

const rulesInUse = () => options.getByTestId('rules-info').textContent();

beforeAll(async () => {
  servers = await startFixtureServers();
  updates = await startUpdateServer();
  key = await generateKeyPair();
  // A build of the extension that trusts a key made for this test, fetches from the local update server and gives
  // up on silent servers quickly. The production build trusts only rules/trusted-keys.json.
  const work = await mkdtemp(join(tmpdir(), 'afterlife-updates-'));
  const keysFile = join(work, 'trusted-keys.json');
  await writeFile(keysFile, JSON.stringify([{ id: key.keyId, publicKey: toBase64(key.publicKey) }]));
  Object.assign(process.env, {
    AFTERLIFE_EXTRA_TRUSTED_KEYS: keysFile,
    AFTERLIFE_RULES_URL: updates.url,
    AFTERLIFE_UPDATE_TIMEOUT_MS: '1500',
    AFTERLIFE_UPDATE_MAX_BYTES: String(1024 * 1024),
  });
  const extensionDir = join(work, 'extension');
  await build({ configFile: join(PROJECT, 'vite.config.ts'), root: PROJECT, logLevel: 'silent', build: { outDir: extensionDir } });
  for (const name of ['AFTERLIFE_EXTRA_TRUSTED_KEYS', 'AFTERLIFE_RULES_URL', 'AFTERLIFE_UPDATE_TIMEOUT_MS', 'AFTERLIFE_UPDATE_MAX_BYTES']) delete process.env[name];
  browser = await launchWithExtension({ extensionDir });
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
  await options.getByTestId('rules-info').waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await updates?.close();
  await servers?.close();
});

describe('rule updates, in order, as an installed extension meets them', () => {
  it('starts on the bundled rules, and a site missing from them is unknown', async () => {
    await expect(rulesInUse()).resolves.toMatch(new RegExp(`^Version ${BUNDLED}, .* shipped with the extension\\.`));
    const page = await browser.context.newPage();
    await page.goto(servers.http('www.newphotosite.com', '/upload.html'));
    await page.setInputFiles('#at-load', photo('beach.jpg'));
    await page.waitForTimeout(500);
    expect(await warningIn(page).count()).toBe(0); // unknown sites are medium: below the default threshold
    await page.close();
  });

  it('applies a good update without reinstalling, and the site it adds starts warning', async () => {
    updates.answer({ status: 200, body: await signed(NEXT), etag: `"v${NEXT}"` });
    await expect(checkNow()).resolves.toContain(`New rules were installed (version ${NEXT}).`);
    await expect(rulesInUse()).resolves.toMatch(new RegExp(`^Version ${NEXT}, .* updated\\. They list ${data.sites.length + 1} sites`));
    const page = await browser.context.newPage();
    await page.goto(servers.http('www.newphotosite.com', '/upload.html'));
    await page.setInputFiles('#at-load', photo('beach.jpg'));
    await expect.poll(() => warningIn(page).count()).toBe(1);
    expect(await warningIn(page).getAttribute('data-afterlife-site')).toBe('new-photo-site');
    await page.close();
  });

  it('asks again with If-None-Match and keeps the rules when nothing changed', async () => {
    await expect(checkNow()).resolves.toContain('The rules are up to date.');
    expect(updates.requests.at(-1)?.ifNoneMatch).toBe(`"v${NEXT}"`);
  });

  it.each([
    ['a bad signature', async () => ({ status: 200, body: JSON.stringify({ ...JSON.parse(await signed(NEXT + 1)), payload: (await signed(NEXT + 1)).replace('New Photo Site', 'Evil') }) }), /signature does not match/],
    ['an older version', async () => ({ status: 200, body: await signed(BUNDLED) }), /older than the rules in use/],
    ['malformed JSON', async () => ({ status: 200, body: '{"payload": "not finished' }), /not a signed rules file/],
    ['an oversized body', async () => ({ status: 200, body: 'x'.repeat(1024 * 1024 + 10) }), /too large/],
    ['a server error', async () => ({ status: 500, body: 'boom' }), /reported an error \(the server answered 500\)/],
    ['a server that never answers', async () => ({ hang: true as const }), /did not answer in time/],
  ])('rejects %s, keeps the last good rules and says why', async (_, answer, reason) => {
    updates.answer(await answer());
    const sentence = await checkNow();
    expect(sentence).toMatch(reason);
    expect(sentence).toContain(`Afterlife kept the rules it had (version ${NEXT}).`);
    await expect(rulesInUse()).resolves.toMatch(new RegExp(`^Version ${NEXT}, `));
  });

  it('keeps the update after the service worker restarts', async () => {
    await stopServiceWorker(browser, options);
    await options.reload();
    await expect.poll(rulesInUse).toMatch(new RegExp(`^Version ${NEXT}, .* updated\\.`));
  });
});
