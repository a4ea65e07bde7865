import { render, type ComponentChildren } from 'preact';
import type { Settings } from '../core/settings';
import { languageCode, translatorFor } from '../shared/i18n';
import { TranslateContext } from './i18n-context';
import { loadSettings } from './load-settings';

/** Starts an extension page: the person's settings, their language on the document and its title, and the page's
 *  component inside the translator every part of it reads. */
export async function mountPage(titleKey: string, page: (settings: Settings) => ComponentChildren): Promise<void> {
  const settings = await loadSettings();
  const translate = translatorFor(settings.language);
  document.documentElement.lang = languageCode(settings.language);
  document.title = translate(titleKey);
  const app = document.getElementById('app');
  if (!app) return;
  render(<TranslateContext.Provider value={translate}>{page(settings)}</TranslateContext.Provider>, app);
}
