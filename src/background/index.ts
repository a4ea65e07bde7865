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
import type { PagePickers, Request, RulesSummary, SiteDetails, TabRecord, TabState, UploadResponse } from '../shared/protocol';
import { placeFor, today } from '../shared/place';
import { validateReport } from '../shared/validate-report';
import { licenceSwitchFor, offerCleaning, offerReserve } from './offers';
import { reservePhotoHead } from './reserve-photo';
import { clearLevel, showLevel } from './badge';
import { countFaces } from './faces';
import { currentRules, type ActiveRules } from './rules-store';
import { checkForUpdates, lastStatus, scheduleUpdates, UPDATE_ALARM } from './rules-update';
import { readSettings, updateSettings } from './settings-store';
import { followPolicyChanges, readPolicy, refreshPolicy } from './policy-store';
import { openWelcome } from './first-run';
import { isForced, mayMute } from '../core/policy';
import { readReportedPhotos } from '../core/photo/read-photos';
import { readRecord, removeRecord, writeRecord } from './tab-records';
import { updateConfig } from 'virtual:afterlife-rules';
import { warningText } from './warning-text';
import { scraperView } from './scraper-view';
import { DEMO_BLOG_URL, demoData, demoPage, isDemoUrl } from './demo';

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

async function onUpload(rawReport: unknown, sender: Runtime.MessageSender, demoSite?: unknown): Promise<UploadResponse | null> {
  const { compiled: rules } = await currentRules();
  const demo = demoPage(sender, demoSite, rules);
  const sent = pageOf(sender);
  const page = sent && demo ? { ...sent, ...demo } : sent;
  const report = validateReport(rawReport);
  if (!page || !report) return null;
  // An upload widget framed from another host still belongs to the site the person is on, unless the frame itself
  // is a site we know (the photo goes there).
  const site = rules.match(page.frameUrl) ?? rules.match(page.topUrl);
  const siteKey = site?.id ?? siteKeyFor(rules, page.topUrl);
  if (!siteKey) return null;
  const metadata = readReportedPhotos(report.photos);
  // Faces come from the content script's second report, once counted ('count-faces' below); 'pending' until then.
  const read = { ...metadata, photoFacts: { ...metadata.photoFacts, faces: report.faces === 'pending' ? 'unknown' : report.faces } };
  const settings = await readSettings();
  const assessment = assess(
    {
      site,
      host: siteKeyOf(page.topUrl)?.host ?? '',
      pageLicence: report.pageLicence,
      visibility: report.visibility,
      photoCount: report.photos.length,
      photo: read.photoFacts,
      regions: placeFor(settings).regions,
      asOf: today(),
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
    facesCheck: report.faces === 'pending' ? 'pending' : 'done',
    at: Date.now(),
    assessment,
    pageSignals: report.pageSignals,
  };
  const translate = translatorFor(settings.language);
  // The warning matters more than the record: if storage is full or failing, the person is still warned now, and
  // only the popup's later explanation of this upload is lost.
  await Promise.all([
    writeRecord(page.tabId, record).catch(() => undefined),
    showLevel(page.tabId, assessment.level, site?.name ?? assessment.host, translate).catch(() => undefined),
  ]);
  const { policy } = await readPolicy();
  const muted = settings.mutedSites.includes(siteKey) && !isForced(policy, siteKey);
  const warned = warningText(assessment, record, translate, languageCode(settings.language), settings.reservation.value);
  // Where the organisation does not let people mute (or forces this site), the warning offers no mute.
  const text = mayMute(policy, siteKey) ? warned : { ...warned, mute: '' };
  const licenceSwitch = licenceSwitchFor(site, report.pageLicence, rules.knowledge, translate('warning_switch_licence'));
  const offers = { licenceSwitch, offerCleaning: offerCleaning(report, record), offerReserve: offerReserve(report, record) };
  // In the demo every upload shows its warning, and muting (which would change real settings) is not offered.
  if (demo) return { assessment, text: { ...text, mute: '' }, ...offers, interrupt: true };
  const interrupt = isForced(policy, siteKey) || (!muted && levelRank(assessment.level) >= levelRank(settings.interruptFrom));
  return { assessment, text, ...offers, interrupt };
}

/** How to read the upload page's pickers, for the site the content script's page belongs to. */
async function pagePickers(sender: Runtime.MessageSender, demoSite?: unknown): Promise<PagePickers> {
  const { compiled: rules } = await currentRules();
  const page = demoPage(sender, demoSite, rules) ?? pageOf(sender);
  const site = page ? (rules.match(page.frameUrl) ?? rules.match(page.topUrl)) : null;
  return { licence: site?.licencePicker ?? null, visibility: site?.visibilityPicker ?? null };
}

async function onMute(sender: Runtime.MessageSender): Promise<boolean> {
  if (fromExtensionPage(sender)) return false;
  const page = pageOf(sender);
  const { compiled: rules } = await currentRules();
  const siteKey = page && siteKeyFor(rules, page.topUrl);
  if (!siteKey || !mayMute((await readPolicy()).policy, siteKey)) return false;
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
  let url = tab?.url ?? '';
  if (isDemoUrl(url)) {
    // The demo tab is explained as the site its last simulated upload was on.
    const record = await readRecord(tabId);
    url = record?.pageUrl ?? DEMO_BLOG_URL;
  }
  const key = siteKeyOf(url);
  const site = key ? rules.match(url) : null;
  const siteKey = key ? siteKeyFor(rules, url) : null;
  const [record, settings, { policy }] = await Promise.all([readRecord(tabId), readSettings(), readPolicy()]);
  return {
    web: !!key,
    siteKey,
    host: key?.host ?? null,
    site: site ? detailsOf(active, site) : null,
    muted: !!siteKey && settings.mutedSites.includes(siteKey),
    mutedByOrganisation: !!siteKey && (policy.mutedSites ?? []).includes(siteKey),
    trainerMode: policy.trainerMode === true,
    place: placeFor(settings),
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
      return onUpload(request.report, sender, request.demoSite);
    case 'count-faces':
      if (__AFTERLIFE_FACE_DETECTOR__ === 'none') return 'unknown';
      // Web pages' content scripts and the demo's simulated sites: whoever reports uploads.
      return (sender.tab?.id ?? -1) >= 0 ? countFaces(request.jpegBase64) : 'unknown';
    case 'reserve-photo':
      // What to write (the term, and a name and copyright line if the person gave them) is the person's choice in
      // the options, read here: the page never learns it, and cannot choose it.
      return (sender.tab?.id ?? -1) >= 0 ? readSettings().then(({ reservation: { value, creator, copyright } }) => reservePhotoHead(request.headBase64, request.format, { dataMining: value, creator, copyright })) : null;
    case 'scraper-view':
      return (sender.tab?.id ?? -1) >= 0
        ? readSettings().then((settings) => scraperView(request.photo, translatorFor(settings.language), languageCode(settings.language)))
        : null;
    case 'page-pickers':
      return pagePickers(sender, (request as { demoSite?: unknown }).demoSite);
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
    case 'demo-data':
      return fromExtensionPage(sender) ? demoData() : null;
    case 'demo-reset':
      if (!isDemoUrl(sender.url) || sender.tab?.id === undefined) return null;
      await Promise.all([removeRecord(sender.tab.id), clearLevel(sender.tab.id, translatorFor((await readSettings()).language))]);
      return true;
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
browser.runtime.onInstalled.addListener((details) => {
  void scheduleUpdates().catch(() => undefined);
  // A new install asks where the person is (the facts differ by region); the browser's suggestion applies meanwhile.
  if (details.reason === 'install') void openWelcome().catch(() => undefined);
  else void refreshPolicy().catch(() => undefined);
});
browser.runtime.onStartup.addListener(() => {
  void scheduleUpdates().catch(() => undefined);
  void refreshPolicy().catch(() => undefined);
});
followPolicyChanges();
// Each time the worker starts: the policy may have changed while the browser was closed or the worker asleep. Read in
// the background; until it answers, the mirror from the last read applies.
void refreshPolicy().catch(() => undefined);

// Leaving the site ends what the badge says about it; moving within the same site keeps it (the browser resets a
// tab's badge on navigation, so it is set again).
browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  // The demo moves between its steps in the address's fragment; its record lasts until the next upload or reset.
  if (!changeInfo.url || isDemoUrl(changeInfo.url)) return;
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
