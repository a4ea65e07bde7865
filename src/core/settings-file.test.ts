import { describe, expect, it } from 'vitest';
import { readSettingsFile, settingsFile } from './settings-file';
import { DEFAULT_SETTINGS, type Settings } from './settings';

const mine: Settings = {
  ...DEFAULT_SETTINGS,
  interruptFrom: 'medium',
  mutedSites: ['flickr', 'domain:example.org'],
  country: 'US-IL',
  alwaysReserve: true,
  reservation: { value: 'DMI-PROHIBITED', creator: 'Robin Example', copyright: '© 2026 Robin Example' },
};

describe('settings that travel as a file', () => {
  it('reads back exactly what it wrote', () => {
    expect(readSettingsFile(settingsFile(mine, new Date('2026-11-30T10:00:00Z')))).toEqual({ ok: true, settings: mine });
  });

  it('refuses a file that is not JSON, not Afterlife\'s, or from another version, saying which', () => {
    expect(readSettingsFile('{ nope')).toEqual({ ok: false, problems: ['the file is not JSON'] });
    expect(readSettingsFile('{"format":"ublock"}')).toMatchObject({ ok: false, problems: [expect.stringContaining('not an Afterlife settings file')] });
    expect(readSettingsFile('{"format":"afterlife-settings","version":7,"settings":{}}')).toMatchObject({ ok: false, problems: [expect.stringContaining('different version')] });
  });

  it('names every wrong field and imports none of them', () => {
    const file = JSON.parse(settingsFile(mine, new Date())) as { settings: Record<string, unknown> };
    file.settings.interruptFrom = 'extreme';
    file.settings.mutedSites = ['flickr', 'Bad Key!'];
    file.settings.rulesUrl = 'http://rules.example.org/';
    file.settings.surprise = 1;
    (file.settings.reservation as Record<string, unknown>).creator = 'two\nlines';
    const result = readSettingsFile(JSON.stringify(file));
    expect(result).toEqual({
      ok: false,
      problems: [
        'settings.interruptFrom: must be low, medium, high or very-high',
        'settings.mutedSites: must be a list of site keys (rule ids or domain:<domain>)',
        'settings.rulesUrl: must be empty or an https address',
        'settings.reservation.creator: must be empty or one line of at most 200 characters',
        'settings.surprise: not a setting Afterlife has',
      ],
    });
  });

  it('refuses a file far larger than any settings could be', () => {
    expect(readSettingsFile(' '.repeat(300 * 1024))).toMatchObject({ ok: false, problems: [expect.stringContaining('larger than')] });
  });
});
