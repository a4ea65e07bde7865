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
    });
    expect(parseSettings({ language: 'klingon' }).language).toBe('auto');
    expect(parseSettings({ interruptFrom: 'extreme', mutedSites: 'flickr' })).toEqual(DEFAULT_SETTINGS);
  });

  it('removes duplicate muted sites', () => {
    expect(parseSettings({ mutedSites: ['flickr', 'flickr'] }).mutedSites).toEqual(['flickr']);
  });
});
