import { useEffect, useRef, useState } from 'preact/hooks';
import { parseSettings, type Settings } from '../core/settings';
import browser from '../shared/ext';

export type SettingsChange = (current: Settings) => Settings;

/** Settings as one string, whatever order storage gives their keys back in. */
const canonical = (value: unknown) => JSON.stringify(parseSettings(value));

/**
 * The person's own settings on an extension page, kept in step with storage. Each change builds on the latest
 * settings — including changes still on their way to storage — and the page's own writes coming back as storage
 * events are recognised and skipped, so a quick second change is never overwritten by the echo of the first (seen
 * in CI: a copyright line typed, then a box ticked, lost the line). Changes made elsewhere (another window) still
 * arrive.
 */
export function useSettingsWriter(initial: Settings): { own: Settings; save: (change: SettingsChange) => Promise<void> } {
  const [own, setOwn] = useState(initial);
  const latest = useRef(initial);
  /** What this page wrote and has not yet seen come back, as JSON. */
  const pending = useRef<string[]>([]);

  useEffect(() => {
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'sync' || !changes.settings) return;
      const echo = pending.current.indexOf(canonical(changes.settings.newValue));
      if (echo >= 0) {
        pending.current.splice(0, echo + 1);
        return;
      }
      latest.current = parseSettings(changes.settings.newValue);
      setOwn(latest.current);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const save = async (change: SettingsChange) => {
    const next = change(latest.current);
    latest.current = next;
    setOwn(next);
    pending.current.push(canonical(next));
    await browser.storage.sync.set({ settings: next });
  };
  return { own, save };
}
