import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Frame, type Page, type Target } from 'puppeteer-core';
import { expect } from 'vitest';

export const FIREFOX_EXTENSION_DIR = process.env.AFTERLIFE_FIREFOX_EXTENSION ?? resolve(import.meta.dirname, '../../extension-firefox');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Every host name resolves to this machine, as Chromium's `--host-resolver-rules="MAP * 127.0.0.1"` does in the
 * Chromium tests: real domains reach the fixture server and nothing reaches the internet, whatever a page, the
 * extension or Firefox itself asks for. DNS over HTTPS and proxies would bypass the local resolver: both off.
 */
export const LOCAL_ONLY_PREFS = {
  'network.dns.forceResolve': '127.0.0.1',
  'network.trr.mode': 5,
  'network.proxy.type': 0,
} as const;

export interface FirefoxWithExtension {
  browser: Browser;
  extensionId: string;
  close(): Promise<void>;
}

/**
 * Headless Firefox over WebDriver BiDi with the Firefox build installed as a temporary add-on (as about:debugging
 * does), in a fresh profile that puppeteer deletes on close.
 */
export async function launchFirefoxWithExtension(extensionDir = FIREFOX_EXTENSION_DIR): Promise<FirefoxWithExtension> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${extensionDir}: run "npm run build:firefox" first.`);
  }
  if (!existsSync(FIREFOX)) {
    throw new Error(`No Firefox at ${FIREFOX}: install it (sudo apt-get install firefox-esr) or set FIREFOX_PATH.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: LOCAL_ONLY_PREFS,
  });
  try {
    const extensionId = await browser.installExtension(extensionDir);
    return { browser, extensionId, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

export interface WarningFacts {
  site: string | null;
  level: string | null;
  text: string;
}

/** The in-page warning's contract (DESIGN.md) as seen in a page or frame, or null when there is none. */
export function warningIn(target: Page | Frame): Promise<WarningFacts | null> {
  return target.evaluate(() => {
    const hosts = document.querySelectorAll('[data-afterlife="warning"]');
    if (hosts.length !== 1) return hosts.length === 0 ? null : { site: 'MORE THAN ONE', level: null, text: '' };
    const host = hosts[0] as HTMLElement;
    return {
      site: host.getAttribute('data-afterlife-site'),
      level: host.getAttribute('data-afterlife-level'),
      text: host.shadowRoot?.textContent ?? '',
    };
  });
}

export async function expectWarning(target: Page | Frame, site: string, level: string, timeout = 5_000): Promise<void> {
  await expect.poll(() => warningIn(target), { timeout }).toMatchObject({ site, level });
}

/** Clicks the warning's button with this label, as a person does (a trusted click: the warning ignores others). */
export async function clickWarningButton(page: Page, label: string): Promise<void> {
  const button = await page.waitForSelector(`[data-afterlife="warning"] >>> button::-p-text(${JSON.stringify(label)})`, { timeout: 5_000 });
  if (!button) throw new Error(`The warning has no "${label}" button`);
  await button.click();
}

/** What the fixture page's own upload handlers received: proof the extension never blocked the upload. */
export async function expectPageReceived(target: Page | Frame, how: string, names: string[]): Promise<void> {
  const pageSaw = () => target.evaluate(() => (window as unknown as { pageSaw: Array<{ how: string; names: string[] }> }).pageSaw);
  await expect.poll(pageSaw, { timeout: 5_000 }).toContainEqual({ how, names });
}

/** Chooses files through Firefox's own file chooser, opened by clicking what a person would click. */
export async function chooseThroughPicker(page: Page, selector: string, files: string[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForFileChooser({ timeout: 5_000 }), page.click(selector)]);
  await chooser.accept(files);
}

export async function uploadInto(target: Page | Frame, selector: string, files: string[]): Promise<void> {
  const input = (await target.waitForSelector(selector)) as ElementHandle<HTMLInputElement> | null;
  if (!input) throw new Error(`No ${selector}`);
  await input.uploadFile(...files);
}

/**
 * The page of a tab the extension opens itself (the explanation, the options). WebDriver BiDi refuses to navigate
 * a test's page to a moz-extension:// address, and reports such tabs as about:blank, but it can script them once
 * the extension has opened them: wait for the next new tab, then for it to show an extension page.
 */
export async function nextExtensionTab(browser: Browser, open: () => Promise<void>, path: string): Promise<Page> {
  const created = new Promise<Target>((done) => browser.once('targetcreated', done));
  await open();
  const page = await (await created).page();
  if (!page) throw new Error('The new tab has no page');
  await expect.poll(() => page.evaluate(() => location.href).catch(() => ''), { timeout: 5_000 }).toMatch(new RegExp(`^moz-extension://[^/]+/${path}`));
  return page;
}
