import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chooseThroughPicker, expectPageReceived, photo } from './support/bench';
import { badgeOf, launchWithExtension, setSettings, tabIdOf, warningIn, type ExtensionBrowser } from './support/browser';
import { startFixtureServers, type FixtureServers } from './support/server';

let servers: FixtureServers;
let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  servers = await startFixtureServers();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await servers?.close();
});

beforeEach(async () => {
  await setSettings(browser, {});
  page = await browser.context.newPage();
});

afterEach(async () => {
  await page?.close();
});

const openBench = async (host = 'www.flickr.com', secure = false) => {
  await page.goto(secure ? servers.https(host, '/upload.html') : servers.http(host, '/upload.html'));
};

async function expectFlickrWarning(target: Page | import('playwright-core').Frame = page) {
  const warning = warningIn(target);
  await expect.poll(() => warning.count()).toBe(1);
  expect(await warning.getAttribute('data-afterlife-site')).toBe('flickr');
  expect(await warning.getAttribute('data-afterlife-level')).toBe('very-high');
}

describe('file inputs', () => {
  it('sees a photo chosen in an input present at load, although the page stops the events', async () => {
    await openBench();
    await page.setInputFiles('#at-load', photo('beach.jpg'));
    await expectFlickrWarning();
    await expectPageReceived(page, 'at-load', ['beach.jpg']);
  });

  it('sees an input the page adds later', async () => {
    await openBench();
    await page.click('#add-input');
    await page.setInputFiles('#later', photo('beach.jpg'));
    await expectFlickrWarning();
    await expectPageReceived(page, 'later', ['beach.jpg']);
  });

  it('sees a hidden input opened by its label', async () => {
    await openBench();
    await chooseThroughPicker(page, () => page.click('#label-picker'), [photo('beach.jpg')]);
    await expectFlickrWarning();
    await expectPageReceived(page, 'hidden-by-label', ['beach.jpg']);
  });

  it('sees a hidden input opened by a button', async () => {
    await openBench();
    await chooseThroughPicker(page, () => page.click('#button-picker'), [photo('beach.jpg')]);
    await expectFlickrWarning();
    await expectPageReceived(page, 'hidden-by-button', ['beach.jpg']);
  });

  it('sees an input inside an open shadow root', async () => {
    await openBench();
    await page.locator('#open-host input[type=file]').setInputFiles(photo('beach.jpg'));
    await expectFlickrWarning();
    await expectPageReceived(page, 'open-shadow', ['beach.jpg']);
  });

  it('sees an input inside a closed shadow root', async () => {
    await openBench();
    // Playwright cannot select inside a closed root; a click on the host lands on the label inside it.
    await chooseThroughPicker(page, () => page.locator('#closed-host').click(), [photo('beach.jpg')]);
    await expectFlickrWarning();
    await expectPageReceived(page, 'closed-shadow', ['beach.jpg']);
  });

  it('sees an input in a same-origin frame and warns inside that frame', async () => {
    await openBench();
    const frame = page.frameLocator('#same-origin-frame');
    await frame.locator('#frame-input').setInputFiles(photo('beach.jpg'));
    const inner = page.frames().find((candidate) => candidate.url().includes('www.flickr.com') && candidate.url().endsWith('/frame.html'));
    if (!inner) throw new Error('same-origin frame not found');
    await expectFlickrWarning(inner);
    expect(await warningIn(page).count()).toBe(0);
  });

  it('sees an input in a cross-origin frame and names the site the person is on', async () => {
    await openBench();
    await page.frameLocator('#cross-origin-frame').locator('#frame-input').setInputFiles(photo('beach.jpg'));
    const inner = page.frames().find((candidate) => candidate.url().includes('uploads.widgetcdn.test'));
    if (!inner) throw new Error('cross-origin frame not found');
    await expectFlickrWarning(inner);
    await expectPageReceived(inner, 'frame', ['beach.jpg']);
  });
});

describe('frames served by ad networks', () => {
  it('leaves an ad network\'s frame alone, and still warns in the page\'s upload widget beside it', async () => {
    await page.goto(servers.http('www.flickr.com', '/ad-frames.html'));
    const frameOn = (host: string) => {
      const frame = page.frames().find((candidate) => candidate.url().includes(host));
      if (!frame) throw new Error(`no frame from ${host}`);
      return frame;
    };
    await expect.poll(() => page.frames().length, { timeout: 10_000 }).toBe(3);
    const ad = frameOn('tpc.googlesyndication.com');
    const widget = frameOn('uploads.widgetcdn.test');
    await page.frameLocator('#ad-frame').locator('#frame-input').setInputFiles(photo('beach.jpg'));
    await page.frameLocator('#widget-frame').locator('#frame-input').setInputFiles(photo('beach.jpg'));
    // The widget's warning shows the extension is at work on this page; the ad frame, chosen first, has none, and
    // its own listener got the photo as chosen.
    await expectFlickrWarning(widget);
    expect(await warningIn(ad).count()).toBe(0);
    await expectPageReceived(ad, 'frame', ['beach.jpg']);
    expect(await ad.evaluate(() => document.querySelectorAll('[data-afterlife]').length)).toBe(0);
  });
});

describe('other ways photos reach a page', () => {
  it('sees an input created by script and never attached to the page', async () => {
    await openBench();
    await chooseThroughPicker(page, () => page.click('#detached-picker'), [photo('beach.jpg')]);
    await expectFlickrWarning();
    await expectPageReceived(page, 'detached', ['beach.jpg']);
  });

  it('leaves the page\'s file inputs untouched until the person\'s first step, then sees a detached one', async () => {
    await openBench();
    // Nothing of the input element is wrapped at load: that is part of costing nothing on pages that never upload.
    const clickIsNative = () => page.evaluate(() => HTMLInputElement.prototype.click.toString().includes('[native code]'));
    expect(await clickIsNative()).toBe(true);
    await chooseThroughPicker(page, () => page.click('#detached-picker'), [photo('beach.jpg')]);
    expect(await clickIsNative()).toBe(false);
    await expectFlickrWarning();
  });

  it('sees a detached input the page opens for a click inside one of its frames', async () => {
    await openBench();
    await page.frameLocator('#same-origin-frame').locator('#parent-picker').waitFor();
    await chooseThroughPicker(page, () => page.frameLocator('#same-origin-frame').locator('#parent-picker').click(), [photo('beach.jpg')]);
    await expectPageReceived(page, 'detached-for-frame', ['beach.jpg']);
    await expectFlickrWarning();
  });

  it('sees a detached input on a page that wrapped click() and faked input types before any click', async () => {
    await page.goto(servers.http('www.flickr.com', '/tampered-inputs.html'));
    await chooseThroughPicker(page, () => page.click('#pick'), [photo('beach.jpg')]);
    await expectPageReceived(page, 'tampered-detached', ['beach.jpg']);
    expect(await page.evaluate(() => (window as unknown as { pageClicks: number }).pageClicks)).toBe(1);
    await expect.poll(() => warningIn(page).count()).toBe(1);
    expect(await warningIn(page).getAttribute('data-afterlife-site')).toBe('flickr');
  });

  it('sees photos dropped on a drop zone that stops propagation', async () => {
    await openBench();
    await page.locator('#dropzone').scrollIntoViewIfNeeded();
    const box = await page.locator('#dropzone').boundingBox();
    if (!box) throw new Error('drop zone is not visible');
    const cdp = await browser.context.newCDPSession(page);
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const data = { items: [], files: [photo('beach.jpg')], dragOperationsMask: 1 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
      await cdp.send('Input.dispatchDragEvent', { type, ...at, data });
    }
    await expectFlickrWarning();
    await expectPageReceived(page, 'drop', ['beach.jpg']);
  });

  it('sees an image pasted from the clipboard', async () => {
    await openBench('www.flickr.com', true); // the async clipboard API needs a secure page
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await page.click('#paste-target');
    await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 40;
      canvas.height = 30;
      const context = canvas.getContext('2d');
      if (context) {
        context.fillStyle = '#3a7';
        context.fillRect(0, 0, 40, 30);
      }
      const blob = await new Promise<Blob>((done) => canvas.toBlob((b) => done(b as Blob), 'image/png'));
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
    });
    await page.keyboard.press('ControlOrMeta+V');
    await expectFlickrWarning();
    await expect.poll(async () => (await page.evaluate(() => (window as unknown as { pageSaw: Array<{ how: string }> }).pageSaw)).map((entry) => entry.how)).toContain('paste');
  });

  it('sees files picked through the File System Access picker', async () => {
    await openBench('www.flickr.com', true);
    // The real dialog cannot be driven headless: replace the page's picker with one that returns real file handles
    // from the origin-private file system, as the test plan allows.
    await page.evaluate(async () => {
      const directory = await navigator.storage.getDirectory();
      const handle = await directory.getFileHandle('picked.png', { create: true });
      const writable = await handle.createWritable();
      const canvas = new OffscreenCanvas(20, 20);
      canvas.getContext('2d')?.fillRect(0, 0, 20, 20);
      await writable.write(await canvas.convertToBlob({ type: 'image/png' }));
      await writable.close();
      (window as unknown as { showOpenFilePicker: () => Promise<FileSystemFileHandle[]> }).showOpenFilePicker = async () => [handle];
    });
    await page.click('#fs-picker');
    await expectFlickrWarning();
    await expectPageReceived(page, 'file-picker', ['picked.png']);
  });
});

describe('the main-world relay', () => {
  it('lets a page do nothing but have a file it gave assessed for its own site', async () => {
    await openBench('notflickr.com');
    await setSettings(browser, { interruptFrom: 'low' });
    // The relay is heard from the person's first step on the page (nothing is relayed before it): take one.
    await page.mouse.click(2, 2);
    // The page forges the relay: a text file first (ignored), then an image (assessed, for this page's site only).
    const forge = (kind: 'text' | 'image') =>
      page.evaluate(async (which) => {
        const bytes = which === 'image' ? new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]) : new TextEncoder().encode('hello');
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], which === 'image' ? 'forged.jpg' : 'forged.txt'));
        const input = document.createElement('input');
        input.type = 'file';
        input.files = transfer.files;
        window.dispatchEvent(new MouseEvent('afterlife-relay', { relatedTarget: input, detail: 2 }));
      }, kind);
    await forge('text');
    await page.waitForTimeout(300);
    expect(await warningIn(page).count()).toBe(0);
    await forge('image');
    await expect.poll(() => warningIn(page).count()).toBe(1);
    expect(await warningIn(page).getAttribute('data-afterlife-site')).toBe('unknown');
  });
});

describe('only images count', () => {
  it('ignores a text file, and one that only pretends to be a JPEG', async () => {
    await openBench();
    await page.setInputFiles('#at-load', [photo('notes.txt'), photo('fake-photo.jpg')]);
    await expectPageReceived(page, 'at-load', ['notes.txt', 'fake-photo.jpg']);
    // Then a real photo in the same page: the warning that follows counts one photo, so the others were misses.
    await page.click('#add-input');
    await page.setInputFiles('#later', photo('beach.jpg'));
    await expectFlickrWarning();
    const tabId = await tabIdOf(browser, page);
    const worker = await browser.worker();
    const names = await worker.evaluate(async (id) => {
      const record = (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { photos: Array<{ name: string }> };
      return record.photos.map((entry) => entry.name);
    }, tabId);
    expect(names).toEqual(['beach.jpg']);
  });

  it('shows nothing at all for a non-image upload', async () => {
    await openBench();
    await page.setInputFiles('#at-load', photo('notes.txt'));
    await expectPageReceived(page, 'at-load', ['notes.txt']);
    const tabId = await tabIdOf(browser, page);
    await page.waitForTimeout(300);
    expect(await warningIn(page).count()).toBe(0);
    expect(await badgeOf(browser, tabId)).toBe('');
  });

  it('recognises a photo by its bytes when its type is missing', async () => {
    await openBench();
    await page.setInputFiles('#at-load', photo('no-type-photo.bin'));
    await expectFlickrWarning();
  });

  it('assesses several photos chosen at once together', async () => {
    await openBench();
    await page.setInputFiles('#at-load', [photo('beach.jpg'), photo('second.jpg'), photo('portrait.png')]);
    await expectFlickrWarning();
    await expect(warningIn(page).locator('.site').textContent()).resolves.toContain('3 photos');
  });
});
