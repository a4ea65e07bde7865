/**
 * `npm run rules:build [-- --previous <published bundle or signed file>]`: writes dist/rules/rules-bundle.json, the
 * versioned bundle of the validated rules folder — the same code builds the rules inside the extension. With
 * --previous, refuses to build a version that is not newer than the one already published.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createBundle, readBundle } from '../../src/core/rules/bundle';
import { formatProblem, validateRules } from '../../src/core/rules/validate';
import { BUNDLE_FILE, DIST_RULES, fail, option } from '../release/release-paths';
import { readRuleFiles } from './rules-files';

const { data, problems } = validateRules(readRuleFiles());
if (!data) fail(`${problems.map(formatProblem).join('\n')}\n\nrules:build: fix these first (npm run rules:check).`);

const previousPath = option(process.argv, '--previous');
if (previousPath) {
  if (!existsSync(previousPath)) fail(`rules:build: ${previousPath} does not exist`);
  const text = readFileSync(previousPath, 'utf8');
  const payload = (JSON.parse(text) as { payload?: string }).payload ?? text;
  const previous = readBundle(payload, previousPath);
  const previousVersion = previous.data ? Number(previous.data.version) : Number((JSON.parse(payload) as { version?: number }).version);
  if (Number(data.version) <= previousVersion) {
    fail(`rules:build: rules/meta.json version ${data.version} is not newer than the published version ${previousVersion}; raise it.`);
  }
}

const bundle = createBundle(data, new Date());
mkdirSync(DIST_RULES, { recursive: true });
writeFileSync(BUNDLE_FILE, JSON.stringify(bundle));
console.log(`rules:build: version ${bundle.version} (${data.sites.length} sites, ${data.datasets.length} datasets) → ${BUNDLE_FILE}`);
