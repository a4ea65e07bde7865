import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

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
    await closeWelcomePage(browser);
    return { browser, extensionId, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/** The extension opens its first-run page when it is installed, as it does for a person; the tests close it, as a
 *  person would, so it does not take the foreground from the pages under test (Firefox opens a file chooser only
 *  for the tab in front). */
async function closeWelcomePage(browser: Browser): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const welcome = (await browser.pages()).find((page) => page.url().includes('/src/welcome/'));
    if (welcome) {
      await welcome.close();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
