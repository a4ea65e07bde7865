import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from './settings';

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
    });
    expect(parseSettings({ language: 'klingon' }).language).toBe('auto');
    expect(parseSettings({ interruptFrom: 'extreme', mutedSites: 'flickr' })).toEqual(DEFAULT_SETTINGS);
  });

  it('accepts only https update addresses, or plain http to this machine', () => {
    expect(parseSettings({ rulesUrl: 'https://rules.example.org/rules.signed.json' }).rulesUrl).toBe('https://rules.example.org/rules.signed.json');
    expect(parseSettings({ rulesUrl: 'http://127.0.0.1:8080/rules.json' }).rulesUrl).toBe('http://127.0.0.1:8080/rules.json');
    for (const bad of ['http://rules.example.org/x', 'ftp://x.org/', 'javascript:alert(1)', 'https://user:pw@x.org/', 42]) {
      expect(parseSettings({ rulesUrl: bad }).rulesUrl).toBe('');
    }
  });

  it('removes duplicate muted sites', () => {
    expect(parseSettings({ mutedSites: ['flickr', 'flickr'] }).mutedSites).toEqual(['flickr']);
  });
});
