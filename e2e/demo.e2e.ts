import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { launchWithExtension, warningIn, type ExtensionBrowser } from './support/browser';

let browser: ExtensionBrowser;
let demo: Page;
const requests: string[] = [];

beforeAll(async () => {
  browser = await launchWithExtension();
  browser.context.on('request', (request) => requests.push(request.url()));
  demo = await browser.context.newPage();
  await demo.goto(`chrome-extension://${browser.extensionId}/src/demo/index.html`);
  await demo.getByTestId('step-title').waitFor();
});
afterAll(async () => {
  await browser?.close();
});

const title = () => demo.getByTestId('step-title').textContent();

async function stage(): Promise<Frame> {
  await demo.getByTestId('stage').waitFor();
  const handle = await demo.getByTestId('stage').elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('no simulated site on the stage');
  await frame.waitForSelector('button[data-sample]');
  return frame;
}

async function uploadSample(label: string): Promise<Frame> {
  const site = await stage();
  await site.getByRole('button', { name: label, exact: true }).click();
  await expect.poll(() => warningIn(site).count()).toBe(1);
  return site;
}

describe('the trainer demo, walked through with the keyboard', () => {
  it('opens on the introduction, in large type, marked as a demo', async () => {
    await expect(title()).resolves.toBe("A photo's afterlife as training data");
    await expect(demo.locator('.demo-label').textContent()).resolves.toContain('Demo');
    expect(await demo.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(20);
    expect(await axeViolations(demo)).toEqual([]);
  });

  it('photo-sharing site: a portrait under the CC BY licence picked on the page is very high; the nudge removes the licence reason', async () => {
    await demo.keyboard.press('ArrowRight');
    await expect(title()).resolves.toBe('A photo-sharing site');
    await expect(demo.getByTestId('step-say').textContent()).resolves.toContain('Creative Commons');
    await expect(demo.locator('.say-extra').first().textContent()).resolves.toContain('YFCC100M');
    const site = await uploadSample('Portrait');
    expect(await warningIn(site).getAttribute('data-afterlife-site')).toBe('flickr');
    expect(await warningIn(site).getAttribute('data-afterlife-level')).toBe('very-high');
    await expect(warningIn(site).locator('.reason').textContent()).resolves.toContain('CC BY 4.0');
    // The face is counted after the first warning; the warning then names it.
    await expect.poll(() => warningIn(site).locator('.found').textContent().catch(() => null), { timeout: 30_000 }).toBe('Found in the photo: a face.');
    await warningIn(site).getByRole('button', { name: 'Switch to "All rights reserved"' }).click();
    await expect.poll(() => warningIn(site).locator('.found').last().textContent()).toContain('All rights reserved');
    expect(await site.inputValue('#licence')).toBe('0');
    // Flickr's datasets and the face keep it very high: the licence was one reason of several.
    await expect(warningIn(site).locator('.reason').textContent()).resolves.not.toContain('CC BY 4.0');
    expect(await warningIn(site).getAttribute('data-afterlife-level')).toBe('very-high');

    const explanation = browser.context.waitForEvent('page');
    await warningIn(site).getByRole('button', { name: 'Why?' }).click();
    const popup = await explanation;
    await popup.getByTestId('level').waitFor();
    await expect(popup.getByTestId('site-name').textContent()).resolves.toBe('Flickr');
    // The explanation follows the page's licence as it is now: switched to All rights reserved.
    expect(await popup.locator('[data-factor="open-licence"]').count()).toBe(0);
    expect(await popup.locator('[data-factor="site-datasets"]').count()).toBe(1);
    await popup.close();
  });

  it('dating profile: a portrait is high, on the OkCupid rule', async () => {
    await demo.bringToFront();
    await demo.keyboard.press('ArrowRight');
    await expect(title()).resolves.toBe('A dating profile');
    const site = await uploadSample('Portrait');
    expect(await warningIn(site).getAttribute('data-afterlife-site')).toBe('okcupid');
    // Medium for the site (its Clarifai copy was deleted under the FTC's order), high once the face is counted.
    await expect.poll(() => warningIn(site).getAttribute('data-afterlife-level'), { timeout: 30_000 }).toBe('high');
    await expect(warningIn(site).locator('.reason').textContent()).resolves.toMatch(/members|face/);
    expect(await warningIn(site).getByRole('button', { name: 'Not on this site' }).count()).toBe(0);
  });

  it('selfie verification: the site takes a photo with the (simulated) camera and sends it by script; the warning says so and finds the face', async () => {
    await demo.keyboard.press('ArrowRight');
    await expect(title()).resolves.toBe('Selfie verification');
    await demo.getByTestId('stage').waitFor();
    const site = await (await demo.getByTestId('stage').elementHandle())?.contentFrame();
    if (!site) throw new Error('no simulated site on the stage');
    await site.getByRole('button', { name: 'Take my verification selfie' }).click();
    await expect.poll(() => warningIn(site).count(), { timeout: 15_000 }).toBe(1);
    expect(await warningIn(site).getAttribute('data-afterlife-site')).toBe('okcupid');
    await expect(warningIn(site).locator('.found').first().textContent()).resolves.toBe('This page took a photo with your camera and is sending it.');
    await expect(site.locator('#camera-note').textContent()).resolves.toBe("Taken with the demo's simulated camera (the sample portrait).");
    await expect.poll(() => warningIn(site).locator('.found').last().textContent(), { timeout: 30_000 }).toBe('Found in the photo: a face.');
    expect((await axeViolations(site)).map((v) => [v.id, v.targets])).toEqual([]);
  });

  it('social network: a portrait carrying its location is very high, and the location is named', async () => {
    await demo.keyboard.press('ArrowRight');
    await expect(title()).resolves.toBe('A social network post');
    const site = await uploadSample('Portrait with location');
    expect(await warningIn(site).getAttribute('data-afterlife-site')).toBe('facebook');
    expect(await warningIn(site).getAttribute('data-afterlife-level')).toBe('very-high');
    await expect(warningIn(site).locator('.found').textContent()).resolves.toContain('the exact place it was taken');
  });

  it('unknown blog: a coffee photo is medium, because unknown is not safe', async () => {
    await demo.keyboard.press('ArrowRight');
    const site = await uploadSample('Coffee');
    expect(await warningIn(site).getAttribute('data-afterlife-site')).toBe('unknown');
    expect(await warningIn(site).getAttribute('data-afterlife-level')).toBe('medium');
  });

  it('shows the timeline of datasets from the rules data, and goes back with ←', async () => {
    await demo.keyboard.press('ArrowRight');
    await expect(title()).resolves.toBe('What happened to photos like these');
    const years = await demo.locator('[data-testid="demo-timeline"] .year').allTextContents();
    expect(years.length).toBeGreaterThanOrEqual(25);
    expect([...years].sort()).toEqual(years);
    await demo.keyboard.press('ArrowLeft');
    await expect(title()).resolves.toBe('A blog Afterlife does not know');
  });

  it('saying no in the file: the reservation is written into the sample and read back from what the site received', async () => {
    await demo.keyboard.press('ArrowRight');
    await demo.keyboard.press('ArrowRight');
    await expect(title()).resolves.toBe('Saying no, in the file');
    const site = await uploadSample('Portrait');
    expect(await warningIn(site).getAttribute('data-afterlife-site')).toBe('wikimedia-commons');
    await expect(site.locator('[data-received="reservation"]').textContent()).resolves.toBe('none');
    await warningIn(site).getByRole('button', { name: 'Mark it not for AI training' }).click();
    await expect
      .poll(() => site.locator('[data-received="reservation"]').textContent())
      .toBe('no AI or machine-learning training (DMI-PROHIBITED-AIMLTRAINING)');
    await expect
      .poll(() => warningIn(site).locator('.found').last().textContent())
      .toContain("Wikimedia Commons keeps a photo's own metadata in the copies it shows, so the reservation goes with them.");
    expect(await axeViolations(demo)).toEqual([]);
  });

  it('"Reset demo" returns to the start', async () => {
    await demo.getByRole('button', { name: 'Reset demo' }).click();
    await expect.poll(title).toBe("A photo's afterlife as training data");
  });

  it('made no network request at all', () => {
    // Previews of the chosen photo are blob: URLs of the extension itself.
    expect(requests.filter((url) => !/^(blob:)?chrome-extension:\/\//.test(url))).toEqual([]);
  });
});
