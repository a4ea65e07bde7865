import { describe, expect, it } from 'vitest';
import { isForced, lockedSettings, mayMute, parsePolicy, seedFromPolicy, settingsUnderPolicy } from './policy';
import { DEFAULT_SETTINGS, type Settings } from './settings';

const own: Settings = { ...DEFAULT_SETTINGS, reservation: { ...DEFAULT_SETTINGS.reservation }, mutedSites: ['flickr'], interruptFrom: 'very-high', country: 'FR' };
const KEY = 'MCowBQYDK2VwAyEAdGVzdGtleXRlc3RrZXl0ZXN0a2V5dGVzdA=';

describe('administrator policies', () => {
  it('keeps every valid value and reports each bad one by name, without losing the others', () => {
    const { policy, problems } = parsePolicy({
      interruptFrom: 'medium',
      alwaysClean: 'yes',
      reservationValue: 'DMI-ALLOWED',
      forcedSites: ['okcupid', 'okcupid', 'domain:example.org'],
      mutedSites: ['Bad Key!'],
      rulesUpdateUrl: 'http://rules.example.org/x',
      rulesPublicKeys: [{ id: 'org-2026', publicKey: 'bm90LWEta2V5' }],
      country: 'DE',
      surprise: true,
    });
    expect(policy).toEqual({ interruptFrom: 'medium', forcedSites: ['okcupid', 'domain:example.org'], country: 'DE' });
    expect(problems).toEqual([
      { key: 'alwaysClean', reason: 'wrong-type' },
      { key: 'reservationValue', reason: 'not-allowed' },
      { key: 'mutedSites', reason: 'not-allowed' },
      { key: 'rulesUpdateUrl', reason: 'not-allowed' },
      { key: 'rulesPublicKeys', reason: 'not-allowed' },
      { key: 'surprise', reason: 'unknown-policy' },
    ]);
  });

  it('reads nothing from nothing, or from what is not an object', () => {
    for (const raw of [undefined, null, 'policy', 42, []]) expect(parsePolicy(raw)).toEqual({ policy: {}, problems: [] });
    expect(parsePolicy({ rulesPublicKeys: [{ id: 'org', publicKey: KEY.slice(0, 43) + '=' }] }).policy.rulesPublicKeys).toHaveLength(1);
  });

  it('lays the policy on top of the person\'s settings and locks what it sets', () => {
    const policy = parsePolicy({ interruptFrom: 'medium', alwaysReserve: true, reservationValue: 'DMI-PROHIBITED', country: 'DE' }).policy;
    expect(settingsUnderPolicy(own, policy)).toMatchObject({ interruptFrom: 'medium', alwaysReserve: true, reservation: { value: 'DMI-PROHIBITED' }, country: 'DE', mutedSites: ['flickr'] });
    expect(lockedSettings(policy).sort()).toEqual(['alwaysReserve', 'country', 'interruptFrom', 'reservation']);
    expect(own.interruptFrom).toBe('very-high'); // the person's own settings are kept underneath
  });

  it('mutes the organisation\'s sites for everyone, and never a forced one', () => {
    const policy = parsePolicy({ mutedSites: ['domain:intranet.example'], forcedSites: ['flickr'], allowMuting: false }).policy;
    expect(settingsUnderPolicy(own, policy).mutedSites).toEqual(['domain:intranet.example']);
    expect(isForced(policy, 'flickr')).toBe(true);
    expect(mayMute(policy, 'okcupid')).toBe(false);
    expect(mayMute({}, 'okcupid')).toBe(true);
    expect(mayMute({ forcedSites: ['okcupid'] }, 'okcupid')).toBe(false);
  });

  it('with allowChanges, writes each new policy value once as a starting point and leaves the person\'s later change alone', () => {
    const policy = parsePolicy({ interruptFrom: 'medium', allowChanges: true }).policy;
    expect(lockedSettings(policy)).toEqual([]);
    const first = seedFromPolicy(own, policy, {});
    expect(first).toMatchObject({ changed: true, settings: { interruptFrom: 'medium' }, seeded: { interruptFrom: 'medium' } });
    const changedByPerson = { ...first.settings, interruptFrom: 'low' as const };
    expect(seedFromPolicy(changedByPerson, policy, first.seeded)).toMatchObject({ changed: false, settings: { interruptFrom: 'low' } });
    expect(settingsUnderPolicy(changedByPerson, policy).interruptFrom).toBe('low');
    const raised = parsePolicy({ interruptFrom: 'high', allowChanges: true }).policy;
    expect(seedFromPolicy(changedByPerson, raised, first.seeded)).toMatchObject({ changed: true, settings: { interruptFrom: 'high' } });
  });
});
