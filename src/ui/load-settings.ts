import { parseSettings, type Settings } from '../core/settings';
import browser from '../shared/ext';

/** Settings as extension pages see them: defaults whenever storage is unreadable or holds bad values. */
export async function loadSettings(): Promise<Settings> {
  try {
    return parseSettings((await browser.storage.sync.get('settings')).settings);
  } catch {
    return parseSettings(undefined);
  }
}
