import type { Plugin } from 'vite';
import { createBundle, readBundle } from '../../src/core/rules/bundle';
import { formatProblem, validateRules } from '../../src/core/rules/validate';
import { readUpdateConfig } from './build-config';
import { readRuleFiles, RULES_DIR } from '../rules/rules-files';

const VIRTUAL_ID = 'virtual:afterlife-rules';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/**
 * Bundles the rules folder into the extension the way `npm run rules:build` makes an update: validated with the
 * checks `npm run rules:check` runs, turned into a bundle, and read back with the code that reads updates. The build
 * fails on any problem, so only checked rules ever ship. Also provides the update settings of this build.
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
      const bundled = readBundle(JSON.stringify(createBundle(data, new Date())), 'bundled rules');
      if (!bundled.data) this.error(bundled.problems.map(formatProblem).join('\n'));
      return [
        // When reading the bundled rules began, so the worker can time its start on them (see rules-store.ts).
        `export const bundledRulesReadFrom = performance.now();`,
        `export const bundledRules = JSON.parse(${JSON.stringify(JSON.stringify(bundled.data))});`,
        `export const updateConfig = ${JSON.stringify(readUpdateConfig())};`,
      ].join('\n');
    },
  };
}
