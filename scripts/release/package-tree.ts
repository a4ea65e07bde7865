import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under a folder, as sorted '/'-separated paths relative to it: the same order on every machine. */
export function listFiles(root: string, skip: (path: string, isDirectory: boolean) => boolean = () => false): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const absolute = join(folder, entry.name);
      const path = relative(root, absolute).split(sep).join('/');
      if (skip(path, entry.isDirectory())) continue;
      if (entry.isDirectory()) walk(absolute);
      else if (entry.isFile()) found.push(path);
    }
  };
  walk(root);
  return found.sort();
}

/** SHA-256 of each file, keyed by its path. */
export function hashTree(root: string): Map<string, string> {
  return new Map(listFiles(root).map((path) => [path, createHash('sha256').update(readFileSync(join(root, path))).digest('hex')]));
}

/** The `sha256sum` format, so a reviewer can check a rebuild with `sha256sum -c` as well as with build-for-amo. */
export function formatSums(tree: Map<string, string>): string {
  return [...tree].map(([path, hash]) => `${hash}  ${path}\n`).join('');
}

export function parseSums(text: string): Map<string, string> {
  const tree = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (match?.[1] && match[2]) tree.set(match[2], match[1]);
  }
  return tree;
}

export interface TreeDifference {
  missing: string[];
  extra: string[];
  changed: string[];
}

/** How a rebuilt tree differs from the expected one; all lists empty when they are the same files. */
export function compareTrees(expected: Map<string, string>, actual: Map<string, string>): TreeDifference {
  return {
    missing: [...expected.keys()].filter((path) => !actual.has(path)),
    extra: [...actual.keys()].filter((path) => !expected.has(path)),
    changed: [...expected].filter(([path, hash]) => actual.has(path) && actual.get(path) !== hash).map(([path]) => path),
  };
}

export const isSame = (difference: TreeDifference) =>
  difference.missing.length + difference.extra.length + difference.changed.length === 0;

export function describeDifference(difference: TreeDifference): string {
  const lines = [
    ...difference.missing.map((path) => `  missing: ${path}`),
    ...difference.extra.map((path) => `  extra:   ${path}`),
    ...difference.changed.map((path) => `  changed: ${path}`),
  ];
  return lines.join('\n');
}
