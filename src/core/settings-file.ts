/**
 * Settings that travel: the person's choices as a JSON file they can keep or take to another browser. Import is
 * strict where stored settings are lenient: a file with anything wrong is refused whole, with every problem named by
 * its field, and nothing changes — a half-applied import would lose choices without saying so.
 */
import { isLevel } from './levels';
import { isCountrySetting } from './region';
import { LANGUAGE_SETTINGS, MAX_RESERVATION_TEXT, RESERVATION_CHOICES, isUpdateUrl, reservationText, type Settings } from './settings';

export const SETTINGS_FILE_FORMAT = 'afterlife-settings';
export const SETTINGS_FILE_VERSION = 1;
/** Far larger than any real settings file (a thousand muted sites); a larger file is not read. */
export const MAX_SETTINGS_FILE_BYTES = 256 * 1024;

const SITE_KEY = /^(?:[a-z0-9-]{1,64}|domain:[a-z0-9.-]{1,253})$/;

export function settingsFile(settings: Settings, exportedAt: Date): string {
  return `${JSON.stringify({ format: SETTINGS_FILE_FORMAT, version: SETTINGS_FILE_VERSION, exportedAt: exportedAt.toISOString(), settings }, null, 2)}\n`;
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; problems: string[] };

/** Reads a settings file; every field must be present and valid, so what is imported is exactly what was exported. */
export function readSettingsFile(text: string): ImportResult {
  if (text.length > MAX_SETTINGS_FILE_BYTES) return { ok: false, problems: [`the file is larger than ${MAX_SETTINGS_FILE_BYTES / 1024} KB`] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['the file is not JSON'] };
  }
  const file = parsed as Record<string, unknown> | null;
  if (!file || typeof file !== 'object' || file.format !== SETTINGS_FILE_FORMAT) return { ok: false, problems: [`format: must be "${SETTINGS_FILE_FORMAT}" (this is not an Afterlife settings file)`] };
  if (file.version !== SETTINGS_FILE_VERSION) return { ok: false, problems: [`version: must be ${SETTINGS_FILE_VERSION} (the file comes from a different version of Afterlife)`] };
  const raw = file.settings as Record<string, unknown> | null;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problems: ['settings: missing'] };
  const problems: string[] = [];
  const need = (field: string, ok: boolean, rule: string) => {
    if (!ok) problems.push(`settings.${field}: ${rule}`);
  };
  need('interruptFrom', isLevel(raw.interruptFrom), 'must be low, medium, high or very-high');
  need('mutedSites', Array.isArray(raw.mutedSites) && raw.mutedSites.length <= 1000 && raw.mutedSites.every((key) => typeof key === 'string' && SITE_KEY.test(key)), 'must be a list of site keys (rule ids or domain:<domain>)');
  need('language', (LANGUAGE_SETTINGS as readonly unknown[]).includes(raw.language), `must be ${LANGUAGE_SETTINGS.join(', ')}`);
  need('rulesUrl', raw.rulesUrl === '' || (typeof raw.rulesUrl === 'string' && raw.rulesUrl.length <= 2000 && isUpdateUrl(raw.rulesUrl)), 'must be empty or an https address');
  need('alwaysClean', typeof raw.alwaysClean === 'boolean', 'must be true or false');
  need('country', raw.country === '' || isCountrySetting(raw.country), 'must be empty or a country code such as DE or US-IL');
  need('alwaysReserve', typeof raw.alwaysReserve === 'boolean', 'must be true or false');
  const reservation = raw.reservation as Record<string, unknown> | null;
  if (!reservation || typeof reservation !== 'object') problems.push('settings.reservation: missing');
  else {
    need('reservation.value', (RESERVATION_CHOICES as readonly unknown[]).includes(reservation.value), `must be ${RESERVATION_CHOICES.join(', ')}`);
    for (const field of ['creator', 'copyright'] as const) {
      const value = reservation[field];
      need(`reservation.${field}`, value === '' || (typeof value === 'string' && reservationText(value) === value), `must be empty or one line of at most ${MAX_RESERVATION_TEXT} characters`);
    }
  }
  const known = new Set(['interruptFrom', 'mutedSites', 'language', 'rulesUrl', 'alwaysClean', 'country', 'alwaysReserve', 'reservation']);
  for (const key of Object.keys(raw)) if (!known.has(key)) problems.push(`settings.${key.slice(0, 60)}: not a setting Afterlife has`);
  if (problems.length > 0) return { ok: false, problems };
  const settings = raw as unknown as Settings;
  return {
    ok: true,
    settings: {
      ...settings,
      mutedSites: [...new Set(settings.mutedSites)],
      reservation: { value: settings.reservation.value, creator: settings.reservation.creator, copyright: settings.reservation.copyright },
    },
  };
}
