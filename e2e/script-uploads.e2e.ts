/**
 * Photos that never pass a file chooser (docs/script-uploads.md): a selfie taken from a fake camera — Chromium's
 * fake capture device playing a labelled face photo — and sent by `fetch`, `XMLHttpRequest`, base64 in JSON and
 * `sendBeacon`; a canvas crop of a chosen photo; a chunked upload; a worker's upload; and bodies that are not photos.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchWithExtension, recordOf, setSettings, tabIdOf, warningIn, type ExtensionBrowser } from './support/browser';
import { FIXTURES_DIR, startFixtureServers, type FixtureServers } from './support/server';
import { readPhotoMetadata } from '../src/core/photo/metadata';

/** A site not in the rules: medium, so every warning shows with the threshold at low. */
const HOST = 'verify.example-dating.test';

let servers: FixtureServers;
let browser: ExtensionBrowser;
let cameraDir: string;

beforeAll(async () => {
  servers = await startFixtureServers();
  // The fake camera plays a Motion JPEG file: the labelled astronaut portrait, frame after frame.
  cameraDir = await mkdtemp(join(tmpdir(), 'afterlife-camera-'));
  const face = await readFile(join(FIXTURES_DIR, 'faces', 'astronaut.jpg'));
  const video = join(cameraDir, 'face.mjpeg');
  await writeFile(video, Buffer.concat(Array.from({ length: 30 }, () => face)));
  browser = await launchWithExtension({
    extraArgs: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  await browser.context.grantPermissions(['camera']);
});
afterAll(async () => {
  await browser?.close();
  await servers?.close();
  if (cameraDir) await rm(cameraDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await setSettings(browser, { interruptFrom: 'low' });
});

let pages = 0;
async function fixturePage(file = 'script-uploads.html'): Promise<Page> {
  const page = await browser.context.newPage();
  // Each page its own address: tabIdOf finds a tab by its address, and a closing tab may still show the last one.
  await page.goto(servers.https(HOST, `/${file}?page=${++pages}`));
  // The watchers arrive at the person's first step (docs/script-uploads.md): a click on the page, as before any real
  // capture or editing flow, then wait until they are in place.
  await page.mouse.click(5, 5);
  await expect.poll(() => page.evaluate(() => XMLHttpRequest.prototype.send !== (window as unknown as { nativeSend: unknown }).nativeSend)).toBe(true);
  return page;
}

/** The page's own log lines (script-uploads.js). */
async function pageLog(page: Page): Promise<Array<Record<string, unknown>>> {
  const text = (await page.locator('#log').textContent()) ?? '';
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

const uploadsTo = (path: string) => servers.received.filter((entry) => entry.path === path);

describe('a camera photo sent by script', () => {
  it('fetch with FormData: warned before the request leaves, named a camera photo, faces counted, the request unchanged', async () => {
    const page = await fixturePage();
    await page.click('[data-scenario="selfie-fetch-formdata"]');
    await expect.poll(() => warningIn(page).count(), { timeout: 15_000 }).toBe(1);
    await expect(warningIn(page).locator('.found').first().textContent()).resolves.toBe('This page took a photo with your camera and is sending it.');
    await expect.poll(() => uploadsTo('/upload/selfie').length, { timeout: 15_000 }).toBe(1);
    const log = await pageLog(page);
    const warningAt = log.find((entry) => entry.warning)?.at as number;
    const sentAt = log.find((entry) => entry.sent === 'fetch')?.at as number;
    expect(warningAt).toBeLessThanOrEqual(sentAt);
    // The photo reached the server as the page sent it: a JPEG in a multipart body, of the size the page made.
    const sending = log.find((entry) => entry.sending === 'fetch')?.bytes as number;
    const body = uploadsTo('/upload/selfie')[0]!.body;
    expect(body.length).toBeGreaterThan(sending);
    expect(body.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    // The face check runs on camera photos too: the fake camera shows the labelled portrait.
    await expect.poll(() => warningIn(page).locator('.found').last().textContent(), { timeout: 30_000 }).toBe('Found in the photo: a face.');
    const record = await recordOf(browser, await tabIdOf(browser, page));
    expect(record?.path).toBe('camera');
    await page.close();
  });

  it('XMLHttpRequest with a Blob', async () => {
    const page = await fixturePage();
    await page.click('[data-scenario="selfie-xhr-blob"]');
    await expect.poll(() => warningIn(page).count(), { timeout: 15_000 }).toBe(1);
    await expect(warningIn(page).locator('.found').first().textContent()).resolves.toBe('This page took a photo with your camera and is sending it.');
    await expect.poll(async () => (await pageLog(page)).some((entry) => entry.sent === 'xhr' && entry.status === 200), { timeout: 15_000 }).toBe(true);
    await page.close();
  });

  it('base64 inside JSON', async () => {
    const page = await fixturePage();
    await page.click('[data-scenario="selfie-json-base64"]');
    await expect.poll(() => warningIn(page).count(), { timeout: 15_000 }).toBe(1);
    await expect(warningIn(page).locator('.found').first().textContent()).resolves.toBe('This page took a photo with your camera and is sending it.');
    await expect.poll(() => uploadsTo('/upload/json').length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(JSON.parse(uploadsTo('/upload/json').at(-1)!.body.toString()).selfie).toMatch(/^data:image\/jpeg;base64,/);
    await page.close();
  });

  it("on a page whose Content Security Policy allows only its own scripts: the watchers still arrive", async () => {
    const page = await fixturePage('script-uploads-csp.html');
    await page.click('[data-scenario="selfie-fetch-formdata"]');
    await expect.poll(() => warningIn(page).count(), { timeout: 15_000 }).toBe(1);
    await expect(warningIn(page).locator('.found').first().textContent()).resolves.toBe('This page took a photo with your camera and is sending it.');
    await page.close();
  });

  it('sendBeacon', async () => {
    const page = await fixturePage();
    await page.click('[data-scenario="selfie-beacon"]');
    await expect.poll(() => warningIn(page).count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => uploadsTo('/upload/beacon').length, { timeout: 15_000 }).toBeGreaterThan(0);
    await page.close();
  });
});

describe('other photos sent by script', () => {
  it('a canvas crop of a chosen photo is the same upload: one warning, not two', async () => {
    const page = await fixturePage();
    await page.setInputFiles('#photo', join(FIXTURES_DIR, 'photos', 'meta', 'all-facts.jpg'));
    await expect.poll(() => warningIn(page).count(), { timeout: 15_000 }).toBe(1);
    const first = await warningIn(page).locator('.found').allTextContents();
    await page.click('[data-scenario="crop"]');
    await expect.poll(() => uploadsTo('/upload/crop').length, { timeout: 15_000 }).toBe(1);
    await page.waitForTimeout(500);
    expect(await warningIn(page).count()).toBe(1);
    // Still the chosen photo's warning, not a "sending a photo" one.
    expect((await warningIn(page).locator('.found').allTextContents()).slice(0, first.length)).toEqual(first);
    expect(await warningIn(page).locator('.found').first().textContent()).not.toContain('sending');
    await page.close();
  });

  it('a chunked upload is warned once, from its first chunk', async () => {
    const page = await fixturePage();
    await page.click('[data-scenario="chunked"]');
    await expect.poll(async () => (await pageLog(page)).some((entry) => entry.sent === 'chunked'), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => warningIn(page).count(), { timeout: 15_000 }).toBe(1);
    await expect(warningIn(page).locator('.found').first().textContent()).resolves.toBe('This page is sending a photo by itself.');
    const original = await readFile(join(FIXTURES_DIR, 'photos', 'beach.jpg'));
    const chunks = servers.received.filter((entry) => entry.path === '/upload/chunk');
    expect(Buffer.concat(chunks.slice(-Math.ceil(original.length / 16384)).map((entry) => entry.body)).equals(original)).toBe(true);
    await page.close();
  });

  it('with "always clean" and "always mark", a fetch sends the prepared copy; an XHR sends the page\'s own, as documented', async () => {
    await setSettings(browser, { interruptFrom: 'low', alwaysClean: true, alwaysReserve: true });
    const page = await fixturePage();
    await page.click('[data-scenario="resend-fetch"]');
    await expect.poll(() => uploadsTo('/upload/resend').length, { timeout: 15_000 }).toBe(1);
    const sent = readPhotoMetadata(new Uint8Array(uploadsTo('/upload/resend')[0]!.body));
    expect(sent.ok && sent.metadata.location).toBe(false);
    expect(sent.ok && sent.metadata.dataMining).toBe('DMI-PROHIBITED-AIMLTRAINING');
    await expect.poll(() => warningIn(page).locator('.found').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Removed the location and camera data from 1 photo')]),
    );
    await page.click('[data-scenario="resend-xhr"]');
    await expect.poll(() => uploadsTo('/upload/resend-xhr').length, { timeout: 15_000 }).toBe(1);
    const original = await readFile(join(FIXTURES_DIR, 'photos', 'meta', 'all-facts.jpg'));
    expect(uploadsTo('/upload/resend-xhr')[0]!.body.equals(original)).toBe(true);
    await setSettings(browser, { alwaysClean: false, alwaysReserve: false });
    await page.close();
  });

  it('a page checking fetch finds it native, with its name and length', async () => {
    const page = await fixturePage();
    await page.click('[data-scenario="check-fetch"]');
    await expect.poll(async () => (await pageLog(page)).find((entry) => 'native' in entry)).toMatchObject({ native: true, name: 'fetch', length: 1, send: true });
    await page.close();
  });

  it('bodies that are not photos never warn: JSON, text, a PDF, random bytes', async () => {
    const page = await fixturePage();
    await page.click('[data-scenario="not-images"]');
    await expect.poll(async () => (await pageLog(page)).some((entry) => entry.sent === 'not-images'), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => uploadsTo('/upload/random-xhr').length, { timeout: 15_000 }).toBe(1);
    await page.waitForTimeout(500);
    expect(await warningIn(page).count()).toBe(0);
    expect(await recordOf(browser, await tabIdOf(browser, page))).toBeNull();
    await page.close();
  });

  it("a dedicated worker's upload is not seen: content scripts do not run in workers (documented)", async () => {
    const page = await fixturePage();
    await page.click('[data-scenario="worker"]');
    await expect.poll(() => uploadsTo('/upload/worker').length, { timeout: 15_000 }).toBe(1);
    await page.waitForTimeout(500);
    expect(await warningIn(page).count()).toBe(0);
    await page.close();
  });
});
