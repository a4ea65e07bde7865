/**
 * Peers: other extensions' unpacked builds, loaded beside Afterlife by the bench to compare what each costs a page,
 * side by side in one run. They live outside this repository (../shared/peers/ by default, beside the checkout; a
 * worktree elsewhere sets AFTERLIFE_PEERS_DIR) and are never bundled; when they are absent the bench skips the peer
 * column and says so.
 */
import { existsSync } from 'node:fs';
import { basename, isAbsolute, resolve } from 'node:path';

/** A peer the bench knows how to wait for. */
export interface PeerSpec {
  /** Short name used for the side (and on `bench:compare`'s command line). */
  name: string;
  label: string;
  /** Its folder inside the peers directory. */
  folder: string;
  /**
   * An expression evaluated in the peer's service worker that becomes true once its start-up work is done, so no
   * measured load overlaps it. Privacy Badger's worker loads its tracker data and registers more content scripts
   * after install and sets a flag on its global object when done (read only, to know when to start measuring).
   */
  readyExpression: string;
}

export const PRIVACY_BADGER: PeerSpec = {
  name: 'pb',
  label: 'Privacy Badger (MV3)',
  folder: 'privacybadger-mv3',
  readyExpression: 'globalThis.badger?.INITIALIZED === true',
};

export const KNOWN_PEERS: readonly PeerSpec[] = [PRIVACY_BADGER];

/** The peers directory: AFTERLIFE_PEERS_DIR (relative to the working directory when relative), else
 *  `<repo>/../shared/peers`. */
export function peersDir(env: Record<string, string | undefined>, repoRoot: string, cwd = process.cwd()): string {
  const chosen = env.AFTERLIFE_PEERS_DIR?.trim();
  if (chosen) return isAbsolute(chosen) ? chosen : resolve(cwd, chosen);
  return resolve(repoRoot, '..', 'shared', 'peers');
}

export type PeerLookup = { found: true; spec: PeerSpec; dir: string } | { found: false; reason: string };

/** A peer's unpacked build in the peers directory, or why it is not there (a line the bench prints). */
export function findPeer(spec: PeerSpec, dir: string, exists: (path: string) => boolean = existsSync): PeerLookup {
  const folder = resolve(dir, spec.folder);
  if (exists(resolve(folder, 'manifest.json'))) return { found: true, spec, dir: folder };
  return {
    found: false,
    reason: `peer column skipped: no ${spec.label} build at ${folder} (put its unpacked folder there, or set AFTERLIFE_PEERS_DIR)`,
  };
}

/** The known peer a built folder is, by its folder name (how `bench:compare pb=DIR` learns to wait for it). */
export function peerOfFolder(dir: string): PeerSpec | undefined {
  return KNOWN_PEERS.find((spec) => basename(resolve(dir)) === spec.folder);
}
