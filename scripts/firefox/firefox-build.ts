import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_DIR } from '../rules/rules-files';

/** The two store builds: their vite config and the folder each writes. */
export const TARGETS = {
  chrome: { config: 'vite.config.ts', outDir: 'extension' },
  firefox: { config: 'vite.firefox.config.ts', outDir: 'extension-firefox' },
} as const;
export type Target = keyof typeof TARGETS;

/**
 * The environment of a release build. AFTERLIFE_* variables point test builds at local update servers and extra
 * signing keys (see scripts/build/build-config.ts), and NODE_ENV changes what vite emits: a store package, and a
 * reviewer's rebuild of it, must come from the sources alone, whatever the shell that runs them has set.
 */
export function releaseEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const kept = Object.entries(env).filter(([name]) => !name.startsWith('AFTERLIFE_') && name !== 'NODE_ENV');
  // Vite's notice about a future config loader says nothing about the package; keep release logs readable.
  return { ...Object.fromEntries(kept), VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
}

/** Builds one target with the project's own vite, in a child process so nothing of this process leaks in. */
export function releaseBuild(target: Target, projectDir = PROJECT_DIR): void {
  const vite = join(projectDir, 'node_modules', '.bin', 'vite');
  const result = spawnSync(vite, ['build', '--config', TARGETS[target].config, '--logLevel', 'warn'], {
    cwd: projectDir,
    env: releaseEnv(),
    stdio: 'inherit',
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`The ${target} build failed (vite exited with ${result.status ?? result.signal}).`);
}
