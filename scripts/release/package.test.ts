import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { releaseEnv } from '../firefox/firefox-build';
import { gitignoreMatcher, sourceFiles } from './package-source';
import { compareTrees, formatSums, hashTree, isSame, parseSums } from './package-tree';
import { entriesUnder, packageTime, zipFiles } from './package-zip';
import { PROJECT_DIR } from '../rules/rules-files';

const work = mkdtempSync(join(tmpdir(), 'afterlife-package-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const root = join(work, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('release builds', () => {
  it('ignore the variables that point test builds elsewhere', () => {
    const env = releaseEnv({ PATH: '/usr/bin', AFTERLIFE_RULES_URL: 'http://127.0.0.1/x', AFTERLIFE_EXTRA_TRUSTED_KEYS: '/tmp/k', NODE_ENV: 'development' });
    expect(env.PATH).toBe('/usr/bin');
    expect(Object.keys(env).filter((name) => name.startsWith('AFTERLIFE_') || name === 'NODE_ENV')).toEqual([]);
  });
});

describe('packages', () => {
  it('are the same bytes for the same files, whenever and however they were written', () => {
    const files = { 'manifest.json': '{}', 'src/a.js': 'a', 'assets/b.css': 'b' };
    const first = folder('first', files);
    const second = folder('second', files);
    utimesSync(join(second, 'src/a.js'), new Date('2031-05-05'), new Date('2031-05-05'));
    zipFiles(entriesUnder(first, ['src/a.js', 'manifest.json', 'assets/b.css']), join(work, 'first.zip'));
    zipFiles(entriesUnder(second, ['assets/b.css', 'manifest.json', 'src/a.js']), join(work, 'second.zip'));
    expect(readFileSync(join(work, 'first.zip')).equals(readFileSync(join(work, 'second.zip')))).toBe(true);
    const listing = spawnSync('unzip', ['-Z1', join(work, 'first.zip')], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(listing).toEqual(['assets/b.css', 'manifest.json', 'src/a.js']);
  });

  it('take their time stamp from SOURCE_DATE_EPOCH when it is set', () => {
    expect(packageTime({ SOURCE_DATE_EPOCH: '1700000000' }).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(packageTime({}).toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });
});

describe('the source archive', () => {
  it('leaves out what .gitignore leaves out', () => {
    const ignored = gitignoreMatcher('node_modules/\nextension/\n*.log\n/dist/\n# comment\n');
    expect(ignored('node_modules', true)).toBe(true);
    expect(ignored('extension', true)).toBe(true);
    expect(ignored('extension', false)).toBe(false);
    expect(ignored('extension-firefox', true)).toBe(false);
    expect(ignored('src/debug.log', false)).toBe(true);
    expect(ignored('dist', true)).toBe(true);
    expect(ignored('src/dist', true)).toBe(false);
  });

  it('refuses .gitignore patterns it would misread', () => {
    expect(() => gitignoreMatcher('!keep.log')).toThrow(/does not understand/);
    expect(() => gitignoreMatcher('a/**/b')).toThrow(/does not understand/);
  });

  it("holds the project's sources and none of its builds or dependencies", () => {
    const files = sourceFiles(PROJECT_DIR);
    for (const needed of ['package.json', 'package-lock.json', 'manifest.json', 'vite.config.ts', 'vite.firefox.config.ts', 'scripts/firefox/build-for-amo.ts', 'scripts/firefox/firefox-manifest.ts', 'scripts/build/vite-plugin-rules.ts', 'tsconfig.json']) {
      expect(files).toContain(needed);
    }
    expect(files.some((file) => file.startsWith('src/'))).toBe(true);
    expect(files.some((file) => file.startsWith('rules/'))).toBe(true);
    expect(files.filter((file) => /^(node_modules|extension|extension-firefox|dist|\.git)\//.test(file))).toEqual([]);
  });
});

describe('rebuild checks', () => {
  it('compare file by file, and read back the sums they write', () => {
    const built = hashTree(folder('built', { 'manifest.json': '{}', 'a.js': 'a' }));
    expect(isSame(compareTrees(parseSums(formatSums(built)), built))).toBe(true);
    const rebuilt = hashTree(folder('rebuilt', { 'manifest.json': '{"x":1}', 'b.js': 'b' }));
    expect(compareTrees(built, rebuilt)).toEqual({ missing: ['a.js'], extra: ['b.js'], changed: ['manifest.json'] });
  });
});
