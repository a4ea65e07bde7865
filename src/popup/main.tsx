import { render } from 'preact';
import browser from '../shared/ext';
import { Popup } from './Popup';

document.documentElement.lang = browser.i18n.getUILanguage();

/** The tab this explanation is about: given in the address when "Why?" opened it in a tab of its own, otherwise
 *  the active tab of the window the popup belongs to. */
async function targetTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

const app = document.getElementById('app');
if (app) render(<Popup tabId={targetTabId()} />, app);
