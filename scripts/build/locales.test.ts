import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../rules/rules-files';

const LOCALES = join(PROJECT_DIR, 'public/_locales');
type Catalog = Record<string, { message: string }>;
const catalog = (language: string) => JSON.parse(readFileSync(join(LOCALES, language, 'messages.json'), 'utf8')) as Catalog;
const placeholders = (message: string) => (message.match(/\$[1-9]/g) ?? []).sort();

describe('interface languages', () => {
  const english = catalog('en');
  const languages = readdirSync(LOCALES).filter((language) => language !== 'en');

  it('has English and at least one complete second language', () => {
    expect(languages.length).toBeGreaterThanOrEqual(1);
  });

  it.each(languages)('%s has every English message, with the same placeholders', (language) => {
    const translated = catalog(language);
    for (const [key, { message }] of Object.entries(english)) {
      expect(translated[key], `${language}: ${key} missing`).toBeDefined();
      expect(placeholders(translated[key]?.message ?? ''), `${language}: ${key} placeholders`).toEqual(placeholders(message));
    }
    expect(Object.keys(translated).filter((key) => !(key in english)), `${language}: keys English does not have`).toEqual([]);
  });

  it.each(['en', ...languages])('%s keeps toolbar badges to four characters', (language) => {
    const messages = catalog(language);
    for (const level of ['low', 'medium', 'high', 'very_high']) expect(messages[`badge_${level}`]?.message.length).toBeLessThanOrEqual(4);
  });
});
