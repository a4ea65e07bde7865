/**
 * The pictures of issue 22 for the README and docs/demo.md: the presenter on the photo-sharing step, the "what a
 * scraper sees" panel opened from that step's warning, the popup's dataset timeline, and the printed handout.
 */
import { join } from 'node:path';
import { openPopupFor, tabIdOf, warningIn, type ExtensionBrowser } from '../../e2e/support/browser';

export async function demoScreenshots(browser: ExtensionBrowser, out: string, suffix: string, scheme: 'light' | 'dark'): Promise<void> {
  const demo = await browser.context.newPage();
  await demo.emulateMedia({ colorScheme: scheme });
  await demo.setViewportSize({ width: 1280, height: 800 });
  await demo.goto(`chrome-extension://${browser.extensionId}/src/demo/index.html#photo`);
  await demo.getByTestId('stage').waitFor();
  const site = await (await demo.getByTestId('stage').elementHandle())?.contentFrame();
  if (!site) throw new Error('no simulated site on the stage');
  await site.waitForSelector('button[data-sample]');
  await site.locator('button[data-sample="astronaut-with-location.jpg"]').click();
  await warningIn(site).waitFor();
  await site.locator('[data-afterlife="warning"] >> [data-action="see"]').waitFor();
  await demo.waitForTimeout(400);
  await demo.screenshot({ path: join(out, `demo-presenter${suffix}.png`) });

  await warningIn(site).getByRole('button', { name: 'See what they see' }).click();
  const panel = warningIn(site).locator('[data-afterlife-panel]');
  await panel.locator('rect.face').first().waitFor({ timeout: 30_000 });
  await demo.waitForTimeout(300);
  await demo.screenshot({ path: join(out, `scraper-view${suffix}.png`) });

  // The popup for the demo tab explains the simulated Flickr upload, with Flickr's datasets as a timeline.
  const popup = await openPopupFor(browser, await tabIdOf(browser, demo));
  await popup.emulateMedia({ colorScheme: scheme });
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.getByTestId('timeline').waitFor();
  await popup.getByTestId('timeline').screenshot({ path: join(out, `popup-timeline${suffix}.png`) });
  await popup.close();

  await demo.emulateMedia({ media: 'print', colorScheme: 'light' });
  await demo.setViewportSize({ width: 794, height: 1000 });
  await demo.getByTestId('handout').screenshot({ path: join(out, 'demo-handout.png') });
  await demo.close();
}
