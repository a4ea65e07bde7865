import { getAllCountries, getCountriesForTimezone, getCountryForTimezone } from 'countries-and-timezones';

/**
 * Where the person is, as the rules see it. Facts in the rules name the regions they apply to from a closed list;
 * the person picks a country (or, in the US, a state whose law changes the facts), and the country belongs to zero
 * or more of those regions. The choice is made on the device: the default comes from the browser's time zone and
 * language, never from the network.
 */
export const REGION_CODES = [
  'eu-eea',
  'uk',
  'ch',
  'us',
  'us-il',
  'us-tx',
  'us-wa',
  'us-ca',
  'ca',
  'au',
  'hk',
  'br',
  'kr',
  'in',
  'jp',
] as const;
export type RegionCode = (typeof REGION_CODES)[number];

export const isRegionCode = (value: unknown): value is RegionCode => (REGION_CODES as readonly unknown[]).includes(value);

/**
 * The 27 EU member states and the three EEA EFTA states (Iceland, Liechtenstein, Norway), where the GDPR and the
 * EU copyright directive apply. Sources: https://european-union.europa.eu/principles-countries-history/eu-countries_en
 * and https://www.efta.int/eea (both checked 2026-11-29).
 */
export const EU_EEA_COUNTRIES: readonly string[] = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT',
  'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  'IS', 'LI', 'NO',
];

/** Countries that are a region of their own in the rules. */
const COUNTRY_REGIONS: Readonly<Record<string, RegionCode>> = {
  GB: 'uk',
  CH: 'ch',
  US: 'us',
  CA: 'ca',
  AU: 'au',
  HK: 'hk',
  BR: 'br',
  KR: 'kr',
  IN: 'in',
  JP: 'jp',
};

/**
 * US states whose own law changes what a site may do with a face: Illinois (BIPA, 740 ILCS 14), Texas (CUBI, Bus. &
 * Com. Code §503.001), Washington (RCW 19.375) and California (CCPA/CPRA, which counts biometric information as
 * sensitive). They are written as ISO 3166-2 codes.
 */
export const US_STATES: readonly string[] = ['US-IL', 'US-TX', 'US-WA', 'US-CA'];

/** A country setting: an ISO 3166-1 code (`DE`), one of the US states above (`US-IL`), or '' for none chosen. */
export function isCountrySetting(value: unknown): value is string {
  if (value === '') return true;
  if (typeof value !== 'string') return false;
  if (US_STATES.includes(value)) return true;
  return /^[A-Z]{2}$/.test(value) && value in allCountries();
}

let countries: Record<string, unknown> | null = null;
function allCountries(): Record<string, unknown> {
  countries ??= getAllCountries() as Record<string, unknown>;
  return countries;
}

/** Every ISO 3166-1 country code the person can choose, in code order (the interface sorts them by name). */
export function countryCodes(): string[] {
  return Object.keys(allCountries()).sort();
}

/** The regions of the rules a country setting belongs to: `DE` → eu-eea; `US-IL` → us and us-il; `NZ` → none. */
export function regionsOf(country: string): RegionCode[] {
  if (US_STATES.includes(country)) return ['us', country.toLowerCase() as RegionCode];
  if (EU_EEA_COUNTRIES.includes(country)) return ['eu-eea'];
  const own = COUNTRY_REGIONS[country];
  return own ? [own] : [];
}

/** The region a rules fact names, limited to the regions it applies in and outside of. */
export interface RegionScope {
  where?: readonly string[];
  outside?: readonly string[];
}

/** Whether a fact scoped by `where` / `outside` holds for a person in `regions`. A fact with no scope holds everywhere. */
export function appliesIn(scope: RegionScope, regions: readonly string[]): boolean {
  if (scope.where && scope.where.length > 0 && !scope.where.some((region) => regions.includes(region))) return false;
  if (scope.outside && scope.outside.some((region) => regions.includes(region))) return false;
  return true;
}

/**
 * The country the browser suggests, for the default: the time zone's country, refined by the language's region when
 * the zone is shared (Europe/Berlin is also the zone of Denmark and Norway's rules), else the language's region.
 * Returns '' when neither says. Nothing is looked up on the network.
 */
export function guessCountry(timeZone: string | undefined, languages: readonly string[]): string {
  const languageRegions = languages
    .map((tag) => {
      try {
        return new Intl.Locale(tag).region ?? '';
      } catch {
        return '';
      }
    })
    .filter((region) => /^[A-Z]{2}$/.test(region));
  if (timeZone) {
    const candidates: string[] = (getCountriesForTimezone(timeZone) ?? []).map((country) => country.id);
    const preferred = languageRegions.find((region) => candidates.includes(region));
    if (preferred) return preferred;
    const main = getCountryForTimezone(timeZone)?.id;
    if (main) return main;
  }
  const fromLanguage = languageRegions.find((region) => region in allCountries());
  return fromLanguage ?? '';
}
