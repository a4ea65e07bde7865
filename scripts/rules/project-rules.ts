import { compileRules, type CompiledRules } from '../../src/core/rules/compile';
import type { SiteExpectation } from '../../src/core/rules/expectations';
import type { RulesData } from '../../src/core/rules/types';
import { formatProblem, validateRules } from '../../src/core/rules/validate';
import { readRuleFiles } from './rules-files';

/** The project's rules folder, validated and compiled: what the extension bundles, the CLI reads and tests check.
 *  Throws with every problem listed when the folder is invalid. */
export function loadProjectRules(rulesDir?: string): { data: RulesData; rules: CompiledRules; expectations: SiteExpectation[] } {
  const { data, expectations, problems } = validateRules(readRuleFiles(rulesDir));
  if (!data) throw new Error(`rules/ has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
  return { data, rules: compileRules(data), expectations };
}
