import { seedFromPolicy } from '../core/policy';
import { parseSettings } from '../core/settings';
import browser from '../shared/ext';
import { loadPolicy, type PolicyInForce } from '../shared/load-policy';

/** Where the background mirrors the policy in force, for the content script (which reads it with the settings at a
 *  person's first step) and the extension's pages. */
export const POLICY_KEY = 'policy';
const SEEDED_KEY = 'policySeeded';

let cached: Promise<PolicyInForce> | null = null;

/** What the organisation set, read from managed storage. Firefox rejects the read when nothing is set, and a
 *  browser without managed storage has none: both mean no policy. */
export function readPolicy(): Promise<PolicyInForce> {
  cached ??= loadPolicy();
  return cached;
}

/**
 * Reads the policy afresh and mirrors it to local storage; for a policy that lets people change its choices, writes
 * any new value into their settings once. Run at start-up, on install and when the managed storage changes.
 */
export async function refreshPolicy(): Promise<PolicyInForce> {
  cached = null;
  const inForce = await readPolicy();
  await browser.storage.local.set({ [POLICY_KEY]: inForce });
  if (inForce.policy.allowChanges === true) {
    const stored = await browser.storage.local.get(SEEDED_KEY);
    const own = parseSettings((await browser.storage.sync.get('settings')).settings);
    const seeded = seedFromPolicy(own, inForce.policy, (stored[SEEDED_KEY] as Record<string, unknown> | undefined) ?? {});
    if (seeded.changed) await browser.storage.sync.set({ settings: seeded.settings });
    await browser.storage.local.set({ [SEEDED_KEY]: seeded.seeded });
  }
  return inForce;
}

/** Managed storage changes when an administrator changes the policy (Chromium; Firefox reads it at start-up). */
export function followPolicyChanges(): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void refreshPolicy();
  });
}
