import { autoActionsUnderPolicy, NO_AUTO_ACTIONS, type AutoActions } from '../core/auto-actions-setting';

/** The part of the storage API the setting needs, so tests can hand in their own. */
export interface SettingsStorage {
  sync: { get(key: string): Promise<Record<string, unknown>> };
  /** Where the background mirrors the organisation's policy (key `policy`). */
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: { addListener(listener: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void };
}

/**
 * The person's "always clean" and "always mark not for AI training" choices, read when they may first be needed
 * instead of at every page load. Reading them at document_start cost every page load about half a millisecond of
 * CPU time (docs/performance-history.md, "What was fixed earlier"), and most pages never see a file.
 */
export interface AutoActionsSetting {
  /** The choices, once the first read has answered; `undefined` before that. */
  known(): AutoActions | undefined;
  /** Reads the choices (only the first call asks the browser) and from then on follows their changes. */
  read(): Promise<AutoActions>;
}

/** `storage` is looked up only on the first read, so that nothing about storage runs at page load. */
export function lazyAutoActions(storage: () => SettingsStorage): AutoActionsSetting {
  let value: AutoActions | undefined;
  let reading: Promise<AutoActions> | undefined;
  return {
    known: () => value,
    read() {
      // The person's settings and the organisation's policy, each as last seen, so a change to either counts.
      let settings: unknown;
      let mirror: unknown;
      let changed = false;
      reading ??= new Promise<[Record<string, unknown>, Record<string, unknown>]>((resolve) => {
        // Listen first, so a change made while the read is on its way is not lost.
        const api = storage();
        api.onChanged.addListener((changes, area) => {
          if (area === 'sync' && changes.settings) settings = changes.settings.newValue;
          else if (area === 'local' && changes.policy) mirror = changes.policy.newValue;
          else return;
          changed = true;
          value = autoActionsUnderPolicy(settings, mirror);
        });
        resolve(Promise.all([api.sync.get('settings'), api.local.get('policy')]));
      }).then(
        ([storedSettings, storedPolicy]) => {
          if (!changed) {
            settings = storedSettings.settings;
            mirror = storedPolicy.policy;
          } else {
            settings ??= storedSettings.settings;
            mirror ??= storedPolicy.policy;
          }
          return (value = autoActionsUnderPolicy(settings, mirror));
        },
        // The extension was reloaded or removed under this page: nothing can be done, and the page gets its files.
        () => (value ??= NO_AUTO_ACTIONS),
      );
      return reading;
    },
  };
}

