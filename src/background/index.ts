/**
 * The service worker: turns upload reports into assessments, keeps the latest one per tab, and shows its level on
 * the toolbar. Listeners are registered at the top level so the browser can wake the worker for them.
 */
import { levelRank } from '../core/levels';
import { compileRules, siteKeyFor } from '../core/rules/compile';
import { siteKeyOf } from '../core/rules/match';
import { assess } from '../core/risk/assess';
import type { PhotoFacts } from '../core/risk/types';
import browser from '../shared/ext';
import { languageCode, translatorFor } from '../shared/i18n';
import type { Request, RulesSummary, SiteDetails, TabRecord, TabState, UploadResponse } from '../shared/protocol';
import type { SiteRule } from '../core/rules/types';
import { validateReport } from '../shared/validate-report';
import type { Runtime } from 'webextension-polyfill';
import { clearLevel, showLevel } from './badge';
import { bundledRules } from './bundled-rules';
import { readSettings, updateSettings } from './settings-store';
import { readRecord, removeRecord, writeRecord } from './tab-records';
import { warningText } from './warning-text';

const rules = compileRules(bundledRules);

/** Photo facts before the photo has been read: nothing is assumed either way. */
const UNREAD_PHOTO: PhotoFacts = {
  faces: 'unknown',
  location: 'unknown',
  cameraSerial: 'unknown',
  creatorName: 'unknown',
  embeddedLicence: 'unknown',
};

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
  // An upload widget framed from another host still belongs to the site the person is on, unless the frame itself
  // is a site we know (the photo goes there).
  const site = rules.match(page.frameUrl) ?? rules.match(page.topUrl);
  const siteKey = site?.id ?? siteKeyFor(rules, page.topUrl);
  if (!siteKey) return null;
  const assessment = assess(
    {
      site,
      host: siteKeyOf(page.topUrl)?.host ?? '',
      pageLicence: report.pageLicence,
      visibility: report.visibility,
      photoCount: report.photos.length,
      photo: UNREAD_PHOTO,
    },
    rules.knowledge,
  );
  const record: TabRecord = {
    siteKey,
    pageUrl: page.topUrl,
    path: report.path,
    photos: report.photos,
    photoFacts: UNREAD_PHOTO,
    at: Date.now(),
    assessment,
  };
  const settings = await readSettings();
  const translate = translatorFor(settings.language);
  await Promise.all([writeRecord(page.tabId, record), showLevel(page.tabId, assessment.level, site?.name ?? assessment.host, translate)]);
  const muted = settings.mutedSites.includes(siteKey);
  return {
    assessment,
    text: warningText(assessment, translate, languageCode(settings.language)),
    interrupt: !muted && levelRank(assessment.level) >= levelRank(settings.interruptFrom),
  };
}

async function onMute(sender: Runtime.MessageSender): Promise<boolean> {
  const page = pageOf(sender);
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

function detailsOf(site: SiteRule): SiteDetails {
  return {
    id: site.id,
    name: site.name,
    category: site.category,
    terms: site.terms,
    optOuts: site.optOuts,
    datasets: site.datasets.flatMap((id) => rules.knowledge.datasets.get(id) ?? []),
  };
}

async function tabState(tabId: number): Promise<TabState> {
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
    site: site ? detailsOf(site) : null,
    muted: !!siteKey && settings.mutedSites.includes(siteKey),
    record: record && record.siteKey === siteKey ? record : null,
    rules: { version: rules.version, created: rules.created, origin: 'bundled' },
  };
}

function rulesSummary(): RulesSummary {
  return {
    version: rules.version,
    created: rules.created,
    origin: 'bundled',
    siteCount: rules.sites.length,
    datasetCount: rules.knowledge.datasets.size,
    siteNames: Object.fromEntries(rules.sites.map((site) => [site.id, site.name])),
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
    case 'tab-state':
      // Only the extension's own pages may ask about a tab: a content script must not learn about other tabs.
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
    default:
      return null;
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => handle(message, sender));

// Leaving the site ends what the badge says about it; moving within the same site keeps it (the browser resets a
// tab's badge on navigation, so it is set again).
browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (!changeInfo.url) return;
  const url = changeInfo.url;
  void (async () => {
    const record = await readRecord(tabId);
    if (!record) return;
    const translate = translatorFor((await readSettings()).language);
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
