import type { Plugin } from 'vite';
import { formatProblem, validateRules } from '../src/core/rules/validate';
import { readRuleFiles, RULES_DIR } from './rules-files';

const VIRTUAL_ID = 'virtual:afterlife-rules';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/**
 * Bundles the rules folder into the extension through the same validation `npm run rules:check` runs: the build
 * fails on any problem, so only checked rules ever ship. The module exports the validated data as JSON.
 */
export function bundledRulesPlugin(): Plugin {
  return {
    name: 'afterlife-rules',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : null),
    load(id) {
      if (id !== RESOLVED_ID) return null;
      this.addWatchFile(RULES_DIR);
      const { data, problems } = validateRules(readRuleFiles());
      if (!data) this.error(`The rules have problems (run "npm run rules:check"):\n${problems.map(formatProblem).join('\n')}`);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});`;
    },
  };
}
