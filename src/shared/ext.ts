/** The extension API, promise-based in every browser. */
import browser from 'webextension-polyfill';

export default browser;

/** Text for a message key from `_locales`; the key itself when a translation is missing, so a gap is visible
 *  rather than an empty label. */
export function t(key: string, params: readonly (string | number)[] = []): string {
  return browser.i18n.getMessage(key, params.map(String)) || key;
}
