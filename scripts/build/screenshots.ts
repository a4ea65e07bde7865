/**
 * `npm run screenshots`: pictures of the real extension in real Chromium for the README and for trainers —
 * the warning on a photo-sharing upload page, the popup after that upload, the popup on a site not in the rules,
 * the settings and first-run pages, and the demo's pictures (screenshots-demo.ts) — written to docs/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { photo } from '../../e2e/support/bench';
import { facesCounted, launchWithExtension, openPopupFor, tabIdOf, warningIn } from '../../e2e/support/browser';
import { startFixtureServers } from '../../e2e/support/server';
import { canWritePolicy, CHROMIUM_POLICY_DIR, removeExtensionPolicy, writeExtensionPolicy } from '../../e2e/support/chromium-policy';
import { PROJECT_DIR } from '../rules/rules-files';
import { demoScreenshots } from './screenshots-demo';

const OUT = join(PROJECT_DIR, 'docs/screenshots');

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const servers = await startFixtureServers();
  const browser = await launchWithExtension();
  try {
    const scheme = (process.env.SCREENSHOT_SCHEME ?? 'light') as 'light' | 'dark';
    const suffix = scheme === 'dark' ? '-dark' : '';
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1100, height: 720 });
    await page.goto(servers.http('www.flickr.com', '/photo-share.html'));
    const chooser = page.waitForEvent('filechooser');
    await page.click('#choose');
    await (await chooser).setFiles([photo('beach.jpg'), photo('second.jpg')]);
    await warningIn(page).waitFor();
    await facesCounted(browser, await tabIdOf(browser, page)); // the warning is final once the faces are counted
    await page.waitForTimeout(400); // let the arrival animation finish
    await page.screenshot({ path: join(OUT, `warning-photo-site${suffix}.png`) });

    const popup = await openPopupFor(browser, await tabIdOf(browser, page));
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.getByTestId('level').waitFor();
    await popup.screenshot({ path: join(OUT, `popup-after-upload${suffix}.png`), fullPage: true });

    const unknown = await browser.context.newPage();
    await unknown.goto(servers.http('blog.example-photos.test', '/upload.html'));
    const unknownPopup = await openPopupFor(browser, await tabIdOf(browser, unknown));
    await unknownPopup.emulateMedia({ colorScheme: scheme });
    await unknownPopup.setViewportSize({ width: 400, height: 600 });
    await unknownPopup.getByTestId('baseline').waitFor();
    await unknownPopup.screenshot({ path: join(OUT, `popup-unknown-site${suffix}.png`), fullPage: true });

    const options = await browser.context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.setViewportSize({ width: 900, height: 760 });
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.getByTestId('rules-info').waitFor();
    await options.screenshot({ path: join(OUT, `options${suffix}.png`), fullPage: true });

    const welcome = await browser.context.newPage();
    await welcome.emulateMedia({ colorScheme: scheme });
    await welcome.setViewportSize({ width: 900, height: 900 });
    await welcome.goto(`chrome-extension://${browser.extensionId}/src/welcome/index.html`);
    const example = welcome.frameLocator('[data-testid="welcome-example"]');
    await example.getByRole('button', { name: 'Portrait', exact: true }).click();
    await example.locator('[data-afterlife="warning"]').waitFor();
    await welcome.waitForTimeout(400);
    await welcome.screenshot({ path: join(OUT, `welcome${suffix}.png`), fullPage: true });
    await demoScreenshots(browser, OUT, suffix, scheme);
    console.log(`Screenshots written to ${OUT}`);
  } finally {
    await browser.close();
    await servers.close();
  }
  await policyScreenshot();
}

/** The settings page as an organisation's policy leaves it: needs to write Chromium's policy folder (root). */
async function policyScreenshot(): Promise<void> {
  if (!canWritePolicy()) {
    console.log(`Skipped options-policy.png: cannot write ${CHROMIUM_POLICY_DIR} (run as root to include it).`);
    return;
  }
  writeExtensionPolicy({ interruptFrom: 'high', alwaysClean: true, alwaysReserve: true, country: 'DE', mutedSites: ['domain:intranet.example.org'], reservationValue: 'DMI-ALLOWED' });
  const browser = await launchWithExtension();
  try {
    const worker = await browser.worker();
    // The worker mirrors the policy once it has read it; the page reads managed storage itself.
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((wait) => setTimeout(wait, 100))) {
      const mirrored = await worker.evaluate(async () => ((await chrome.storage.local.get('policy')).policy as { policy?: { country?: string } } | undefined)?.policy?.country);
      if (mirrored) break;
    }
    const options = await browser.context.newPage();
    await options.setViewportSize({ width: 900, height: 760 });
    await options.goto(`chrome-extension://${browser.extensionId}/src/options/index.html`);
    await options.getByTestId('policy-problems').waitFor();
    await options.screenshot({ path: join(OUT, 'options-policy.png'), fullPage: true });
  } finally {
    await browser.close();
    removeExtensionPolicy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
