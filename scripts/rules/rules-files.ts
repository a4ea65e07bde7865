import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleFile, RuleFiles } from '../../src/core/rules/validate';

export const PROJECT_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const RULES_DIR = join(PROJECT_DIR, 'rules');

function read(path: string): RuleFile {
  return { path: relative(PROJECT_DIR, path), text: readFileSync(path, 'utf8') };
}

function readIfPresent(path: string): RuleFile | null {
  return existsSync(path) ? read(path) : null;
}

function readFolder(folder: string): RuleFile[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => read(join(folder, name)));
}

/** Reads the rules folder from disk, in a stable order. */
export function readRuleFiles(rulesDir = RULES_DIR): RuleFiles {
  return {
    meta: readIfPresent(join(rulesDir, 'meta.json')),
    sites: readFolder(join(rulesDir, 'sites')),
    operators: readFolder(join(rulesDir, 'operators')),
    datasets: readFolder(join(rulesDir, 'datasets')),
    licences: readIfPresent(join(rulesDir, 'licences.json')),
    expectations: readIfPresent(join(rulesDir, 'expectations.json')),
  };
}
