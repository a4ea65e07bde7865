/**
 * `npm run rules:watch [--site <id>]…`: the maintainers' terms watch. Fetches the pages each site and operator is
 * watched on (its `watch` list, or else the pages on its own domains that its facts cite), turns each into
 * normalised text (only the part a `selector` names, when given), compares it with the last stored version in
 * `rules/watch/`, and prints a short diff per changed page with the facts that cite it, so the maintainer knows what
 * to re-check. The new text is stored for review and commit. Polite (polite-fetch.ts); never run by the extension.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { diffLines } from 'diff';
import { parse, type HTMLElement } from 'node-html-parser';
import { getDomain } from 'tldts';
import type { OperatorRule, RulesData, SiteRule } from '../../src/core/rules/types';
import { politeFetcher, robotsGate, type Fetcher } from './polite-fetch';
import { loadProjectRules } from './project-rules';
import { RULES_DIR } from './rules-files';

export interface WatchTarget {
  /** The site or operator id, and the folder under rules/watch/ its pages go to. */
  owner: string;
  url: string;
  selector?: string;
}

const hostDomain = (url: string) => getDomain(new URL(url).hostname, { allowPrivateDomains: true }) ?? new URL(url).hostname;

/** The pages to watch: each owner's `watch` list, or the pages on its own domains that its facts cite. */
export function watchTargets(data: Pick<RulesData, 'sites' | 'operators'>): WatchTarget[] {
  const targets: WatchTarget[] = [];
  const add = (owner: SiteRule | OperatorRule, domains: readonly string[]) => {
    if (owner.watch && owner.watch.length > 0) {
      for (const page of owner.watch) targets.push({ owner: owner.id, url: page.url, ...(page.selector ? { selector: page.selector } : {}) });
      return;
    }
    const own = new Set(domains.map((domain) => getDomain(domain, { allowPrivateDomains: true }) ?? domain));
    const cited = [...owner.terms, ...owner.optOuts].map((fact) => fact.source).filter((source) => own.has(hostDomain(source)));
    for (const url of new Set(cited)) targets.push({ owner: owner.id, url });
  };
  for (const site of data.sites) add(site, [...site.domains, ...(site.officialDomains ?? [])]);
  for (const operator of data.operators) add(operator, operator.officialDomains ?? []);
  return targets;
}

const BLOCKS = /^(?:p|div|li|ul|ol|h[1-6]|section|article|main|header|footer|tr|table|br|dt|dd|blockquote|pre|td|th)$/i;

/** A page's text as a maintainer reads it: scripts, styles and navigation chrome dropped, one line per block, spaces
 *  collapsed, so only a change in what the page says shows up in the diff. */
export function pageText(html: string, selector?: string): string {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  for (const dropped of root.querySelectorAll('script, style, noscript, template, svg')) dropped.remove();
  const parts = selector ? root.querySelectorAll(selector) : [root.querySelector('main') ?? root.querySelector('body') ?? root];
  const lines: string[] = [];
  let line = '';
  const walk = (node: HTMLElement) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) line += child.text;
      else if (child.nodeType === 1) {
        const element = child as HTMLElement;
        const block = BLOCKS.test(element.tagName ?? '');
        if (block) {
          lines.push(line);
          line = '';
        }
        walk(element);
        if (block) {
          lines.push(line);
          line = '';
        }
      }
    }
  };
  for (const part of parts) walk(part);
  lines.push(line);
  return `${lines.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n').slice(0, 200_000)}\n`;
}

/** Where a page's text is kept: readable, and unique per address and selector. */
export function snapshotPath(target: WatchTarget, watchDir = join(RULES_DIR, 'watch')): string {
  const { host, pathname, search } = new URL(target.url);
  const readable = `${host}${pathname}${search}`.replace(/[^a-zA-Z0-9.-]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 100);
  const hash = createHash('sha256').update(`${target.url}\n${target.selector ?? ''}`).digest('hex').slice(0, 8);
  return join(watchDir, target.owner, `${readable}-${hash}.txt`);
}

/** The facts that cite a page, by file and field: what to re-check when it changes. */
export function factsCiting(data: Pick<RulesData, 'sites' | 'operators' | 'datasets'>, url: string): string[] {
  const found: string[] = [];
  for (const site of data.sites) {
    site.terms.forEach((term, index) => term.source === url && found.push(`rules/sites/${site.id}.json terms[${index}] (${term.topic})`));
    site.optOuts.forEach((optOut, index) => optOut.source === url && found.push(`rules/sites/${site.id}.json optOuts[${index}] (${optOut.name})`));
  }
  for (const operator of data.operators) {
    operator.terms.forEach((term, index) => term.source === url && found.push(`rules/operators/${operator.id}.json terms[${index}] (${term.topic})`));
    operator.optOuts.forEach((optOut, index) => optOut.source === url && found.push(`rules/operators/${operator.id}.json optOuts[${index}] (${optOut.name})`));
  }
  for (const dataset of data.datasets) dataset.sources.forEach((source, index) => source.url === url && found.push(`rules/datasets/${dataset.id}.json sources[${index}]`));
  return found;
}

/** A diff short enough to read in a terminal: changed lines only, at most `max`. */
export function shortDiff(before: string, after: string, max = 30): string[] {
  const lines: string[] = [];
  for (const part of diffLines(before, after)) {
    if (!part.added && !part.removed) continue;
    for (const text of part.value.split('\n').filter(Boolean)) lines.push(`${part.added ? '+' : '-'} ${text.slice(0, 200)}`);
  }
  return lines.length > max ? [...lines.slice(0, max), `… ${lines.length - max} more changed lines`] : lines;
}

export interface WatchRun {
  changed: string[];
  added: string[];
  same: number;
  skipped: Array<{ url: string; reason: string }>;
  failed: Array<{ url: string; error: string }>;
}

export async function runWatch(options: {
  targets: readonly WatchTarget[];
  data: Pick<RulesData, 'sites' | 'operators' | 'datasets'>;
  fetcher: Fetcher;
  watchDir?: string;
  log?: (line: string) => void;
}): Promise<WatchRun> {
  const { watchDir = join(RULES_DIR, 'watch'), log = console.log } = options;
  const allowed = robotsGate(options.fetcher);
  const run: WatchRun = { changed: [], added: [], same: 0, skipped: [], failed: [] };
  for (const target of options.targets) {
    const path = snapshotPath(target, watchDir);
    try {
      if (!(await allowed(target.url))) {
        run.skipped.push({ url: target.url, reason: 'robots.txt asks us not to fetch it' });
        continue;
      }
      const page = await options.fetcher(target.url);
      if (page.status >= 400) throw new Error(`HTTP ${page.status}`);
      const text = pageText(page.text, target.selector);
      if (target.selector && text.trim() === '') throw new Error(`the selector ${target.selector} matched nothing: the page's layout changed`);
      const before = existsSync(path) ? readFileSync(path, 'utf8') : null;
      if (before === text) {
        run.same++;
        continue;
      }
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      if (before === null) {
        run.added.push(target.url);
        log(`new: ${target.url} (${target.owner}) — first copy kept in ${path}`);
        continue;
      }
      run.changed.push(target.url);
      log(`\nchanged: ${target.url} (${target.owner})`);
      for (const line of shortDiff(before, text)) log(`  ${line}`);
      const facts = factsCiting(options.data, target.url);
      log(facts.length > 0 ? `  re-check: ${facts.join('; ')}` : '  no fact cites this page directly');
    } catch (error) {
      run.failed.push({ url: target.url, error: error instanceof Error ? error.message : String(error) });
      log(`failed: ${target.url} (${target.owner}): ${error instanceof Error ? error.message : String(error)}; its last copy stays`);
    }
  }
  return run;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { site: { type: 'string', multiple: true } } });
  const { data } = loadProjectRules();
  const wanted = new Set(values.site ?? []);
  const targets = watchTargets(data).filter((target) => wanted.size === 0 || wanted.has(target.owner));
  if (wanted.size > 0 && targets.length === 0) throw new Error(`nothing to watch for ${[...wanted].join(', ')}`);
  const run = await runWatch({ targets, data, fetcher: politeFetcher() });
  console.log(
    `\nrules:watch: ${targets.length} page(s): ${run.changed.length} changed, ${run.added.length} new, ${run.same} unchanged, ${run.skipped.length} skipped by robots.txt, ${run.failed.length} failed.`,
  );
  for (const failure of run.failed) console.log(`  failed: ${failure.url}: ${failure.error}`);
  if (run.failed.length > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`rules:watch: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
