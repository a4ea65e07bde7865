import { bundledRules, bundledRulesReadFrom, updateConfig } from 'virtual:afterlife-rules';
import { compareVersions, describeProblems, readBundle } from '../core/rules/bundle';
import { compileRules, type CompiledRules } from '../core/rules/compile';
import { verifySignedBundle, type TrustedKey } from '../core/rules/signature';
import browser from '../shared/ext';
import { RULES_LOADED_MEASURE } from './measures';
import { readPolicy } from './policy-store';

/** The keys updates must be signed by: the organisation's, when its policy names them; otherwise those this build
 *  ships with. */
async function trustedKeys(): Promise<{ keys: TrustedKey[]; organisation: boolean }> {
  const { policy } = await readPolicy();
  return policy.rulesPublicKeys
    ? { keys: policy.rulesPublicKeys.map((key) => ({ ...key, note: 'organisation policy' })), organisation: true }
    : { keys: updateConfig.trustedKeys, organisation: false };
}

/**
 * The rules in use: the bundled rules, or a newer signed update kept in local storage. The bundled rules are the
 * floor — a stored update is used only while it still verifies and is newer than what this extension shipped with.
 */
export interface ActiveRules {
  compiled: CompiledRules;
  version: number;
  origin: 'bundled' | 'update';
}

export type UpdateRejection =
  | 'malformed'
  | 'unknown-key'
  /** Signed, but not with a key the organisation's policy names (rulesPublicKeys). */
  | 'unknown-org-key'
  | 'bad-signature'
  | 'invalid-rules'
  | 'not-newer'
  | 'same-version'
  | 'needs-newer-extension';

export type ApplyResult = { ok: true; version: number } | { ok: false; reason: UpdateRejection; detail: string };

const STORED_UPDATE = 'rulesUpdate';

const bundled: ActiveRules = { compiled: compileRules(bundledRules), version: Number(bundledRules.version), origin: 'bundled' };
performance.measure(RULES_LOADED_MEASURE, { start: bundledRulesReadFrom });
let active: Promise<ActiveRules> = loadStoredUpdate();

const extensionVersion = () => browser.runtime.getManifest().version;

/** Everything an update must pass before it is used; nothing in it is ever executed. */
async function examine(signedText: string, inUse: number): Promise<{ ok: true; rules: ActiveRules } | { ok: false; reason: UpdateRejection; detail: string }> {
  const trusted = await trustedKeys();
  const verified = await verifySignedBundle(signedText, trusted.keys);
  // Under an organisation's keys, a refusal names them, not Afterlife's maintainers.
  if (!verified.ok) return verified.reason === 'unknown-key' && trusted.organisation ? { ...verified, reason: 'unknown-org-key' } : verified;
  const read = readBundle(verified.payload, 'update');
  if (!read.data) return { ok: false, reason: read.problems[0]?.field === 'format' ? 'malformed' : 'invalid-rules', detail: describeProblems(read.problems) };
  const version = read.bundle.version;
  if (version === inUse) return { ok: false, reason: 'same-version', detail: `version ${version} is already in use` };
  if (version < inUse) return { ok: false, reason: 'not-newer', detail: `version ${version} is older than version ${inUse} in use` };
  if (compareVersions(extensionVersion(), read.bundle.minExtensionVersion) < 0) {
    return { ok: false, reason: 'needs-newer-extension', detail: `needs Afterlife ${read.bundle.minExtensionVersion} or newer` };
  }
  return { ok: true, rules: { compiled: compileRules(read.data), version, origin: 'update' } };
}

async function loadStoredUpdate(): Promise<ActiveRules> {
  try {
    const stored = (await browser.storage.local.get(STORED_UPDATE))[STORED_UPDATE];
    if (typeof stored !== 'string') return bundled;
    const result = await examine(stored, bundled.version);
    return result.ok ? result.rules : bundled;
  } catch {
    return bundled;
  }
}

export function currentRules(): Promise<ActiveRules> {
  return active;
}

/** Takes a signed update if it passes every check; otherwise the rules in use stay as they are. */
export async function applyUpdate(signedText: string): Promise<ApplyResult> {
  const inUse = await active;
  const result = await examine(signedText, inUse.version);
  if (!result.ok) return result;
  await browser.storage.local.set({ [STORED_UPDATE]: signedText });
  active = Promise.resolve(result.rules);
  return { ok: true, version: result.rules.version };
}
