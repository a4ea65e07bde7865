import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * The time stamped on every file in a package: SOURCE_DATE_EPOCH when set (the reproducible-builds convention),
 * else a fixed date. Zip stores each file's modification time, so without this two packages of the same files
 * would differ.
 */
export function packageTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date('2020-01-01T00:00:00Z');
}

/** One file of a zip: its path inside the archive and the file on disk it comes from. */
export interface ZipEntry {
  path: string;
  from: string;
}

/** The entries for `files` (paths relative to `root`), kept at the same paths. */
export const entriesUnder = (root: string, files: readonly string[]): ZipEntry[] => files.map((path) => ({ path, from: join(root, path) }));

/**
 * Writes `entries` into `outFile` with the system's Info-ZIP `zip`, so that the same files always give the same
 * bytes: they are copied to a staging folder with one time stamp and normalised permissions, added sorted by
 * path, without directory entries or the extra fields that record owners and access times (`-X`), and with times
 * written in UTC (zip stores local time).
 */
export function zipFiles(entries: readonly ZipEntry[], outFile: string, time = packageTime()): void {
  const stage = mkdtempSync(join(tmpdir(), 'afterlife-zip-'));
  const paths = entries.map((entry) => entry.path).sort();
  try {
    for (const { path, from } of entries) {
      const to = join(stage, path);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(from, to);
      chmodSync(to, statSync(from).mode & 0o111 ? 0o755 : 0o644);
      utimesSync(to, time, time);
    }
    const target = resolve(outFile);
    mkdirSync(dirname(target), { recursive: true });
    rmSync(target, { force: true });
    const result = spawnSync('zip', ['-X', '-D', '-q', '-9', target, '-@'], {
      cwd: stage,
      input: paths.join('\n'),
      env: { ...process.env, TZ: 'UTC' },
      stdio: ['pipe', 'inherit', 'inherit'],
    });
    if (result.error) {
      throw new Error(`Could not run zip (${result.error.message}). Install it: sudo apt-get install zip`);
    }
    if (result.status !== 0) throw new Error(`zip exited with ${result.status ?? result.signal} while writing ${target}`);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Extracts a zip with the system's `unzip` (used to check a source archive the way a reviewer receives it). */
export function unzipTo(zipFile: string, folder: string): void {
  mkdirSync(folder, { recursive: true });
  const result = spawnSync('unzip', ['-q', zipFile, '-d', folder], { stdio: 'inherit' });
  if (result.error) throw new Error(`Could not run unzip (${result.error.message}). Install it: sudo apt-get install unzip`);
  if (result.status !== 0) throw new Error(`unzip exited with ${result.status ?? result.signal} on ${zipFile}`);
}
