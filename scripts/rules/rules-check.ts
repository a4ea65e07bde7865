/**
 * `npm run rules:check`: validates rules/ and prints every problem with its file, field and reason; then how much of
 * each site's claims rest on primary sources (the company's own pages, a regulator, a court, the paper), weakest
 * first, so a maintainer knows where to look next. `--sources` lists every secondary source by file and field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { AiCrawlersSchema, PrimarySourcesSchema } from '../../src/core/rules/schema';
import { reviewProblems } from '../../src/core/rules/review-dates';
import { sourceShare, type SourceShare } from '../../src/core/rules/sources';
import { formatProblem, validateRules } from '../../src/core/rules/validate';
import { readRuleFiles, RULES_DIR } from './rules-files';

const files = readRuleFiles();
const { data, problems } = validateRules(files);
const primaryPath = join(RULES_DIR, 'primary-sources.json');
const primaryFile = v.safeParse(PrimarySourcesSchema, JSON.parse(readFileSync(primaryPath, 'utf8')));
if (!primaryFile.success) {
  for (const issue of primaryFile.issues) problems.push({ file: 'rules/primary-sources.json', field: (issue.path ?? []).map((item) => String(item.key)).join('.'), message: issue.message });
}

// The AI crawler tokens `npm run rules:signals` looks for: data like the rest, so checked like it.
const crawlersFile = v.safeParse(AiCrawlersSchema, JSON.parse(readFileSync(join(RULES_DIR, 'ai-crawlers.json'), 'utf8')));
if (!crawlersFile.success) {
  for (const issue of crawlersFile.issues) problems.push({ file: 'rules/ai-crawlers.json', field: (issue.path ?? []).map((item) => String(item.key)).join('.'), message: issue.message });
}

// Review dates against today: a date in the future is a mistake (an error); a fact not checked for a year is
// reported so a maintainer re-reads its source (a warning: it does not fail the check).
const today = process.env.AFTERLIFE_TODAY ?? new Date().toISOString().slice(0, 10);
const reviews = data ? reviewProblems(data, today) : { stale: [], future: [] };
for (const fact of reviews.future) problems.push({ file: fact.file, field: fact.field, message: `reviewed ${fact.reviewed}, which is after today (${today})` });

if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`\nrules:check found ${problems.length} problem${problems.length === 1 ? '' : 's'}.`);
  process.exitCode = 1;
} else if (data && primaryFile.success) {
  const institutions = new Set(primaryFile.output.institutions.map((institution) => institution.domain));
  const operators = new Map(data.operators.map((operator) => [operator.id, operator]));
  const publisherPages = (primaryFile.output.publisherPages ?? []).map((page) => page.url);
  const shares: SourceShare[] = data.sites.map((site) => sourceShare(site, site.operator ? operators.get(site.operator) : undefined, { institutions, publisherPages }));
  const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`);
  const claims = shares.reduce((sum, share) => sum + share.claims, 0);
  const primary = shares.reduce((sum, share) => sum + share.primary, 0);
  const categories = new Set(data.sites.map((site) => site.category)).size;
  console.log(
    `rules:check: ${data.sites.length} sites in ${categories} categories, ${data.operators.length} operators, ${data.datasets.length} datasets, ${data.licences.length} licences — no problems.`,
  );
  if (reviews.stale.length > 0) {
    console.log(`\nWarning: ${reviews.stale.length} fact(s) not reviewed for over a year — re-read their sources:`);
    for (const fact of reviews.stale) console.log(`  ${fact.file}: ${fact.field}: reviewed ${fact.reviewed} (${fact.days} days ago)`);
  }
  console.log(`\nPrimary sources: ${primary} of ${claims} site claims (${percent(primary, claims)}); ${shares.filter((share) => share.primary === share.claims).length} of ${shares.length} sites cite only primary sources.`);
  console.log('Per site, weakest first (primary / claims):');
  const sorted = [...shares].sort((a, b) => a.primary / Math.max(1, a.claims) - b.primary / Math.max(1, b.claims) || a.site.localeCompare(b.site));
  const cells = sorted.map((share) => `${share.site} ${share.primary}/${share.claims}`);
  for (let index = 0; index < cells.length; index += 6) console.log(`  ${cells.slice(index, index + 6).join(' · ')}`);
  if (process.argv.includes('--sources')) {
    console.log('\nSecondary sources to replace:');
    for (const share of sorted) for (const claim of share.secondary) console.log(`  rules/sites/${share.site}.json: ${claim.field}: ${claim.source}`);
  }
}
