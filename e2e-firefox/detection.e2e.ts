import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { photo } from '../e2e/support/bench';
import { startFixtureServers, type FixtureServers } from '../e2e/support/server';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './support/firefox';
import { canInterceptFileChooser, chooseThroughPicker, expectPageReceived, expectWarning, uploadInto, warningIn } from './support/pages';

// The Firefox build on the Chromium tests' upload bench (e2e/fixtures/upload.html), served as www.flickr.com.
// Only the paths Firefox can drive here: no drag and drop or clipboard with files over WebDriver BiDi, and no File
// System Access picker in Firefox at all (docs/firefox.md).

let servers: FixtureServers;
let firefox: FirefoxWithExtension;
let page: Page;
let pickerSupported = false;

beforeAll(async () => {
  servers = await startFixtureServers();
  firefox = await launchFirefoxWithExtension();
  pickerSupported = await canInterceptFileChooser(firefox.browser);
  if (!pickerSupported) {
    console.warn(`Firefox ${await firefox.browser.version()} does not report file choosers over WebDriver BiDi: the tests that pick a file through a chooser are skipped.`);
  }
});

/** For the tests that open a file chooser: skipped where this Firefox cannot hand one a file (see canInterceptFileChooser). */
const needsPicker = (context: { skip: () => void }) => {
  if (!pickerSupported) context.skip();
};

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

describe('file inputs in Firefox', () => {
  it('warns in the page when a photo is chosen on Flickr, and the page still gets it', async () => {
    await uploadInto(page, '#at-load', [photo('beach.jpg')]);
    await expectWarning(page, 'flickr', 'very-high');
    await expectPageReceived(page, 'at-load', ['beach.jpg']);
  });

  it('shows nothing at all for a non-image file', async () => {
    await uploadInto(page, '#at-load', [photo('notes.txt')]);
    await expectPageReceived(page, 'at-load', ['notes.txt']);
    await new Promise((done) => setTimeout(done, 500));
    expect(await warningIn(page)).toBeNull();
  });

  it('sees a hidden input opened by its label, through the file chooser', async (context) => {
    needsPicker(context);
    await chooseThroughPicker(page, '#label-picker', [photo('beach.jpg')]);
    await expectWarning(page, 'flickr', 'very-high');
    await expectPageReceived(page, 'hidden-by-label', ['beach.jpg']);
  });

  it('sees an input in a cross-origin frame and names the site the person is on', async () => {
    const frame = page.frames().find((candidate) => candidate.url().includes('uploads.widgetcdn.test'));
    if (!frame) throw new Error('cross-origin frame not found');
    await uploadInto(frame, '#frame-input', [photo('beach.jpg')]);
    await expectWarning(frame, 'flickr', 'very-high');
    await expectPageReceived(frame, 'frame', ['beach.jpg']);
  });
});

describe('the main-world hook in Firefox (world: "MAIN", Firefox 128+)', () => {
  it('sees an input created by script and never attached to the page', async (context) => {
    needsPicker(context);
    await chooseThroughPicker(page, '#detached-picker', [photo('beach.jpg')]);
    await expectWarning(page, 'flickr', 'very-high');
    await expectPageReceived(page, 'detached', ['beach.jpg']);
  });
});

// Firefox fires a file input's `input` event with composed: false, so a choice made in an input inside a shadow root
// never reaches a listener on `window` (Chromium's event is composed); src/content/detect/file-inputs.ts watches the
// shadow tree's inputs directly once a click lands in it.
describe('shadow roots in Firefox', () => {
  it('sees a photo chosen in an input inside an open shadow root', async (context) => {
    needsPicker(context);
    await chooseThroughPicker(page, '#open-host >>> input[type=file]', [photo('beach.jpg')]);
    await expectPageReceived(page, 'open-shadow', ['beach.jpg']);
    await expectWarning(page, 'flickr', 'very-high', 1_500);
  });

  it('sees a photo chosen in an input inside a closed shadow root', async (context) => {
    needsPicker(context);
    await chooseThroughPicker(page, '#closed-host', [photo('beach.jpg')]);
    await expectPageReceived(page, 'closed-shadow', ['beach.jpg']);
    await expectWarning(page, 'flickr', 'very-high', 1_500);
  });
});
