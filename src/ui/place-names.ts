import { countryCodes, EU_EEA_COUNTRIES, US_STATES, type RegionCode } from '../core/region';
import type { Translate } from '../shared/i18n';

/** A country's name in the interface language, from the browser's own data (Intl), so no list of names ships with
 *  the extension. US states are named from the message catalog. */
export function countryName(code: string, t: Translate, language: string): string {
  if (code === '') return t('place_none');
  if (US_STATES.includes(code)) return t(`place_${code.toLowerCase().replace('-', '_')}`);
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export const regionName = (code: RegionCode, t: Translate): string => t(`region_${code.replace('-', '_')}`);

/** "EU/EEA, UK" — the regions a fact is limited to, named. */
export const regionList = (codes: readonly RegionCode[], t: Translate): string => codes.map((code) => regionName(code, t)).join(', ');

/** Where a fact holds, in words: "EU/EEA only", "outside the EU/EEA". */
export function scopeText(scope: { where?: readonly RegionCode[]; outside?: readonly RegionCode[] }, t: Translate): string {
  const parts: string[] = [];
  if (scope.where?.length) parts.push(t('place_scope_where', [regionList(scope.where, t)]));
  if (scope.outside?.length) parts.push(t('place_scope_outside', [regionList(scope.outside, t)]));
  return parts.join('; ');
}

export interface CountryGroup {
  label: string;
  options: Array<{ code: string; name: string }>;
}

/** The country choices, grouped as the rules' regions group them: EU/EEA, the UK, the US and its states whose
 *  biometric laws change the facts, Canada, then every other country. Each group sorted by name. */
export function countryGroups(t: Translate, language: string): CountryGroup[] {
  const named = (codes: readonly string[]) =>
    codes.map((code) => ({ code, name: countryName(code, t, language) })).sort((a, b) => a.name.localeCompare(b.name, language));
  const grouped = new Set<string>([...EU_EEA_COUNTRIES, 'GB', 'US', 'CA']);
  return [
    { label: t('region_eu_eea'), options: named(EU_EEA_COUNTRIES) },
    { label: t('region_uk'), options: named(['GB']) },
    { label: t('region_us'), options: [{ code: 'US', name: t('place_us_other') }, ...named(US_STATES)] },
    { label: t('region_ca'), options: named(['CA']) },
    { label: t('place_group_other'), options: named(countryCodes().filter((code) => !grouped.has(code))) },
  ];
}
