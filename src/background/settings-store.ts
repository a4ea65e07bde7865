import { parseSettings, type Settings } from '../core/settings';
import browser from '../shared/ext';

/** Settings follow the person between browsers through sync storage; a bad stored value never crashes anything. */
export async function readSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.sync.get('settings');
    return parseSettings(stored.settings);
  } catch {
    return parseSettings(undefined);
  }
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = parseSettings(change(await readSettings()));
  await browser.storage.sync.set({ settings: next });
  return next;
}
