import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, placeOf } from './settings';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps good values and drops only the bad ones', () => {
    expect(parseSettings({ interruptFrom: 'medium', mutedSites: ['flickr', 42, 'domain:example.org', 'Bad Key!'], language: 'de' })).toEqual({
      interruptFrom: 'medium',
      mutedSites: ['flickr', 'domain:example.org'],
      language: 'de',
      rulesUrl: '',
      alwaysClean: false,
      country: '',
      alwaysReserve: false,
      reservation: { value: 'DMI-PROHIBITED-AIMLTRAINING', creator: '', copyright: '' },
    });
    expect(parseSettings({ language: 'klingon' }).language).toBe('auto');
    expect(parseSettings({ country: 'US-IL' }).country).toBe('US-IL');
    expect(parseSettings({ country: 'Atlantis' }).country).toBe('');
    expect(parseSettings({ country: 'eu' }).country).toBe('');
    expect(parseSettings({ interruptFrom: 'extreme', mutedSites: 'flickr' })).toEqual(DEFAULT_SETTINGS);
  });

  it('accepts only https update addresses, or plain http to this machine', () => {
    expect(parseSettings({ rulesUrl: 'https://rules.example.org/rules.signed.json' }).rulesUrl).toBe('https://rules.example.org/rules.signed.json');
    expect(parseSettings({ rulesUrl: 'http://127.0.0.1:8080/rules.json' }).rulesUrl).toBe('http://127.0.0.1:8080/rules.json');
    for (const bad of ['http://rules.example.org/x', 'ftp://x.org/', 'javascript:alert(1)', 'https://user:pw@x.org/', 42]) {
      expect(parseSettings({ rulesUrl: bad }).rulesUrl).toBe('');
    }
  });

  it('keeps the reservation the person chose, and drops a value, name or line it could not write', () => {
    const chosen = { value: 'DMI-PROHIBITED', creator: '  Alex Example ', copyright: '© 2026 Alex Example' };
    expect(parseSettings({ alwaysReserve: true, reservation: chosen })).toMatchObject({
      alwaysReserve: true,
      reservation: { value: 'DMI-PROHIBITED', creator: 'Alex Example', copyright: '© 2026 Alex Example' },
    });
    const bad = { value: 'DMI-ALLOWED', creator: 'Alex\u0000Example', copyright: 'x'.repeat(201) };
    expect(parseSettings({ alwaysReserve: 'yes', reservation: bad })).toMatchObject({
      alwaysReserve: false,
      reservation: { value: 'DMI-PROHIBITED-AIMLTRAINING', creator: '', copyright: '' },
    });
    expect(parseSettings({ reservation: 'no' }).reservation).toEqual(DEFAULT_SETTINGS.reservation);
    expect(parseSettings({ reservation: { creator: 'Alex\tExample\n' } }).reservation.creator).toBe('Alex Example');
  });

  it('removes duplicate muted sites', () => {
    expect(parseSettings({ mutedSites: ['flickr', 'flickr'] }).mutedSites).toEqual(['flickr']);
  });
});

describe('placeOf: where the person is, as the model uses it', () => {
  const hints = { timeZone: 'America/Chicago', languages: ['en-US'] };
  it('follows the browser until the person chooses', () => {
    expect(placeOf({ country: '' }, hints)).toEqual({ country: 'US', guessed: true, regions: ['us'] });
  });
  it('uses the country chosen, whatever the browser says', () => {
    expect(placeOf({ country: 'DE' }, hints)).toEqual({ country: 'DE', guessed: false, regions: ['eu-eea'] });
    expect(placeOf({ country: 'US-IL' }, hints)).toEqual({ country: 'US-IL', guessed: false, regions: ['us', 'us-il'] });
  });
});
