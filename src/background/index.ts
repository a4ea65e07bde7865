/**
 * The service worker: turns upload reports into assessments, keeps the latest one per tab, shows its level on the
 * toolbar, and keeps the rules up to date. Listeners are registered at the top level so the browser can wake the
 * worker for them.
 */
import type { Runtime } from 'webextension-polyfill';
import { levelRank } from '../core/levels';
import { siteKeyFor } from '../core/rules/compile';
import { siteKeyOf } from '../core/rules/match';
import type { SiteRule } from '../core/rules/types';
import { assess } from '../core/risk/assess';
import browser from '../shared/ext';
import { languageCode, translatorFor } from '../shared/i18n';
import type { Request, RulesSummary, SiteDetails, TabRecord, TabState, UploadResponse } from '../shared/protocol';
import { validateReport } from '../shared/validate-report';
import { clearLevel, showLevel } from './badge';
import { currentRules, type ActiveRules } from './rules-store';
import { checkForUpdates, lastStatus, scheduleUpdates, UPDATE_ALARM } from './rules-update';
import { readSettings, updateSettings } from './settings-store';
import { readReportedPhotos } from './read-photos';
import { readRecord, removeRecord, writeRecord } from './tab-records';
import { updateConfig } from 'virtual:afterlife-rules';
import { warningText } from './warning-text';

const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
const fromExtensionPage = (sender: Runtime.MessageSender) => !!sender.url && new URL(sender.url).origin === extensionOrigin;

/** The page a content script speaks for: its frame, and the tab's top page, both from the browser, not the page. */
function pageOf(sender: Runtime.MessageSender): { tabId: number; topUrl: string; frameUrl: string } | null {
  const tabId = sender.tab?.id;
  const frameUrl = sender.url ?? '';
  const topUrl = sender.tab?.url ?? frameUrl;
  if (tabId === undefined || tabId < 0 || !topUrl) return null;
  return { tabId, topUrl, frameUrl };
}

async function onUpload(rawReport: unknown, sender: Runtime.MessageSender): Promise<UploadResponse | null> {
  const page = pageOf(sender);
  const report = validateReport(rawReport);
  if (!page || !report) return null;
  const { compiled: rules } = await currentRules();
  // An upload widget framed from another host still belongs to the site the person is on, unless the frame itself
  // is a site we know (the photo goes there).
  const site = rules.match(page.frameUrl) ?? rules.match(page.topUrl);
  const siteKey = site?.id ?? siteKeyFor(rules, page.topUrl);
  if (!siteKey) return null;
  const read = readReportedPhotos(report.photos);
  const assessment = assess(
    {
      site,
      host: siteKeyOf(page.topUrl)?.host ?? '',
      pageLicence: report.pageLicence,
      visibility: report.visibility,
      photoCount: report.photos.length,
      photo: read.photoFacts,
    },
    rules.knowledge,
  );
  const record: TabRecord = {
    siteKey,
    pageUrl: page.topUrl,
    path: report.path,
    // The metadata bytes are not kept: only the summary of each photo.
    photos: report.photos.map(({ name, type, size, format }) => ({ name, type, size, format })),
    ...read,
    at: Date.now(),
    assessment,
  };
  const settings = await readSettings();
  const translate = translatorFor(settings.language);
  await Promise.all([writeRecord(page.tabId, record), showLevel(page.tabId, assessment.level, site?.name ?? assessment.host, translate)]);
  const muted = settings.mutedSites.includes(siteKey);
  return {
    assessment,
    text: warningText(assessment, record, translate, languageCode(settings.language)),
    interrupt: !muted && levelRank(assessment.level) >= levelRank(settings.interruptFrom),
  };
}

async function onMute(sender: Runtime.MessageSender): Promise<boolean> {
  const page = pageOf(sender);
  const { compiled: rules } = await currentRules();
  const siteKey = page && siteKeyFor(rules, page.topUrl);
  if (!siteKey) return false;
  await updateSettings((settings) => ({ ...settings, mutedSites: [...settings.mutedSites, siteKey] }));
  return true;
}

async function openExplanation(sender: Runtime.MessageSender): Promise<void> {
  const page = pageOf(sender);
  if (!page) return;
  const url = browser.runtime.getURL(`src/popup/index.html?tab=${page.tabId}`);
  await browser.tabs.create({ url, index: (sender.tab?.index ?? 0) + 1, openerTabId: page.tabId });
}

function detailsOf(active: ActiveRules, site: SiteRule): SiteDetails {
  return {
    id: site.id,
    name: site.name,
    category: site.category,
    terms: site.terms,
    optOuts: site.optOuts,
    datasets: site.datasets.flatMap((id) => active.compiled.knowledge.datasets.get(id) ?? []),
  };
}

const rulesInfo = (active: ActiveRules) => ({ version: active.compiled.version, created: active.compiled.created, origin: active.origin });

async function tabState(tabId: number): Promise<TabState> {
  const active = await currentRules();
  const rules = active.compiled;
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const url = tab?.url ?? '';
  const key = siteKeyOf(url);
  const site = key ? rules.match(url) : null;
  const siteKey = key ? siteKeyFor(rules, url) : null;
  const [record, settings] = await Promise.all([readRecord(tabId), readSettings()]);
  return {
    web: !!key,
    siteKey,
    host: key?.host ?? null,
    site: site ? detailsOf(active, site) : null,
    muted: !!siteKey && settings.mutedSites.includes(siteKey),
    record: record && record.siteKey === siteKey ? record : null,
    rules: rulesInfo(active),
  };
}

async function rulesSummary(): Promise<RulesSummary> {
  const active = await currentRules();
  const settings = await readSettings();
  return {
    ...rulesInfo(active),
    siteCount: active.compiled.sites.length,
    datasetCount: active.compiled.knowledge.datasets.size,
    siteNames: Object.fromEntries(active.compiled.sites.map((site) => [site.id, site.name])),
    lastCheck: await lastStatus(),
    updateUrl: settings.rulesUrl || updateConfig.defaultUrl,
  };
}

async function handle(message: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  if (!message || typeof message !== 'object') return null;
  const request = message as Request;
  switch (request.type) {
    case 'upload':
      return onUpload(request.report, sender);
    case 'mute-site':
      return onMute(sender);
    case 'open-explanation':
      return openExplanation(sender);
    // Only the extension's own pages may ask about tabs, settings or updates: content scripts speak for pages.
    case 'tab-state':
      return fromExtensionPage(sender) && Number.isInteger(request.tabId) ? tabState(request.tabId) : null;
    case 'unmute-site':
      if (!fromExtensionPage(sender) || typeof request.siteKey !== 'string') return null;
      await updateSettings((settings) => ({
        ...settings,
        mutedSites: settings.mutedSites.filter((key) => key !== request.siteKey),
      }));
      return true;
    case 'rules-info':
      return fromExtensionPage(sender) ? rulesSummary() : null;
    case 'check-rules-now':
      if (!fromExtensionPage(sender)) return null;
      await checkForUpdates();
      return rulesSummary();
    default:
      return null;
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => handle(message, sender));

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === UPDATE_ALARM) void checkForUpdates().catch(() => undefined);
});
browser.runtime.onInstalled.addListener(() => void scheduleUpdates().catch(() => undefined));
browser.runtime.onStartup.addListener(() => void scheduleUpdates().catch(() => undefined));

// Leaving the site ends what the badge says about it; moving within the same site keeps it (the browser resets a
// tab's badge on navigation, so it is set again).
browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (!changeInfo.url) return;
  const url = changeInfo.url;
  void (async () => {
    const record = await readRecord(tabId);
    if (!record) return;
    const [{ compiled: rules }, settings] = await Promise.all([currentRules(), readSettings()]);
    const translate = translatorFor(settings.language);
    if (siteKeyFor(rules, url) === record.siteKey) {
      await showLevel(tabId, record.assessment.level, record.assessment.site?.name ?? record.assessment.host, translate);
    } else {
      await Promise.all([removeRecord(tabId), clearLevel(tabId, translate)]);
    }
  })().catch(() => undefined);
});

browser.tabs.onRemoved.addListener((tabId) => {
  void removeRecord(tabId).catch(() => undefined);
});
