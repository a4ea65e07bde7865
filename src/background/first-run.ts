import browser from '../shared/ext';
import { refreshPolicy } from './policy-store';

/** On install: the first-run page, once; in an organisation's training room the demo instead, or nothing when its
 *  policy says so. */
export async function openWelcome(): Promise<void> {
  // A test or an organisation can launch the browser with the extension preinstalled and no first-run tab.
  const { welcomeShown } = await browser.storage.local.get('welcomeShown');
  if (welcomeShown) return;
  await browser.storage.local.set({ welcomeShown: true });
  const { policy } = await refreshPolicy();
  // A training room opens on the demo; an organisation may also decide that no first-run page opens at all.
  if (policy.trainerMode === true) await browser.tabs.create({ url: browser.runtime.getURL('src/demo/index.html') });
  else if (policy.showWelcomePage !== false) await browser.tabs.create({ url: browser.runtime.getURL('src/welcome/index.html') });
}
