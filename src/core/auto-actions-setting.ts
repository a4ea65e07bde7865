/** What Afterlife does to every photo before the page's own code sees it, as the person chose in the options. */
export interface AutoActions {
  /** "Always clean my photos": remove location and camera data. */
  clean: boolean;
  /** "Always mark my photos not for AI training": write the reservation chosen in the options. */
  reserve: boolean;
}

export const NO_AUTO_ACTIONS: Readonly<AutoActions> = Object.freeze({ clean: false, reserve: false });

/** Only these two choices from stored settings, read as parseSettings reads them: for the content script, which
 *  needs nothing else and should not carry the rest of the parsing into every page. */
export function autoActionsOf(raw: unknown): AutoActions {
  const stored = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return { clean: stored.alwaysClean === true, reserve: stored.alwaysReserve === true };
}

export const anyAutoAction = (actions: AutoActions): boolean => actions.clean || actions.reserve;

/** The same choices with the organisation's policy on top, read from the policy the background mirrors to local
 *  storage (src/background/policy-store.ts) — only its two booleans, so the content script carries no policy parser.
 *  A policy that lets people change its choices was already written into their settings. */
export function autoActionsUnderPolicy(rawSettings: unknown, rawMirror: unknown): AutoActions {
  const own = autoActionsOf(rawSettings);
  const policy = (rawMirror as { policy?: Record<string, unknown> } | null | undefined)?.policy;
  if (!policy || typeof policy !== 'object' || policy.allowChanges === true) return own;
  return {
    clean: typeof policy.alwaysClean === 'boolean' ? policy.alwaysClean : own.clean,
    reserve: typeof policy.alwaysReserve === 'boolean' ? policy.alwaysReserve : own.reserve,
  };
}
