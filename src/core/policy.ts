/**
 * Administrator policies: what an organisation sets for every browser it manages (the browser's managed storage,
 * filled from Chrome's policy files, registry, configuration profiles or Admin console, or Firefox's policies.json).
 * Each value is checked on its own: a missing or malformed one is ignored and reported, never a crash, and never
 * costs the others. The person's own settings are kept underneath; a policy sets what the person sees on top.
 */
import { isLevel, type Level } from './levels';
import { isCountrySetting } from './region';
import { RESERVATION_CHOICES, isUpdateUrl, type ReservationChoice, type Settings } from './settings';

export interface Policy {
  /** The lowest level that interrupts with the in-page warning. */
  interruptFrom?: Level;
  alwaysClean?: boolean;
  alwaysReserve?: boolean;
  /** The IPTC Data Mining term "Mark it not for AI training" writes. */
  reservationValue?: ReservationChoice;
  /** Site keys where the warning always interrupts, whatever the level or the person's mutes. */
  forcedSites?: string[];
  /** Site keys where the warning never interrupts (the badge still shows the level). */
  mutedSites?: string[];
  /** Whether a person may mute a site from the warning or the popup; true when not set. */
  allowMuting?: boolean;
  /** Whether a person may change what the policy sets: false (the default) locks each policy-set choice. */
  allowChanges?: boolean;
  /** Where signed rule updates come from, and the keys they must be signed by. */
  rulesUpdateUrl?: string;
  rulesPublicKeys?: Array<{ id: string; publicKey: string }>;
  /** Where the people are (an ISO 3166 code, or US-IL/TX/WA/CA). */
  country?: string;
  /** Whether the first-run page opens on install; true when not set. */
  showWelcomePage?: boolean;
  /** Trainer mode: the demo opens on install and the popup leads with it. */
  trainerMode?: boolean;
}

export const POLICY_KEYS = [
  'interruptFrom',
  'alwaysClean',
  'alwaysReserve',
  'reservationValue',
  'forcedSites',
  'mutedSites',
  'allowMuting',
  'allowChanges',
  'rulesUpdateUrl',
  'rulesPublicKeys',
  'country',
  'showWelcomePage',
  'trainerMode',
] as const satisfies ReadonlyArray<keyof Policy>;

/** A policy value that was ignored, and why, for the options page to show. */
export interface PolicyProblem {
  key: string;
  reason: 'unknown-policy' | 'wrong-type' | 'not-allowed';
}

const SITE_KEY = /^(?:[a-z0-9-]{1,64}|domain:[a-z0-9.-]{1,253})$/;
const MAX_SITES = 1000;
const BASE64_KEY = /^[A-Za-z0-9+/]{43}=$/;

const isSiteList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= MAX_SITES && value.every((key) => typeof key === 'string' && SITE_KEY.test(key));

type Check = (value: unknown) => 'ok' | PolicyProblem['reason'];
const boolean: Check = (value) => (typeof value === 'boolean' ? 'ok' : 'wrong-type');

const CHECKS: Record<keyof Policy, Check> = {
  interruptFrom: (value) => (typeof value !== 'string' ? 'wrong-type' : isLevel(value) ? 'ok' : 'not-allowed'),
  alwaysClean: boolean,
  alwaysReserve: boolean,
  reservationValue: (value) => (typeof value !== 'string' ? 'wrong-type' : (RESERVATION_CHOICES as readonly string[]).includes(value) ? 'ok' : 'not-allowed'),
  forcedSites: (value) => (!Array.isArray(value) ? 'wrong-type' : isSiteList(value) ? 'ok' : 'not-allowed'),
  mutedSites: (value) => (!Array.isArray(value) ? 'wrong-type' : isSiteList(value) ? 'ok' : 'not-allowed'),
  allowMuting: boolean,
  allowChanges: boolean,
  rulesUpdateUrl: (value) => (typeof value !== 'string' ? 'wrong-type' : value.length <= 2000 && isUpdateUrl(value) ? 'ok' : 'not-allowed'),
  rulesPublicKeys: (value) => {
    if (!Array.isArray(value)) return 'wrong-type';
    const valid = value.length > 0 && value.length <= 20 && value.every((key) => {
      const entry = key as Record<string, unknown> | null;
      return !!entry && typeof entry === 'object' && typeof entry.id === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(entry.id) && typeof entry.publicKey === 'string' && BASE64_KEY.test(entry.publicKey);
    });
    return valid ? 'ok' : 'not-allowed';
  },
  country: (value) => (typeof value !== 'string' ? 'wrong-type' : isCountrySetting(value) ? 'ok' : 'not-allowed'),
  showWelcomePage: boolean,
  trainerMode: boolean,
};

/** Reads what managed storage holds: every valid value, and a problem for each one that is not. */
export function parsePolicy(raw: unknown): { policy: Policy; problems: PolicyProblem[] } {
  const policy: Record<string, unknown> = {};
  const problems: PolicyProblem[] = [];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { policy, problems };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const check = (CHECKS as Record<string, Check | undefined>)[key];
    if (!check || !Object.hasOwn(CHECKS, key)) {
      problems.push({ key: key.slice(0, 100), reason: 'unknown-policy' });
      continue;
    }
    const verdict = check(value);
    if (verdict === 'ok') policy[key] = key === 'forcedSites' || key === 'mutedSites' ? [...new Set(value as string[])] : value;
    else problems.push({ key, reason: verdict });
  }
  return { policy: policy as Policy, problems };
}

/** The settings fields a policy key decides. */
const SETTING_OF: Partial<Record<keyof Policy, keyof Settings>> = {
  interruptFrom: 'interruptFrom',
  alwaysClean: 'alwaysClean',
  alwaysReserve: 'alwaysReserve',
  reservationValue: 'reservation',
  rulesUpdateUrl: 'rulesUrl',
  country: 'country',
};

/** The settings a policy locks: each one it sets, unless it lets people change them. */
export function lockedSettings(policy: Policy): Array<keyof Settings> {
  if (policy.allowChanges === true) return [];
  return (Object.keys(SETTING_OF) as Array<keyof Policy>).filter((key) => policy[key] !== undefined).map((key) => SETTING_OF[key] as keyof Settings);
}

/** The policy's values for settings fields, as the settings hold them. */
function policyValues(policy: Policy): Partial<Settings> & { reservationValue?: ReservationChoice } {
  return {
    ...(policy.interruptFrom !== undefined ? { interruptFrom: policy.interruptFrom } : {}),
    ...(policy.alwaysClean !== undefined ? { alwaysClean: policy.alwaysClean } : {}),
    ...(policy.alwaysReserve !== undefined ? { alwaysReserve: policy.alwaysReserve } : {}),
    ...(policy.rulesUpdateUrl !== undefined ? { rulesUrl: policy.rulesUpdateUrl } : {}),
    ...(policy.country !== undefined ? { country: policy.country } : {}),
    ...(policy.reservationValue !== undefined ? { reservationValue: policy.reservationValue } : {}),
  };
}

function overlay(own: Settings, values: ReturnType<typeof policyValues>): Settings {
  const { reservationValue, ...fields } = values;
  return { ...own, ...fields, reservation: { ...own.reservation, ...(reservationValue ? { value: reservationValue } : {}) } };
}

/**
 * The settings in force: the person's own, with each policy-set choice on top. Sites the organisation mutes are
 * muted for everyone, and forced sites never are. When the policy lets people change its choices, they are not laid
 * on top here: `seedFromPolicy` wrote them into the person's settings once, as a starting point.
 */
export function settingsUnderPolicy(own: Settings, policy: Policy): Settings {
  const next = policy.allowChanges === true ? { ...own, reservation: { ...own.reservation } } : overlay(own, policyValues(policy));
  const muted = new Set([...own.mutedSites, ...(policy.mutedSites ?? [])]);
  for (const forced of policy.forcedSites ?? []) muted.delete(forced);
  next.mutedSites = [...muted];
  return next;
}

/**
 * For a policy that lets people change its choices: the person's settings with each policy value that is new since
 * the last time (`lastSeeded`, as this function returned it) written in once, and what to remember as seeded. A value
 * the organisation has not changed since is not written again, so the person's own change stays.
 */
export function seedFromPolicy(own: Settings, policy: Policy, lastSeeded: Record<string, unknown>): { settings: Settings; seeded: Record<string, unknown>; changed: boolean } {
  const values = policyValues(policy);
  const fresh = Object.fromEntries(Object.entries(values).filter(([key, value]) => JSON.stringify(lastSeeded[key]) !== JSON.stringify(value)));
  return { settings: overlay(own, fresh), seeded: { ...values }, changed: Object.keys(fresh).length > 0 };
}

export const mayMute = (policy: Policy, siteKey: string): boolean => policy.allowMuting !== false && !(policy.forcedSites ?? []).includes(siteKey);
export const isForced = (policy: Policy, siteKey: string): boolean => (policy.forcedSites ?? []).includes(siteKey);
