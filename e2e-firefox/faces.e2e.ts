import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, startFixtureServers, type FixtureServers } from '../e2e/support/server';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './support/firefox';
import { expectWarning, uploadInto, waitUntil, warningIn } from './support/pages';

// Faces in Firefox: no offscreen documents there, so the background page (which has a DOM) runs the detector shipped
// in the Firefox build, with the labelled photos of the Chromium tests (e2e/fixtures/faces/README.md).

const face = (file: string) => join(FIXTURES_DIR, 'faces', file);

let servers: FixtureServers;
let firefox: FirefoxWithExtension;
let page: Page;

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
});

afterEach(async () => {
  await page?.close();
});

const foundText = async () => (await warningIn(page))?.text ?? '';

describe('faces in Firefox', () => {
  it('warns at once, then names the face the background page found', async () => {
    await uploadInto(page, '#at-load', [face('astronaut.jpg')]);
    await expectWarning(page, 'flickr');
    await waitUntil(foundText, (text) => text.includes('Found in the photo: a face.'), 'the warning to name the face', 30_000);
  });

  it('counts two people, and finds none in a photo without a face', async () => {
    await uploadInto(page, '#at-load', [face('two-people.jpg')]);
    await waitUntil(foundText, (text) => text.includes('2 faces'), 'the warning to name two faces', 30_000);
    await page.goto(servers.http('www.flickr.com', '/upload.html'));
    await uploadInto(page, '#at-load', [face('coffee.jpg')]);
    await expectWarning(page, 'flickr');
    await new Promise((done) => setTimeout(done, 1_500));
    expect(await foundText()).not.toContain('Found in the photo');
  });
});
