import { formatMessage, type MessageCatalog } from '../core/i18n';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import de from '../../public/_locales/de/messages.json' with { type: 'json' };
import browser from './ext';

/** Languages the interface is fully translated into. `auto` follows the browser, through `browser.i18n`. */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LanguageSetting = 'auto' | Language;

const CATALOGS: Record<Language, MessageCatalog> = { en, de };

export type Translate = (key: string, params?: readonly (string | number)[]) => string;

/**
 * Text for message keys in the chosen language. `browser.i18n` can only speak the browser's language, so a chosen
 * language reads the same `_locales` catalogs bundled into the page. A key missing from a translation falls back
 * to English, and a key missing everywhere shows itself, so a gap is visible rather than an empty label.
 */
export function translatorFor(language: LanguageSetting): Translate {
  const fallback = (key: string, params: string[]) => formatMessage(CATALOGS.en, key, params) || key;
  if (language === 'auto') {
    return (key, params = []) => {
      const strings = params.map(String);
      return browser.i18n.getMessage(key, strings) || fallback(key, strings);
    };
  }
  const catalog = CATALOGS[language];
  return (key, params = []) => {
    const strings = params.map(String);
    return formatMessage(catalog, key, strings) || fallback(key, strings);
  };
}

/** The language code pages should declare in `<html lang>`. */
export function languageCode(language: LanguageSetting): string {
  return language === 'auto' ? browser.i18n.getUILanguage() : language;
}
