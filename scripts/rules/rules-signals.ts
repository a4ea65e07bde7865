/**
 * `npm run rules:signals [--site <id>]… [--dry-run]`: takes a dated snapshot of what each site tells AI crawlers (its
 * robots.txt and its upload page's `noai` / TDMRep tags, see ai-signals.ts) and writes it as the site's
 * `ai-crawler-block` fact, marked `checkedBy: rules:signals`, for the maintainer to review in the diff and commit.
 * Polite: one request at a time, a user agent that says who asks, robots.txt honoured for the page, a timeout and
 * two retries; a site that cannot be read keeps its last fact and is reported.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { AiCrawlersSchema } from '../../src/core/rules/schema';
import type { SiteRule, TermFact } from '../../src/core/rules/types';
import { collectSignals, signalsFact, type AiCrawler } from './ai-signals';
import { politeFetcher, type Fetcher } from './polite-fetch';

export { politeFetcher };
import { loadProjectRules } from './project-rules';
import { RULES_DIR } from './rules-files';

export function readCrawlers(rulesDir = RULES_DIR): AiCrawler[] {
  const path = join(rulesDir, 'ai-crawlers.json');
  const parsed = v.safeParse(AiCrawlersSchema, JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`rules/ai-crawlers.json: ${parsed.issues.map((issue) => issue.message).join('; ')}`);
  return parsed.output;
}

/** The site's file with the snapshot's fact in place of the last one the command wrote (or added). */
export function withSignalsFact(fileText: string, fact: TermFact): string {
  const site = JSON.parse(fileText) as { terms: TermFact[] };
  const others = site.terms.filter((term) => term.checkedBy !== 'rules:signals');
  return `${JSON.stringify({ ...site, terms: [...others, fact] }, null, 2)}\n`;
}

export interface SignalsRun {
  written: string[];
  failed: Array<{ site: string; error: string }>;
}

export async function runSignals(options: { sites: readonly SiteRule[]; crawlers: readonly AiCrawler[]; fetcher: Fetcher; today: string; rulesDir?: string; dryRun?: boolean; log?: (line: string) => void }): Promise<SignalsRun> {
  const { rulesDir = RULES_DIR, log = console.log } = options;
  const run: SignalsRun = { written: [], failed: [] };
  for (const site of options.sites) {
    try {
      const signals = await collectSignals(site, options.crawlers, options.fetcher);
      const fact = signalsFact(signals, options.crawlers, options.today);
      log(`${site.id}: ${fact.summary}`);
      if (!options.dryRun) {
        const path = join(rulesDir, 'sites', `${site.id}.json`);
        writeFileSync(path, withSignalsFact(readFileSync(path, 'utf8'), fact));
      }
      run.written.push(site.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      run.failed.push({ site: site.id, error: message });
      log(`${site.id}: not checked (${message}); its last fact stays.`);
    }
  }
  return run;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { site: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' } } });
  const { data } = loadProjectRules();
  const wanted = new Set(values.site ?? []);
  const unknown = [...wanted].filter((id) => !data.sites.some((site) => site.id === id));
  if (unknown.length > 0) throw new Error(`no site ${unknown.join(', ')} in rules/sites`);
  const sites = data.sites.filter((site) => wanted.size === 0 || wanted.has(site.id));
  const today = new Date().toISOString().slice(0, 10);
  const run = await runSignals({ sites, crawlers: readCrawlers(), fetcher: politeFetcher(), today, dryRun: values['dry-run'] });
  console.log(`\nrules:signals: ${run.written.length} site(s) checked${values['dry-run'] ? ' (dry run, nothing written)' : ''}, ${run.failed.length} could not be read.`);
  if (run.failed.length > 0) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(`rules:signals: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
