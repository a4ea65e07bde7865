/**
 * `npm run lint:firefox`: Mozilla's addons-linter, through `web-ext lint`, on the Firefox build — the checks AMO
 * runs on upload. Fails on any error and on any warning not accepted (with its reason) in firefox-lint-triage.ts.
 * `--verbose` also prints the linter's own table.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import webExt from 'web-ext';
import { TARGETS } from './firefox-build';
import { formatMessage, triageWarnings, type LintMessage, type Triage } from './firefox-lint-triage';
import { PROJECT_DIR } from '../rules/rules-files';

export interface LintResult extends Triage {
  errors: LintMessage[];
  notices: LintMessage[];
}

export const passed = (result: LintResult) => result.errors.length === 0 && result.unexpected.length === 0;

export async function lintFirefox(sourceDir = join(PROJECT_DIR, TARGETS.firefox.outDir), verbose = false): Promise<LintResult> {
  if (!existsSync(join(sourceDir, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${sourceDir}: run "npm run build:firefox" first.`);
  }
  const output = await webExt.cmd.lint({ sourceDir, output: verbose ? 'text' : 'none' }, { shouldExitProgram: false });
  const triage = triageWarnings(output.warnings, (file) => readFileSync(join(sourceDir, file), 'utf8'));
  return { ...triage, errors: output.errors, notices: output.notices };
}

export function summarise(result: LintResult): string {
  const lines = [
    `addons-linter: ${result.errors.length} errors, ${result.unexpected.length} warnings to fix, ` +
      `${result.accepted.length} accepted warnings, ${result.notices.length} notices`,
    ...result.errors.map((message) => `  error   ${formatMessage(message)}`),
    ...result.unexpected.map((message) => `  warning ${formatMessage(message)}`),
    ...result.accepted.map(({ message, why }) => `  accepted ${formatMessage(message)}\n           why: ${why}`),
    ...result.notices.map((message) => `  notice  ${formatMessage(message)}`),
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const result = await lintFirefox(undefined, process.argv.includes('--verbose'));
  console.log(summarise(result));
  if (!passed(result)) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
