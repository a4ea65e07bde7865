import { parsePolicy, type Policy, type PolicyProblem } from '../core/policy';
import browser from './ext';

export interface PolicyInForce {
  policy: Policy;
  problems: PolicyProblem[];
}

export const NO_POLICY: PolicyInForce = Object.freeze({ policy: {}, problems: [] });

/** The organisation's policy as extension pages see it: none when managed storage is empty or unreadable (Firefox
 *  rejects the read when nothing is set). */
export async function loadPolicy(): Promise<PolicyInForce> {
  try {
    return parsePolicy(await browser.storage.managed.get());
  } catch {
    return NO_POLICY;
  }
}
