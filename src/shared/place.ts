import { placeOf, type PlaceInUse, type Settings } from '../core/settings';

/** What the browser itself says about where the person is: its time zone and languages. Read on the device; the
 *  extension never asks the network. */
export function browserHints(): { timeZone: string | undefined; languages: readonly string[] } {
  let timeZone: string | undefined;
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    timeZone = undefined;
  }
  const languages = typeof navigator !== 'undefined' ? (navigator.languages?.length ? navigator.languages : [navigator.language]) : [];
  return { timeZone, languages: languages.filter((language): language is string => typeof language === 'string') };
}

export const placeFor = (settings: Pick<Settings, 'country'>): PlaceInUse => placeOf(settings, browserHints());

/** Today in UTC as YYYY-MM-DD: the date the model weighs a site's history against. */
export const today = (): string => new Date().toISOString().slice(0, 10);
