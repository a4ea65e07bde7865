import { describe, expect, it } from 'vitest';
import { appliesIn, guessCountry, isCountrySetting, regionsOf } from './region';

describe('regionsOf: the regions a country setting belongs to', () => {
  it.each([
    ['DE', ['eu-eea']],
    ['NO', ['eu-eea']],
    ['GB', ['uk']],
    ['CH', ['ch']],
    ['US', ['us']],
    ['US-IL', ['us', 'us-il']],
    ['US-TX', ['us', 'us-tx']],
    ['CA', ['ca']],
    ['NZ', []],
    ['', []],
  ])('%s → %j', (country, regions) => {
    expect(regionsOf(country)).toEqual(regions);
  });
});

describe('appliesIn: whether a fact holds where the person is', () => {
  it('holds everywhere when it names no region', () => {
    expect(appliesIn({}, [])).toBe(true);
    expect(appliesIn({}, ['eu-eea'])).toBe(true);
  });
  it('holds only in the regions of "where"', () => {
    expect(appliesIn({ where: ['eu-eea', 'uk'] }, ['uk'])).toBe(true);
    expect(appliesIn({ where: ['eu-eea'] }, ['us', 'us-il'])).toBe(false);
    expect(appliesIn({ where: ['us-il'] }, ['us', 'us-il'])).toBe(true);
    expect(appliesIn({ where: ['us-il'] }, ['us'])).toBe(false);
    expect(appliesIn({ where: ['eu-eea'] }, [])).toBe(false);
  });
  it('holds everywhere but the regions of "outside"', () => {
    expect(appliesIn({ outside: ['eu-eea'] }, ['us'])).toBe(true);
    expect(appliesIn({ outside: ['eu-eea'] }, [])).toBe(true);
    expect(appliesIn({ outside: ['eu-eea'] }, ['eu-eea'])).toBe(false);
  });
});

describe('guessCountry: the browser\'s suggestion, from its time zone and languages', () => {
  it.each([
    ['America/Chicago', ['en-US'], 'US'],
    ['America/Chicago', ['en'], 'US'],
    ['Europe/Berlin', ['de-DE', 'de'], 'DE'],
    ['Europe/Vienna', ['de-DE'], 'AT'],
    ['Europe/London', ['en-GB'], 'GB'],
    ['America/Toronto', ['fr-CA'], 'CA'],
    ['Pacific/Auckland', ['en-NZ'], 'NZ'],
  ])('%s with %j → %s', (zone, languages, country) => {
    expect(guessCountry(zone, languages)).toBe(country);
  });

  it('lets the language pick among countries that share a zone', () => {
    // Europe/Berlin is also the zone rule of Denmark, Norway and Sweden in the time zone database.
    expect(guessCountry('Europe/Berlin', ['nb-NO'])).toBe('NO');
  });

  it('falls back to the language, then to none', () => {
    expect(guessCountry(undefined, ['pt-BR'])).toBe('BR');
    expect(guessCountry('Etc/UTC', ['en'])).toBe('');
    expect(guessCountry(undefined, ['not a language tag'])).toBe('');
  });
});

describe('isCountrySetting', () => {
  it('accepts ISO 3166 codes, the listed US states and none', () => {
    for (const value of ['DE', 'US', 'US-IL', 'NZ', '']) expect(isCountrySetting(value), value).toBe(true);
  });
  it('rejects anything else', () => {
    for (const value of ['de', 'EU', 'US-NY', 'XX', 'Germany', 42, null]) expect(isCountrySetting(value), String(value)).toBe(false);
  });
});
