/**
 * `npm run build-for-amo`: what addons.mozilla.org reviewers run in the source archive to rebuild the submitted
 * Firefox package. Builds extension-firefox/ from the sources alone (see releaseEnv), then, when the archive's
 * extension-firefox.sha256 is there, says whether every file is identical to the submitted one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { releaseBuild, TARGETS } from './firefox-build';
import { SUMS_FILE } from '../release/package-source';
import { compareTrees, describeDifference, hashTree, isSame, parseSums } from '../release/package-tree';
import { PROJECT_DIR } from '../rules/rules-files';

function main(): void {
  releaseBuild('firefox');
  const outDir = TARGETS.firefox.outDir;
  const built = hashTree(join(PROJECT_DIR, outDir));
  const sumsPath = join(PROJECT_DIR, SUMS_FILE);
  if (!existsSync(sumsPath)) {
    console.log(`Built ${built.size} files into ${outDir}/. (No ${SUMS_FILE} here to compare them with: it comes with the source archive.)`);
    return;
  }
  const difference = compareTrees(parseSums(readFileSync(sumsPath, 'utf8')), built);
  if (isSame(difference)) {
    console.log(`Built ${built.size} files into ${outDir}/: all identical to the submitted package (${SUMS_FILE}).`);
    return;
  }
  console.error(`Built ${outDir}/, but it differs from the submitted package (${SUMS_FILE}):\n${describeDifference(difference)}`);
  process.exitCode = 1;
}

main();
