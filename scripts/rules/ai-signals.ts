/**
 * What a site tells AI crawlers, as a maintainer's dated snapshot: which AI crawler tokens (rules/ai-crawlers.json) its
 * robots.txt shuts out of its pages, and the `noai` / TDMRep meta tags of its upload page. Run from a maintainer's
 * machine by `npm run rules:signals`, never from the extension: the extension only shows the dated fact it leaves in
 * the site's rules file, which the maintainer reviews like any other change.
 */
import robotsParser from 'robots-parser';
import { pageSignalsOf, type MetaTag, type PageSignals } from '../../src/core/page-signals';
import type { SiteRule, TermFact } from '../../src/core/rules/types';
import type { Fetcher } from './polite-fetch';

export interface AiCrawler {
  token: string;
  operator: string;
  purpose: 'training' | 'training-control' | 'ai-search' | 'dataset';
  summary: string;
  source: string;
  reviewed: string;
}

export interface SiteSignals {
  site: string;
  robotsTxt: { url: string; status: number };
  /** Tokens whose crawler may not fetch the site's front page; `named` when the robots.txt names the token itself
   *  rather than shutting out every crawler. */
  shutOut: Array<{ token: string; named: boolean }>;
  letIn: string[];
  page: { url: string; status: number; signals: PageSignals } | null;
}


const namesToken = (robots: string, token: string) => new RegExp(`^\\s*user-agent\\s*:\\s*${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*(?:#.*)?$`, 'im').test(robots);

/** The meta tags of an HTML page, read with a tolerant pattern: enough for `<meta name=… content=…>` in either order. */
export function metaTagsOf(html: string): MetaTag[] {
  const tags: MetaTag[] = [];
  for (const [tag] of html.slice(0, 500_000).matchAll(/<meta\b[^>]*>/gi)) {
    const name = /\bname\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1];
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    if (name && content) tags.push({ name, content: content[1] ?? content[2] ?? content[3] ?? '' });
  }
  return tags;
}

/** Reads one site's robots.txt and upload page. Robots.txt is honoured for the page fetch itself. */
export async function collectSignals(site: SiteRule, crawlers: readonly AiCrawler[], fetcher: Fetcher): Promise<SiteSignals> {
  const domain = site.domains[0];
  if (!domain) throw new Error(`${site.id}: no domain`);
  const home = site.uploadPages[0] ? new URL(site.uploadPages[0]).origin : `https://${domain}`;
  const robotsUrl = `${home}/robots.txt`;
  const robots = await fetcher(robotsUrl);
  // No robots.txt (4xx) lets every crawler in; a server error says nothing, and the snapshot is not taken.
  if (robots.status >= 500) throw new Error(`${robotsUrl}: HTTP ${robots.status}`);
  const text = robots.status >= 200 && robots.status < 300 ? robots.text : '';
  const parsed = robotsParser(robotsUrl, text);
  const front = `${home}/`;
  const shutOut: SiteSignals['shutOut'] = [];
  const letIn: string[] = [];
  for (const crawler of crawlers) {
    if (parsed.isAllowed(front, crawler.token) === false) shutOut.push({ token: crawler.token, named: namesToken(text, crawler.token) });
    else letIn.push(crawler.token);
  }
  const pageUrl = site.uploadPages[0] ?? front;
  let page: SiteSignals['page'] = null;
  if (parsed.isAllowed(pageUrl, 'AfterlifeRulesCheck') !== false) {
    const response = await fetcher(pageUrl);
    page = { url: pageUrl, status: response.status, signals: pageSignalsOf(response.status < 400 ? metaTagsOf(response.text) : []) };
  }
  return { site: site.id, robotsTxt: { url: robotsUrl, status: robots.status }, shutOut, letIn, page };
}

const list = (items: string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/**
 * The dated fact a snapshot leaves in the site's rules: `ai-crawler-block` yes when the robots.txt shuts out at least
 * one AI crawler or the page carries `noai` or a TDMRep reservation, no otherwise. Written by the script and marked as
 * such (`checkedBy`), so the next run replaces it rather than adding a second.
 */
export function signalsFact(signals: SiteSignals, crawlers: readonly AiCrawler[], today: string): TermFact {
  const operatorOf = (token: string) => crawlers.find((crawler) => crawler.token === token)?.operator ?? '';
  const host = new URL(signals.robotsTxt.url).host;
  const sentences: string[] = [];
  if (signals.robotsTxt.status >= 400) sentences.push(`${host} has no robots.txt, so it asks no AI crawler to stay out.`);
  else if (signals.shutOut.length === 0) sentences.push(`${host}'s robots.txt lets every AI crawler we track fetch its pages.`);
  else {
    const named = signals.shutOut.filter((entry) => entry.named).map((entry) => `${entry.token} (${operatorOf(entry.token)})`);
    const general = signals.shutOut.filter((entry) => !entry.named).map((entry) => entry.token);
    if (named.length > 0) sentences.push(`${host}'s robots.txt asks ${list(named)} to stay out of its pages.`);
    if (general.length > 0) sentences.push(`Its rules for all crawlers also keep out ${list(general)}.`);
    if (signals.letIn.length > 0) sentences.push(`${signals.letIn.length} other AI crawler${signals.letIn.length === 1 ? '' : 's'} we track may fetch them.`);
  }
  const pageSignals = signals.page?.signals;
  const pageSays = pageSignals && (pageSignals.robotsAi.length > 0 || pageSignals.tdmReservation === '1');
  if (pageSignals?.robotsAi.length) sentences.push(`The upload page carries ${list(pageSignals.robotsAi.map((directive) => `"${directive}"`))}.`);
  if (pageSignals?.tdmReservation === '1') sentences.push('The upload page reserves text-and-data mining (TDMRep).');
  sentences.push('Robots rules are requests that crawlers may ignore, and they cover the pages, not always the image servers.');
  return {
    topic: 'ai-crawler-block',
    value: signals.shutOut.length > 0 || pageSays ? 'yes' : 'no',
    summary: `On ${today}, ${sentences.join(' ')}`,
    source: signals.robotsTxt.url,
    reviewed: today,
    checkedBy: 'rules:signals',
  };
}
