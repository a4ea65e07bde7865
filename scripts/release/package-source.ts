import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from './package-tree';

/**
 * A matcher for the project's .gitignore, so the source archive holds what a fresh clone holds (plus files not yet
 * committed: package from a clean checkout). Only the simple patterns the project uses are understood — `name`,
 * `name/`, `*.ext`, with an optional leading `/` — and anything else stops the packaging rather than being
 * silently misread, which could leak a build folder or a local file into the archive.
 */
export function gitignoreMatcher(text: string): (path: string, isDirectory: boolean) => boolean {
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      if (line.startsWith('!') || line.includes('**') || /[?[\]\\]/.test(line)) {
        throw new Error(`.gitignore: "${line}" uses a pattern scripts/release/package-source.ts does not understand; extend gitignoreMatcher`);
      }
      const directoryOnly = line.endsWith('/');
      const anchored = line.startsWith('/');
      const pattern = line.replace(/^\/|\/$/g, '');
      if (pattern.includes('/')) throw new Error(`.gitignore: "${line}" names a nested path; extend gitignoreMatcher`);
      const regex = new RegExp(`^${pattern.replace(/[.+^${}()|]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
      return { regex, directoryOnly, anchored };
    });
  return (path, isDirectory) => {
    const parts = path.split('/');
    const name = parts[parts.length - 1] ?? '';
    return rules.some((rule) => (!rule.directoryOnly || isDirectory) && (!rule.anchored || parts.length === 1) && rule.regex.test(name));
  };
}

/** The SHA-256 of each file of the submitted Firefox package, written at the top of the source archive for
 *  build-for-amo to compare a rebuild with. */
export const SUMS_FILE = 'extension-firefox.sha256';

/** Never packed, whatever .gitignore says: git's own folder. */
const ALWAYS_SKIPPED = new Set(['.git']);

/** The files of the source archive: the repository's files without git-ignored ones (node_modules, the builds,
 *  dist/), sorted. */
export function sourceFiles(projectDir: string): string[] {
  const ignorePath = join(projectDir, '.gitignore');
  const ignored = gitignoreMatcher(existsSync(ignorePath) ? readFileSync(ignorePath, 'utf8') : '');
  return listFiles(projectDir, (path, isDirectory) => ALWAYS_SKIPPED.has(path) || ignored(path, isDirectory));
}

export interface BuildFacts {
  version: string;
  node: string;
  npm: string;
  platform: string;
  fileCount: number;
  firefoxPackage: string;
}

/** BUILD-FOR-AMO.md, at the top of the source archive: what AMO's reviewers run to rebuild the submitted files. */
export function buildInstructions(facts: BuildFacts): string {
  return `# Building Afterlife ${facts.version} for Firefox (for addons.mozilla.org reviewers)

The Firefox package \`${facts.firefoxPackage}\` is built from these sources by vite and @crxjs/vite-plugin; the
JavaScript is bundled and minified, nothing else is generated. To rebuild it:

1. Use Node.js 20 or newer and npm 10 or newer. The package was built, and this rebuild checked, with Node.js
   ${facts.node} and npm ${facts.npm} on ${facts.platform}.
2. In this folder, install the exact dependency versions from package-lock.json:

       npm ci

3. Build the Firefox extension:

       npm run build-for-amo

   It writes the extension into \`extension-firefox/\` (${facts.fileCount} files), then compares every file with
   \`extension-firefox.sha256\` (the SHA-256 of each file in the submitted package) and says whether they are
   identical. The same check by hand: \`cd extension-firefox && sha256sum -c ../extension-firefox.sha256\`.

Where things are: \`manifest.json\` is the one manifest for both browsers; \`vite.firefox.config.ts\` and
\`scripts/firefox/firefox-manifest.ts\` derive the Firefox manifest from it (gecko id, background scripts instead of a
service worker, \`data_collection_permissions\`). \`src/\` is the extension's TypeScript, \`public/\` its icons and
translations, \`rules/\` the data compiled into it by \`scripts/build/vite-plugin-rules.ts\`. More in docs/firefox.md.

Building needs no network access beyond \`npm ci\`, and no environment variables: \`build-for-amo\` ignores the
AFTERLIFE_* variables that only test builds use.
`;
}
