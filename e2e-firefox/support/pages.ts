import type { Browser, ElementHandle, Frame, Page } from 'puppeteer-core';

// What a test does in pages: wait, read the in-page warning, choose files, and reach the extension's own tabs.

/**
 * Calls `read` until `accept` holds for its value and returns that value; throws with the last value after
 * `timeout` ms. Unlike expect.poll, usable in beforeAll hooks as well as in tests.
 */
export async function waitUntil<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeout = 5_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((done) => setTimeout(done, 100));
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

/** Waits for the in-page warning for `site`, at `level` when one is given. */
export async function expectWarning(target: Page | Frame, site: string, level?: string, timeout = 5_000): Promise<void> {
  const matches = (facts: WarningFacts | null) => facts?.site === site && (level === undefined || facts.level === level);
  await waitUntil(() => warningIn(target), matches, `a ${level ?? ''} warning for ${site}`, timeout);
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
  const wanted = JSON.stringify({ how, names });
  await waitUntil(pageSaw, (saw) => saw.some((entry) => JSON.stringify(entry) === wanted), `the page to receive ${wanted}`);
}

/** Chooses files through Firefox's own file chooser, opened by clicking what a person would click. */
/**
 * Whether this Firefox tells WebDriver BiDi when a page opens a file chooser (the input.fileDialogOpened event,
 * which puppeteer's waitForFileChooser needs). Firefox ESR 153 does; Debian's 140 ESR does not, so the tests that
 * open a chooser are skipped there, with a note, rather than failing on the test tool.
 */
export async function canInterceptFileChooser(browser: Browser): Promise<boolean> {
  const page = await browser.newPage();
  try {
    await page.setContent('<input type="file" id="probe">');
    await Promise.all([page.waitForFileChooser({ timeout: 3_000 }), page.click('#probe')]);
    return true;
  } catch {
    return false;
  } finally {
    await page.close().catch(() => undefined);
  }
}

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
 * the extension has opened them: find the new tab, then wait for it to show the extension page.
 */
export async function nextExtensionTab(browser: Browser, open: () => Promise<void>, path: string): Promise<Page> {
  const before = new Set(await browser.pages());
  await open();
  const tab = await waitUntil(
    async () => (await browser.pages()).find((candidate) => !before.has(candidate)),
    (found) => found !== undefined,
    'the extension to open a tab',
  );
  if (!tab) throw new Error('The new tab closed at once');
  const address = new RegExp(`^moz-extension://[^/]+/${path}`);
  await waitUntil(() => tab.evaluate(() => location.href).catch(() => ''), (href) => address.test(href), `the new tab to show ${path}`);
  return tab;
}

/** The text of the element with this data-testid in a page, or null. */
export const textOf = (tab: Page, testId: string) =>
  tab.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null, testId);

/** "Why?" in the page's warning: the explanation tab the extension opens for it. */
export const openExplanation = (browser: Browser, page: Page) =>
  nextExtensionTab(browser, () => clickWarningButton(page, 'Why?'), 'src/popup/index.html\\?tab=\\d+');

/** "Settings" in the explanation: the options tab the extension opens (runtime.openOptionsPage). */
export async function openOptions(browser: Browser, explanation: Page): Promise<Page> {
  await waitUntil(() => textOf(explanation, 'rules-version'), Boolean, 'the explanation to render');
  return nextExtensionTab(
    browser,
    async () => {
      const link = await explanation.waitForSelector('footer a::-p-text("Settings")', { timeout: 5_000 });
      await link?.click();
    },
    'src/options/index.html',
  );
}
