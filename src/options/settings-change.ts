import type { Settings } from '../core/settings';

/** A change to the person's own settings, applied to the latest of them (never to what a click's render saw). */
export type SettingsChange = (current: Settings) => Settings;
