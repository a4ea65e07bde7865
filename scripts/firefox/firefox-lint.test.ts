import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { triageWarnings, type LintMessage } from './firefox-lint-triage';
import { PROJECT_DIR } from '../rules/rules-files';

// The statement addons-linter flags in Preact's renderer (minified as in the build).
const PREACT = 'd==`dangerouslySetInnerHTML`?p=b:0;p?(c||(p.__html==t.innerHTML)||(t.innerHTML=p.__html),n.__k=[]):0';
const at = (source: string, snippet: string) => source.indexOf(snippet);
const warning = (code: string, column: number, file = 'assets/jsxRuntime-x.js'): LintMessage => ({
  code,
  message: 'Unsafe assignment to innerHTML',
  file,
  line: 1,
  column,
});

describe('lint:firefox warnings', () => {
  it("accepts the innerHTML warning only where Preact applies dangerouslySetInnerHTML", () => {
    const result = triageWarnings([warning('UNSAFE_VAR_ASSIGNMENT', at(PREACT, 't.innerHTML=p'))], () => PREACT);
    expect(result.unexpected).toEqual([]);
    expect(result.accepted).toHaveLength(1);
  });

  it('flags the same warning anywhere else, and every other warning', () => {
    const ours = 'el.innerHTML=userText;';
    const result = triageWarnings(
      [warning('UNSAFE_VAR_ASSIGNMENT', 3, 'assets/index.js'), warning('MANIFEST_PERMISSIONS', 0, 'manifest.json')],
      (file) => (file === 'assets/index.js' ? ours : '{}'),
    );
    expect(result.accepted).toEqual([]);
    expect(result.unexpected.map((message) => message.code)).toEqual(['UNSAFE_VAR_ASSIGNMENT', 'MANIFEST_PERMISSIONS']);
  });

  it('stays honest: Afterlife\'s own code never uses dangerouslySetInnerHTML', () => {
    const files = readdirSync(join(PROJECT_DIR, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => /\.(ts|tsx)$/.test(file));
    const users = files.filter((file) => readFileSync(join(PROJECT_DIR, 'src', file), 'utf8').includes('dangerouslySetInnerHTML'));
    expect(users).toEqual([]);
  });
});
