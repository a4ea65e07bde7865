import { resolve, sep } from 'node:path';
import { PROJECT_DIR } from '../rules/rules-files';

export const DIST_RULES = resolve(PROJECT_DIR, 'dist/rules');
export const BUNDLE_FILE = resolve(DIST_RULES, 'rules-bundle.json');
export const SIGNED_FILE = resolve(DIST_RULES, 'rules.signed.json');

/** Private keys must never land in the repository, where a commit would publish them. */
export function assertOutsideRepository(path: string): void {
  const absolute = resolve(path);
  if (absolute === PROJECT_DIR || absolute.startsWith(PROJECT_DIR + sep)) {
    throw new Error(`${absolute} is inside the repository; keep signing keys outside it (e.g. ~/.config/afterlife/)`);
  }
}

/** `--name value` from the command line. */
export function option(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
