import { parsePolicy, seedFromPolicy } from '../core/policy';
import { parseSettings } from '../core/settings';
import browser from '../shared/ext';
import { loadPolicy, NO_POLICY, type PolicyInForce } from '../shared/load-policy';

/** Where the background mirrors the policy in force, for the content script (which reads it with the settings at a
 *  person's first step) and the extension's pages. */
export const POLICY_KEY = 'policy';
const SEEDED_KEY = 'policySeeded';

let cached: Promise<PolicyInForce> | null = null;

/**
 * What the organisation set, as last read from managed storage and mirrored in local storage. Reading managed storage
 * itself can take seconds the first time in a browser session (measured: 2.6 s in Chromium 150 with no policy set),
 * and a warning must not wait for it; `refreshPolicy` reads it in the background and updates the mirror.
 */
export function readPolicy(): Promise<PolicyInForce> {
  cached ??= browser.storage.local
    .get(POLICY_KEY)
    .then((stored) => {
      const mirror = stored[POLICY_KEY] as { policy?: unknown; problems?: PolicyInForce['problems'] } | undefined;
      // The mirror is ours, but storage can be damaged: it is checked again like the policy itself.
      return mirror ? { policy: parsePolicy(mirror.policy).policy, problems: Array.isArray(mirror.problems) ? mirror.problems : [] } : NO_POLICY;
    })
    .catch(() => NO_POLICY);
  return cached;
}

/**
 * Reads the policy afresh and mirrors it to local storage; for a policy that lets people change its choices, writes
 * any new value into their settings once. Run at start-up, on install and when the managed storage changes.
 */
export async function refreshPolicy(): Promise<PolicyInForce> {
  const inForce = await loadPolicy();
  cached = Promise.resolve(inForce);
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
