/**
 * `npm run rules:links [--file <rules file>]…`: checks that every source the rules cite still answers. Each address is
 * fetched once (politely: polite-fetch.ts) and reported per file and field as one of: fine; moved (redirected to
 * another page — check the new one still says it); now the home page (the page is probably gone); gone (an error or
 * no answer), with the Internet Archive's list of copies to find the page as it was. Never run by the extension.
 */
import { parseArgs } from 'node:util';
import type { RulesData } from '../../src/core/rules/types';
import { politeFetcher, robotsGate, type Fetcher } from './polite-fetch';
import { loadProjectRules } from './project-rules';

export interface Citation {
  file: string;
  field: string;
  url: string;
}

/** Every source address in the rules, with the file and field that cites it. */
export function citations(data: Pick<RulesData, 'sites' | 'operators' | 'datasets' | 'licences'>): Citation[] {
  const found: Citation[] = [];
  for (const site of data.sites) {
    const file = `rules/sites/${site.id}.json`;
    site.terms.forEach((term, index) => found.push({ file, field: `terms[${index}].source`, url: term.source }));
    site.optOuts.forEach((optOut, index) => found.push({ file, field: `optOuts[${index}].source`, url: optOut.source }));
    if (site.licencePicker?.source) found.push({ file, field: 'licencePicker.source', url: site.licencePicker.source });
  }
  for (const operator of data.operators) {
    const file = `rules/operators/${operator.id}.json`;
    operator.terms.forEach((term, index) => found.push({ file, field: `terms[${index}].source`, url: term.source }));
    operator.optOuts.forEach((optOut, index) => found.push({ file, field: `optOuts[${index}].source`, url: optOut.source }));
  }
  for (const dataset of data.datasets) dataset.sources.forEach((source, index) => found.push({ file: `rules/datasets/${dataset.id}.json`, field: `sources[${index}].url`, url: source.url }));
  data.licences.forEach((licence, index) => licence.sources.forEach((source, at) => found.push({ file: 'rules/licences.json', field: `[${index}] (${licence.id}).sources[${at}].url`, url: source.url })));
  return found;
}

export type LinkState =
  | { state: 'fine'; status: number }
  | { state: 'moved'; status: number; to: string }
  | { state: 'home-page'; status: number; to: string }
  | { state: 'gone'; reason: string; archive: string }
  | { state: 'skipped'; reason: string };

/** The Internet Archive's list of its copies of an address: where to look for a page as it was. */
export const archiveCopies = (url: string) => `https://web.archive.org/web/*/${url}`;

/** A redirect that changes nothing a reader would notice: http → https, a trailing slash, `www.` added or dropped. */
function sameAddress(from: string, to: string): boolean {
  const plain = (address: string) => {
    const url = new URL(address);
    return `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/$/, '')}${url.search}`;
  };
  return plain(from) === plain(to);
}

export async function checkLink(url: string, fetcher: Fetcher, allowed: (url: string) => Promise<boolean>): Promise<LinkState> {
  try {
    if (!(await allowed(url))) return { state: 'skipped', reason: 'robots.txt asks us not to fetch it' };
    const answer = await fetcher(url);
    if (answer.status >= 400) return { state: 'gone', reason: `HTTP ${answer.status}`, archive: archiveCopies(url) };
    if (sameAddress(url, answer.url)) return { state: 'fine', status: answer.status };
    const target = new URL(answer.url);
    if ((target.pathname === '/' || target.pathname === '') && new URL(url).pathname.length > 1) return { state: 'home-page', status: answer.status, to: answer.url };
    return { state: 'moved', status: answer.status, to: answer.url };
  } catch (error) {
    return { state: 'gone', reason: error instanceof Error ? error.message : String(error), archive: archiveCopies(url) };
  }
}

export interface LinksReport {
  byUrl: Map<string, LinkState>;
  lines: string[];
  problems: number;
}

/** Checks each address once and reports, per file, every citation that is not fine. */
export async function checkLinks(list: readonly Citation[], fetcher: Fetcher): Promise<LinksReport> {
  const allowed = robotsGate(fetcher);
  const byUrl = new Map<string, LinkState>();
  for (const url of new Set(list.map((citation) => citation.url))) byUrl.set(url, await checkLink(url, fetcher, allowed));
  const lines: string[] = [];
  let problems = 0;
  const files = [...new Set(list.map((citation) => citation.file))].sort();
  for (const file of files) {
    const notes = list
      .filter((citation) => citation.file === file)
      .flatMap((citation) => {
        const state = byUrl.get(citation.url);
        if (!state || state.state === 'fine') return [];
        problems += state.state === 'skipped' ? 0 : 1;
        const what =
          state.state === 'gone'
            ? `gone (${state.reason}): ${citation.url} — copies: ${state.archive}`
            : state.state === 'moved'
              ? `moved: ${citation.url} → ${state.to} — check the new page still says it`
              : state.state === 'home-page'
                ? `now leads to the home page: ${citation.url} → ${state.to} — the page is probably gone; copies: ${archiveCopies(citation.url)}`
                : `skipped (${state.reason}): ${citation.url}`;
        return [`  ${citation.field}: ${what}`];
      });
    if (notes.length > 0) lines.push(file, ...notes);
  }
  const fine = [...byUrl.values()].filter((state) => state.state === 'fine').length;
  lines.push(`\nrules:links: ${byUrl.size} address(es) cited ${list.length} time(s): ${fine} fine, ${problems} citation(s) to look at.`);
  return { byUrl, lines, problems };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { file: { type: 'string', multiple: true } } });
  const { data } = loadProjectRules();
  const wanted = new Set(values.file ?? []);
  const list = citations(data).filter((citation) => wanted.size === 0 || wanted.has(citation.file));
  const report = await checkLinks(list, politeFetcher());
  for (const line of report.lines) console.log(line);
  if (report.problems > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`rules:links: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
