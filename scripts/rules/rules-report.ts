/**
 * `npm run rules:report [--region <country>]`: a Markdown table a maintainer can paste into a pull request — per site:
 * its facts, how many cite a primary source, the oldest review, its datasets, and the level for one public photo with
 * nothing else known, with the factors that make it. Run it before and after a change to see what the change did.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as v from 'valibot';
import { regionsOf, isCountrySetting } from '../../src/core/region';
import { assess } from '../../src/core/risk/assess';
import type { Assessment } from '../../src/core/risk/types';
import { oldestReview } from '../../src/core/rules/review-dates';
import { PrimarySourcesSchema } from '../../src/core/rules/schema';
import { sourceShare } from '../../src/core/rules/sources';
import type { RulesData } from '../../src/core/rules/types';
import type { CompiledRules } from '../../src/core/rules/compile';
import { loadProjectRules } from './project-rules';
import { RULES_DIR } from './rules-files';

const UNREAD = { faces: 'unknown', location: 'unknown', cameraSerial: 'unknown', creatorName: 'unknown', embeddedLicence: 'unknown' } as const;

/** One public photo, nothing read from it or the page, as of the rules' own review day. */
function levelFor(rules: CompiledRules, data: RulesData, siteId: string, country: string): Assessment {
  const site = rules.sites.find((candidate) => candidate.id === siteId) ?? null;
  return assess(
    { site, host: site?.domains[0] ?? '', pageLicence: null, visibility: 'public', photoCount: 1, photo: { ...UNREAD }, regions: regionsOf(country), asOf: data.created },
    rules.knowledge,
  );
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function rulesReport(data: RulesData, rules: CompiledRules, country = ''): string {
  const primaryFile = v.parse(PrimarySourcesSchema, JSON.parse(readFileSync(join(RULES_DIR, 'primary-sources.json'), 'utf8')));
  const primary = { institutions: new Set(primaryFile.institutions.map((institution) => institution.domain)), publisherPages: (primaryFile.publisherPages ?? []).map((page) => page.url) };
  const operators = new Map(data.operators.map((operator) => [operator.id, operator]));
  const rows = data.sites.map((site) => {
    const operator = site.operator ? operators.get(site.operator) : undefined;
    const share = sourceShare(site, operator, primary);
    // The facts the site has once its operator's are inherited, as the model sees them.
    const compiled = rules.sites.find((candidate) => candidate.id === site.id) ?? site;
    const dates = [...compiled.terms, ...compiled.optOuts].map((fact) => fact.reviewed);
    const assessment = levelFor(rules, data, site.id, country);
    const factors = assessment.factors.filter((factor) => factor.points > 0).map((factor) => `${factor.id} +${factor.points}`);
    return `| ${cell(site.name)} (\`${site.id}\`) | ${share.claims} | ${share.primary}/${share.claims} | ${oldestReview(dates) ?? '—'} | ${site.datasets.length} | ${assessment.level} | ${cell(factors.join(', ') || '—')} |`;
  });
  const header = [
    `Rules version ${data.version}, reviewed ${data.created}; level for one public photo with nothing else known${country ? `, for people in ${country}` : ', no region'}.`,
    '',
    '| site | facts | primary | oldest review | datasets | level | made by |',
    '|---|---:|---:|---|---:|---|---|',
  ];
  return [...header, ...rows].join('\n');
}

function main(): void {
  const { values } = parseArgs({ options: { region: { type: 'string' } } });
  const country = values.region ?? '';
  if (country && !isCountrySetting(country)) throw new Error(`--region ${country}: not a country code such as DE, GB, US or US-IL`);
  const { data, rules } = loadProjectRules();
  console.log(rulesReport(data, rules, country));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    main();
  } catch (error) {
    console.error(`rules:report: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
