import { render } from 'preact';
import browser from '../shared/ext';
import { languageCode, translatorFor } from '../shared/i18n';
import { TranslateContext } from '../ui/i18n-context';
import { loadSettings } from '../ui/load-settings';
import { Popup } from './Popup';

/** The tab this explanation is about: given in the address when "Why?" opened it in a tab of its own, otherwise
 *  the active tab of the window the popup belongs to. */
async function targetTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

async function start(): Promise<void> {
  const settings = await loadSettings();
  const translate = translatorFor(settings.language);
  document.documentElement.lang = languageCode(settings.language);
  document.title = translate('popup_title');
  const app = document.getElementById('app');
  if (!app) return;
  render(
    <TranslateContext.Provider value={translate}>
      <Popup tabId={await targetTabId()} standalone={new URLSearchParams(location.search).has('tab')} language={languageCode(settings.language)} />
    </TranslateContext.Provider>,
    app,
  );
}

void start();
