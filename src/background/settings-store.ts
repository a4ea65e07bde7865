import { settingsUnderPolicy } from '../core/policy';
import { parseSettings, type Settings } from '../core/settings';
import browser from '../shared/ext';
import { readPolicy } from './policy-store';

/** The person's own settings, as they chose them; a bad stored value never crashes anything. */
export async function readOwnSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.sync.get('settings');
    return parseSettings(stored.settings);
  } catch {
    return parseSettings(undefined);
  }
}

/** The settings in force: the person's own, with what their organisation's policy sets on top (policy-store.ts). */
export async function readSettings(): Promise<Settings> {
  const [own, { policy }] = await Promise.all([readOwnSettings(), readPolicy()]);
  return settingsUnderPolicy(own, policy);
}

/** Changes the person's own settings (never the policy's values laid over them). */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = parseSettings(change(await readOwnSettings()));
  await browser.storage.sync.set({ settings: next });
  return next;
}
