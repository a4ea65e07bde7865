import { autoActionsOf } from './auto-actions-setting';
import { isLevel, type Level } from './levels';
import { guessCountry, isCountrySetting, regionsOf, type RegionCode } from './region';

/** The reservations a person may choose from the IPTC Data Mining vocabulary (src/core/photo/data-mining.ts), from
 *  the narrowest objection to the widest. */
export const RESERVATION_CHOICES = ['DMI-PROHIBITED-GENAIMLTRAINING', 'DMI-PROHIBITED-AIMLTRAINING', 'DMI-PROHIBITED'] as const;
export type ReservationChoice = (typeof RESERVATION_CHOICES)[number];
/** Long enough for any name or copyright line; a longer one is not a person's name. */
export const MAX_RESERVATION_TEXT = 200;

export const LANGUAGE_SETTINGS = ['auto', 'en', 'de'] as const;
export type LanguageChoice = (typeof LANGUAGE_SETTINGS)[number];

/** The person's choices, synced between their browsers. */
export interface Settings {
  /** The lowest level that shows the in-page warning; lower levels only set the toolbar badge. */
  interruptFrom: Level;
  /** Site keys (rule ids, or `domain:<domain>` for sites not in the rules) that never show the in-page warning. */
  mutedSites: string[];
  /** Interface language; `auto` follows the browser. */
  language: LanguageChoice;
  /** Where to fetch signed rule updates; empty means the address this build ships with. */
  rulesUrl: string;
  /** Remove location and camera data from every photo before the page's own code sees it. */
  alwaysClean: boolean;
  /** Where the person is, for the facts that hold only in some regions: an ISO 3166 code (`DE`, `US-IL`), or '' to
   *  follow the browser's time zone and language. Chosen on the device; never looked up. */
  country: string;
  /** Mark every photo not for AI training (with `reservation`) before the page's own code sees it. */
  alwaysReserve: boolean;
  /** What "not for AI training" writes into a photo: the IPTC Data Mining term and, if the person wishes, their
   *  name as the photo's creator and a copyright line ('' for none). */
  reservation: { value: ReservationChoice; creator: string; copyright: string };
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  interruptFrom: 'high',
  mutedSites: [],
  language: 'auto',
  rulesUrl: '',
  alwaysClean: false,
  country: '',
  alwaysReserve: false,
  reservation: Object.freeze({ value: 'DMI-PROHIBITED-AIMLTRAINING', creator: '', copyright: '' }),
});

/** The person's place as the model uses it: the country chosen, or the browser's suggestion while none is. */
export interface PlaceInUse {
  country: string;
  /** True while the person has not chosen, and the browser's time zone and language decide. */
  guessed: boolean;
  regions: RegionCode[];
}

export function placeOf(settings: Pick<Settings, 'country'>, browserHints: { timeZone: string | undefined; languages: readonly string[] }): PlaceInUse {
  const guessed = settings.country === '';
  const country = guessed ? guessCountry(browserHints.timeZone, browserHints.languages) : settings.country;
  return { country, guessed, regions: regionsOf(country) };
}

/** An update address must be https; plain http is allowed only to this machine, for testing a release locally. */
export function isUpdateUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password) return false;
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

const SITE_KEY = /^(?:[a-z0-9-]{1,64}|domain:[a-z0-9.-]{1,253})$/;
const MAX_MUTED = 1000;

/** Reads stored settings defensively: anything missing, of the wrong type or unknown falls back to the default
 *  for that field alone, so one bad value never costs the person their other choices. */
export function parseSettings(raw: unknown): Settings {
  const stored = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const interruptFrom = isLevel(stored.interruptFrom) ? stored.interruptFrom : DEFAULT_SETTINGS.interruptFrom;
  const mutedSites = Array.isArray(stored.mutedSites)
    ? [...new Set(stored.mutedSites.filter((key): key is string => typeof key === 'string' && SITE_KEY.test(key)))].slice(0, MAX_MUTED)
    : [];
  const language = (LANGUAGE_SETTINGS as readonly unknown[]).includes(stored.language)
    ? (stored.language as LanguageChoice)
    : DEFAULT_SETTINGS.language;
  const rulesUrl = typeof stored.rulesUrl === 'string' && stored.rulesUrl.length <= 2000 && isUpdateUrl(stored.rulesUrl) ? stored.rulesUrl : '';
  const { clean: alwaysClean, reserve: alwaysReserve } = autoActionsOf(stored);
  const country = isCountrySetting(stored.country) ? stored.country : DEFAULT_SETTINGS.country;
  return { interruptFrom, mutedSites, language, rulesUrl, alwaysClean, country, alwaysReserve, reservation: reservationOf(stored.reservation) };
}

/** A name or copyright line as it may go into a photo: one line of printable text (tabs and line breaks pasted in
 *  become spaces), or '' when it cannot be. */
export function reservationText(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  const trimmed = raw.replace(/\s+/g, ' ').trim();
  // Control characters have no place in a name and XML 1.0 cannot carry most of them.
  return trimmed.length <= MAX_RESERVATION_TEXT && !/[\u0000-\u001f\u007f]/.test(trimmed) ? trimmed : '';
}

function reservationOf(raw: unknown): Settings['reservation'] {
  const stored = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const value = (RESERVATION_CHOICES as readonly unknown[]).includes(stored.value) ? (stored.value as ReservationChoice) : DEFAULT_SETTINGS.reservation.value;
  return { value, creator: reservationText(stored.creator), copyright: reservationText(stored.copyright) };
}
