import type { Level } from '../core/levels';
import browser from '../shared/ext';
import type { Translate } from '../shared/i18n';

/** Badge colours match the in-page warning's accents; the badge text carries the level in words as well. */
const COLOURS: Record<Level, string> = { low: '#2e7d32', medium: '#b26a00', high: '#c62828', 'very-high': '#7b1fa2' };

export async function showLevel(tabId: number, level: Level, siteName: string, t: Translate): Promise<void> {
  const key = level.replace('-', '_');
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: t(`badge_${key}`) }),
    browser.action.setBadgeBackgroundColor({ tabId, color: COLOURS[level] }),
    browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' }),
    browser.action.setTitle({ tabId, title: t('actionTitleLevel', [t(`levelLower_${key}`), siteName]) }),
  ]);
}

export async function clearLevel(tabId: number, t: Translate): Promise<void> {
  await Promise.all([
    browser.action.setBadgeText({ tabId, text: '' }),
    browser.action.setTitle({ tabId, title: t('actionTitle') }),
  ]);
}
