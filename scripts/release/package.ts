/**
 * `npm run package`: everything a release uploads, in dist/packages/:
 *  - afterlife-chrome-VERSION.zip     the Chrome Web Store package (extension/)
 *  - afterlife-firefox-VERSION.zip    the addons.mozilla.org package (extension-firefox/)
 *  - afterlife-VERSION-source.zip     the sources AMO asks for, with BUILD-FOR-AMO.md and the SHA-256 of each file
 *                                     of the Firefox package
 *  - SHA256SUMS
 * Both builds are made from the sources alone and the Firefox one must pass lint:firefox. Then the source archive
 * is checked the way a reviewer uses it: extracted, rebuilt with build-for-amo, and the rebuilt package compared
 * with the one made here, file by file and byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { arch, tmpdir, type } from 'node:os';
import { basename, join } from 'node:path';
import { releaseBuild, TARGETS } from '../firefox/firefox-build';
import { lintFirefox, passed, summarise } from '../firefox/firefox-lint';
import { buildInstructions, SUMS_FILE, sourceFiles } from './package-source';
import { compareTrees, describeDifference, formatSums, hashTree, isSame, listFiles } from './package-tree';
import { entriesUnder, unzipTo, zipFiles } from './package-zip';
import { PROJECT_DIR } from '../rules/rules-files';

const OUT_DIR = join(PROJECT_DIR, 'dist', 'packages');

function npmVersion(): string {
  const result = spawnSync('npm', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'unknown';
}

/** The operating system's own name for itself (e.g. "Debian GNU/Linux 12 (bookworm)"), for the build notes. */
function platformName(): string {
  const osRelease = '/etc/os-release';
  const pretty = existsSync(osRelease) ? /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync(osRelease, 'utf8'))?.[1] : undefined;
  return `${pretty ?? type()} (${arch()})`;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const kilobytes = (file: string) => `${(statSync(file).size / 1024).toFixed(1)} KB`;

function packBuild(target: keyof typeof TARGETS, outFile: string): void {
  const dir = join(PROJECT_DIR, TARGETS[target].outDir);
  zipFiles(entriesUnder(dir, listFiles(dir)), outFile);
}

/** The source archive: the repository's files, plus BUILD-FOR-AMO.md and the Firefox package's file sums. */
function packSources(version: string, firefoxZip: string, outFile: string, work: string): void {
  const files = sourceFiles(PROJECT_DIR);
  const firefoxTree = hashTree(join(PROJECT_DIR, TARGETS.firefox.outDir));
  const instructions = join(work, 'BUILD-FOR-AMO.md');
  const sums = join(work, SUMS_FILE);
  writeFileSync(
    instructions,
    buildInstructions({
      version,
      node: process.versions.node,
      npm: npmVersion(),
      platform: platformName(),
      fileCount: firefoxTree.size,
      firefoxPackage: basename(firefoxZip),
    }),
  );
  writeFileSync(sums, formatSums(firefoxTree));
  zipFiles([...entriesUnder(PROJECT_DIR, files), { path: 'BUILD-FOR-AMO.md', from: instructions }, { path: SUMS_FILE, from: sums }], outFile);
}

/**
 * Rebuilds the Firefox package from the source archive as a reviewer would, with this checkout's node_modules
 * standing in for `npm ci` (same package-lock.json; no network here), and compares it with the one just made.
 */
function verifySources(sourceZip: string, firefoxZip: string, work: string): void {
  const rebuilt = join(work, 'rebuilt');
  unzipTo(sourceZip, rebuilt);
  symlinkSync(join(PROJECT_DIR, 'node_modules'), join(rebuilt, 'node_modules'), 'dir');
  const result = spawnSync(join(rebuilt, 'node_modules', '.bin', 'tsx'), ['scripts/firefox/build-for-amo.ts'], { cwd: rebuilt, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build-for-amo in the extracted source archive failed or built different files (above).');
  const difference = compareTrees(hashTree(join(PROJECT_DIR, TARGETS.firefox.outDir)), hashTree(join(rebuilt, TARGETS.firefox.outDir)));
  if (!isSame(difference)) throw new Error(`The rebuild from the source archive differs:\n${describeDifference(difference)}`);
  const rezipped = join(work, 'rebuilt-firefox.zip');
  const rebuiltDir = join(rebuilt, TARGETS.firefox.outDir);
  zipFiles(entriesUnder(rebuiltDir, listFiles(rebuiltDir)), rezipped);
  if (sha256(rezipped) !== sha256(firefoxZip)) throw new Error('The rebuilt files are identical but their zip is not: zip is not reproducible here.');
}

async function main(): Promise<void> {
  const { version } = JSON.parse(readFileSync(join(PROJECT_DIR, 'manifest.json'), 'utf8')) as { version: string };
  const chromeZip = join(OUT_DIR, `afterlife-chrome-${version}.zip`);
  const firefoxZip = join(OUT_DIR, `afterlife-firefox-${version}.zip`);
  const sourceZip = join(OUT_DIR, `afterlife-${version}-source.zip`);

  releaseBuild('chrome');
  releaseBuild('firefox');
  const lint = await lintFirefox();
  console.log(summarise(lint));
  if (!passed(lint)) throw new Error('The Firefox build does not pass lint:firefox; AMO would reject or flag it.');

  rmSync(OUT_DIR, { recursive: true, force: true });
  const work = mkdtempSync(join(tmpdir(), 'afterlife-package-'));
  try {
    packBuild('chrome', chromeZip);
    packBuild('firefox', firefoxZip);
    packSources(version, firefoxZip, sourceZip, work);
    verifySources(sourceZip, firefoxZip, work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const archives = [chromeZip, firefoxZip, sourceZip];
  writeFileSync(join(OUT_DIR, 'SHA256SUMS'), archives.map((file) => `${sha256(file)}  ${basename(file)}\n`).join(''));
  console.log(`\nPackages in ${OUT_DIR}:`);
  for (const file of archives) console.log(`  ${basename(file).padEnd(34)} ${kilobytes(file).padStart(10)}  sha256 ${sha256(file).slice(0, 16)}…`);
  console.log('The source archive rebuilds the Firefox package byte for byte (checked with build-for-amo).');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
