import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { recordKey, type TabRecord } from '../../src/shared/protocol';

const here = fileURLToPath(new URL('.', import.meta.url));
export const EXTENSION_DIR = resolve(here, '../../extension');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** In tests every host name resolves to this machine: real domains reach the fixture servers and nothing reaches
 *  the internet, whatever a page or the extension asks for. */
export const ALL_HOSTS_LOCAL = 'MAP * 127.0.0.1';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The browser's profile folder (removed on close). */
  profileDir: string;
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

export function chromiumArgs(extensionDir: string, hostRules = ALL_HOSTS_LOCAL): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=${hostRules}`,
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ];
}

/** Real Chromium with the built extension and a fresh profile. */
export async function launchWithExtension(
  options: { headless?: boolean; extensionDir?: string; proxy?: string; extraArgs?: string[] } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build" first.`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'afterlife-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    args: [...chromiumArgs(extensionDir), ...(options.extraArgs ?? [])],
    viewport: { width: 1200, height: 800 },
    ...(options.proxy ? { proxy: { server: options.proxy, bypass: '<-loopback>' } } : {}),
  });
  const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    profileDir: profile,
    worker,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The in-page warning's host element in a page or frame. */
export function warningIn(target: Page | Frame) {
  return target.locator('[data-afterlife="warning"]');
}

/** The browser's id for the tab showing a page, asked of the extension's service worker. */
export async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  const worker = await browser.worker();
  const url = page.url();
  const id = await worker.evaluate(async (pageUrl) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === pageUrl)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`No tab shows ${url}`);
  return id;
}

export async function badgeOf(browser: ExtensionBrowser, tabId: number): Promise<string> {
  const worker = await browser.worker();
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Opens the popup for a tab the way "Why?" does: as a page given the tab's id. */
export async function openPopupFor(browser: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html?tab=${tabId}`);
  return popup;
}

export async function setSettings(browser: ExtensionBrowser, settings: Record<string, unknown>): Promise<void> {
  const worker = await browser.worker();
  await worker.evaluate((value) => chrome.storage.sync.set({ settings: value }), settings);
}

/** The muted sites as stored by the extension. */
export async function mutedSites(browser: ExtensionBrowser): Promise<string[]> {
  const worker = await browser.worker();
  return worker.evaluate(async () => {
    const { settings } = (await chrome.storage.sync.get('settings')) as { settings?: { mutedSites?: string[] } };
    return settings?.mutedSites ?? [];
  });
}

/** What the extension keeps for a tab's last upload (src/background/tab-records.ts), read from its worker. */
export async function recordOf(browser: ExtensionBrowser, tabId: number): Promise<TabRecord | null> {
  const worker = await browser.worker();
  return worker.evaluate(async (key) => ((await chrome.storage.session.get(key))[key] as TabRecord | undefined) ?? null, recordKey(tabId));
}

/** Closes the face detector's offscreen document if it is open, so the next photo loads the model again. */
export async function closeFaceDetector(browser: ExtensionBrowser): Promise<void> {
  const worker = await browser.worker();
  await worker.evaluate(async () => {
    const open = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] });
    if (open.length > 0) await chrome.offscreen.closeDocument();
  });
}

/** Waits until the faces of the tab's last upload have been counted (or found uncountable): the warning is final.
 *  A plain loop rather than vitest's poll, so the bench can use it too. */
export async function facesCounted(browser: ExtensionBrowser, tabId: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await recordOf(browser, tabId))?.facesCheck !== 'done') {
    if (Date.now() > deadline) throw new Error(`the faces of tab ${tabId}'s upload were not counted within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Stops the extension's service worker, as the browser does whenever it is idle, and waits until DevTools reports
 *  it stopped. The DevTools ServiceWorker domain acts on the workers of the page's own origin, so it goes through an
 *  extension page: `through` if given, else a popup page opened for the purpose. */
export async function stopServiceWorker(browser: ExtensionBrowser, through?: Page): Promise<void> {
  const internals = through ?? (await browser.context.newPage());
  if (!through) await internals.goto(`chrome-extension://${browser.extensionId}/src/popup/index.html`);
  const cdp = await browser.context.newCDPSession(internals);
  const stopped = new Promise<void>((done) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((version) => version.runningStatus === 'stopped')) done();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
  if (!through) await internals.close();
}
