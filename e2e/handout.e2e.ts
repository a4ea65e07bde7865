/**
 * The trainer's handout: printed from the demo at the end of a session, one page on A4 and on Letter, naming the
 * simulated sites the session showed with the level each gets and the three things to do.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { launchWithExtension, setSettings, type ExtensionBrowser } from './support/browser';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

/** Pages in a PDF: its page objects (the page tree's own object is "/Type /Pages"). */
const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

async function openDemo(): Promise<Page> {
  const demo = await browser.context.newPage();
  await demo.goto(`chrome-extension://${browser.extensionId}/src/demo/index.html`);
  await demo.getByTestId('step-title').waitFor();
  await expect.poll(() => demo.getByTestId('print-handout').isEnabled()).toBe(true);
  return demo;
}

describe('the handout a trainer prints', () => {
  it('is hidden on screen, and printed alone: the sites shown, their levels, the three things to do', async () => {
    const demo = await openDemo();
    expect(await demo.getByTestId('handout').isVisible()).toBe(false);
    // Show the photo-sharing site and the dating profile, as a session would.
    await demo.keyboard.press('ArrowRight');
    await demo.getByTestId('stage').waitFor();
    await demo.keyboard.press('ArrowRight');
    await expect.poll(() => demo.getByTestId('step-title').textContent()).toBe('A dating profile');

    await demo.emulateMedia({ media: 'print' });
    expect(await demo.getByTestId('handout').isVisible()).toBe(true);
    expect(await demo.locator('.presenter').isVisible()).toBe(false);
    const rows = await demo.locator('[data-testid="handout"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-demo-site'), tr.querySelector('th')?.textContent, tr.querySelector('.handout-level')?.textContent?.replace(/^[!i]+\s*/, '')]),
    );
    // The levels the demo's warnings give a portrait on these two sites (e2e/demo.e2e.ts).
    expect(rows).toEqual([
      ['photo', 'Flickr', 'Very high'],
      ['dating', 'OkCupid', 'High'],
    ]);
    await expect(demo.locator('.handout-do li').count()).resolves.toBe(3);
    await expect(demo.locator('.handout-do li').first().textContent()).resolves.toContain('Remove location and camera data');
    expect(await axeViolations(demo, '[data-testid="handout"]')).toEqual([]);

    for (const format of ['A4', 'Letter'] as const) {
      const pdf = await demo.pdf({ format, printBackground: true });
      expect(pageCount(pdf), format).toBe(1);
    }
    await demo.close();
  });

  it('covers every simulated site when printed before any was shown, and the button prints', async () => {
    const demo = await openDemo();
    await demo.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await demo.getByTestId('print-handout').click();
    expect(await demo.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await demo.emulateMedia({ media: 'print' });
    const sites = await demo.locator('[data-testid="handout"] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-demo-site')));
    expect(sites).toEqual(['photo', 'dating', 'social', 'blog', 'archive']);
    expect(pageCount(await demo.pdf({ format: 'Letter' }))).toBe(1);
    expect(pageCount(await demo.pdf({ format: 'A4' }))).toBe(1);
    await demo.close();
  });

  it('speaks German', async () => {
    await setSettings(browser, { language: 'de' });
    const demo = await openDemo();
    await demo.emulateMedia({ media: 'print' });
    await expect(demo.locator('#handout-title').textContent()).resolves.toBe('Das Nachleben Ihrer Fotos als Trainingsdaten');
    await expect(demo.getByTestId('print-handout').textContent()).resolves.toBe('Handzettel drucken');
    await setSettings(browser, { language: 'en' });
    await demo.close();
  });
});
