/** `npm run rules:check`: validates rules/ and prints every problem with its file, field and reason. */
import { formatProblem, validateRules } from '../src/core/rules/validate';
import { readRuleFiles } from './rules-files';

const files = readRuleFiles();
const { data, problems } = validateRules(files);
if (problems.length > 0) {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`\nrules:check found ${problems.length} problem${problems.length === 1 ? '' : 's'}.`);
  process.exitCode = 1;
} else if (data) {
  console.log(`rules:check: ${data.sites.length} sites, ${data.datasets.length} datasets, ${data.licences.length} licences — no problems.`);
}
