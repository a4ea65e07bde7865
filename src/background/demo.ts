/**
 * The trainer demo's side of the worker: which pages are the demo's, the address each simulated site stands for,
 * and the data the presenter shows — every dataset, and for the handout each simulated site's level for a public
 * portrait where the trainer is.
 */
import type { Runtime } from 'webextension-polyfill';
import { assess } from '../core/risk/assess';
import browser from '../shared/ext';
import { DEMO_SITE_RULES, DEMO_SITES } from '../shared/demo-sites';
import { placeFor, today } from '../shared/place';
import type { DemoData, HandoutSite } from '../shared/protocol';
import { currentRules, type ActiveRules } from './rules-store';
import { readSettings } from './settings-store';

const DEMO_PATH = '/src/demo/';
export const isDemoUrl = (url: string | undefined) => !!url && url.startsWith(`${new URL(browser.runtime.getURL('/')).origin}${DEMO_PATH}`);
/** The address the demo's unlisted blog pretends to have. */
export const DEMO_BLOG_URL = 'https://my-travel-blog.example/';

/**
 * The trainer demo's simulated sites are extension pages: they name the site rule they simulate, and only pages
 * of the demo may do so. Their uploads are assessed as if made on that site's address.
 */
export function demoPage(sender: Runtime.MessageSender, demoSite: unknown, rules: ActiveRules['compiled']): { frameUrl: string; topUrl: string } | null {
  if (typeof demoSite !== 'string' || !isDemoUrl(sender.url)) return null;
  const site = rules.sites.find((candidate) => candidate.id === demoSite);
  const url = site ? `https://${site.domains[0]}/` : DEMO_BLOG_URL;
  return { frameUrl: url, topUrl: url };
}

/** What the demo's samples show: one public portrait, one face, nothing else known about it. */
const PORTRAIT = { faces: 1, location: false, cameraSerial: false, creatorName: false, embeddedLicence: null } as const;

export async function demoData(): Promise<DemoData> {
  const [{ compiled: rules }, settings] = await Promise.all([currentRules(), readSettings()]);
  const place = placeFor(settings);
  const handout: HandoutSite[] = DEMO_SITES.map((demoSite) => {
    const ruleId = DEMO_SITE_RULES[demoSite];
    const site = rules.sites.find((candidate) => candidate.id === ruleId) ?? null;
    const host = site?.domains[0] ?? new URL(DEMO_BLOG_URL).hostname;
    const assessment = assess(
      { site, host, pageLicence: null, visibility: 'public', photoCount: 1, photo: PORTRAIT, regions: place.regions, asOf: today() },
      rules.knowledge,
    );
    return { demoSite, name: site?.name ?? null, level: assessment.level, reason: assessment.reason };
  });
  return { datasets: [...rules.knowledge.datasets.values()], handout, place };
}
