import { resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { FIXTURES_DIR } from './server';

export const photo = (name: string) => resolve(FIXTURES_DIR, 'photos', name);

/** What the page's own upload handlers received: proof the extension never blocked the upload. */
export async function pageSaw(target: Page | Frame): Promise<Array<{ how: string; names: string[] }>> {
  return target.evaluate(() => (window as unknown as { pageSaw: Array<{ how: string; names: string[] }> }).pageSaw);
}

export async function expectPageReceived(target: Page | Frame, how: string, names: string[]): Promise<void> {
  await expect.poll(() => pageSaw(target)).toContainEqual({ how, names });
}

/** Chooses files through the browser's own file chooser, opened by clicking what a person would click. */
export async function chooseThroughPicker(page: Page, click: () => Promise<void>, files: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await click();
  await (await chooser).setFiles(files);
}
