/**
 * `npm run rules:new-site -- --id <id> --name <name> --domain <domain> --category <category> --upload-page <https url>
 *   --topic <topic> --value <value> --summary <sentence> --source <https url>`: starts a site in the rules with its
 * first sourced fact (every site needs one; nothing is invented), and its expectations entry with the level and
 * factors the model gives it now, for the maintainer to check against docs/risk-model.md. Refuses an id or a domain
 * the rules already have. rules/CONTRIBUTING.md walks through the rest.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compileRules } from '../../src/core/rules/compile';
import { assess } from '../../src/core/risk/assess';
import { formatProblem, validateRules } from '../../src/core/rules/validate';
import type { SiteRule } from '../../src/core/rules/types';
import { readRuleFiles, RULES_DIR } from './rules-files';

const today = () => new Date().toISOString().slice(0, 10);

export interface NewSite {
  id: string;
  name: string;
  domain: string;
  category: string;
  uploadPage: string;
  topic: string;
  value: string;
  summary: string;
  source: string;
}

/** Writes the site and its expectation; returns the files written. Throws with the rules' own problem list when the
 *  new site would not pass `rules:check`, leaving nothing written. */
export function addSite(input: NewSite, rulesDir = RULES_DIR, reviewed = today()): string[] {
  const sitePath = join(rulesDir, 'sites', `${input.id}.json`);
  if (existsSync(sitePath)) throw new Error(`rules/sites/${input.id}.json already exists`);
  const site = {
    id: input.id,
    name: input.name,
    category: input.category,
    domains: [input.domain],
    uploadPages: [input.uploadPage],
    terms: [{ topic: input.topic, value: input.value, summary: input.summary, source: input.source, reviewed }],
    optOuts: [],
    datasets: [],
  };
  const siteText = `${JSON.stringify(site, null, 2)}\n`;
  // Check the rules with the new site in them before writing anything.
  const files = readRuleFiles(rulesDir);
  const trial = { ...files, sites: [...files.sites, { path: `rules/sites/${input.id}.json`, text: siteText }] };
  const { data, problems } = validateRules({ ...trial, expectations: null }, { requireExpectations: false });
  if (!data) throw new Error(`the new site would not pass rules:check:\n${problems.map(formatProblem).join('\n')}`);
  const compiled = compileRules(data);
  const rule = compiled.sites.find((candidate) => candidate.id === input.id) as SiteRule;
  const assessment = assess(
    { site: rule, host: input.domain, pageLicence: null, visibility: 'unknown', photoCount: 1, photo: { faces: 'unknown', location: 'unknown', cameraSerial: 'unknown', creatorName: 'unknown', embeddedLicence: 'unknown' }, regions: [], asOf: data.created },
    compiled.knowledge,
  );
  const factors = assessment.factors.filter((factor) => factor.points > 0).map((factor) => factor.id);
  const expectationsPath = join(rulesDir, 'expectations.json');
  const lines = readFileSync(expectationsPath, 'utf8').trim().replace(/^\[\n?|\n?\]$/g, '').split(/,\n/).map((line) => line.trim()).filter(Boolean);
  lines.push(JSON.stringify({ site: input.id, level: assessment.level, factors }).replace(/":/g, '": ').replace(/,"/g, ', "'));
  lines.sort((a, b) => (JSON.parse(a) as { site: string }).site.localeCompare((JSON.parse(b) as { site: string }).site));
  writeFileSync(sitePath, siteText);
  writeFileSync(expectationsPath, `[\n${lines.map((line) => `  ${line}`).join(',\n')}\n]\n`);
  return [`rules/sites/${input.id}.json`, `rules/expectations.json (${input.id}: ${assessment.level}${factors.length ? `, ${factors.join(', ')}` : ''})`];
}

function main(): void {
  const names = ['id', 'name', 'domain', 'category', 'upload-page', 'topic', 'value', 'summary', 'source'] as const;
  const { values } = parseArgs({ options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])) });
  const missing = names.filter((name) => !values[name]);
  if (missing.length > 0) throw new Error(`missing ${missing.map((name) => `--${name}`).join(', ')} (see rules/CONTRIBUTING.md)`);
  const get = (name: (typeof names)[number]) => String(values[name]);
  const written = addSite({
    id: get('id'),
    name: get('name'),
    domain: get('domain'),
    category: get('category'),
    uploadPage: get('upload-page'),
    topic: get('topic'),
    value: get('value'),
    summary: get('summary'),
    source: get('source'),
  });
  console.log(`rules:new-site: wrote ${written.join(' and ')}. Check the expected level against docs/risk-model.md, then run npm run rules:check.`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    main();
  } catch (error) {
    console.error(`rules:new-site: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
