import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import type { TrustedKey } from '../../src/core/rules/signature';
import { PROJECT_DIR, RULES_DIR } from '../rules/rules-files';

/** How a build fetches and trusts rule updates. Production values live in package.json ("afterlife") and
 *  rules/trusted-keys.json; environment variables override them for test builds and forks. */
export interface UpdateConfig {
  /** Where signed updates are published; empty until maintainers set one (updates are then off). */
  defaultUrl: string;
  trustedKeys: TrustedKey[];
  timeoutMs: number;
  maxBytes: number;
}

const TrustedKeysSchema = v.array(
  v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, 'must be the 16-hex-digit key fingerprint printed by rules:keygen')),
    publicKey: v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]{43}=$/, 'must be the base64 raw Ed25519 public key printed by rules:keygen')),
    note: v.optional(v.string()),
  }),
);

export function readTrustedKeys(path: string): TrustedKey[] {
  const result = v.safeParse(TrustedKeysSchema, JSON.parse(readFileSync(path, 'utf8')));
  if (!result.success) throw new Error(`${path}: ${result.issues.map((issue) => issue.message).join('; ')}`);
  return result.output;
}

export function readUpdateConfig(env: NodeJS.ProcessEnv = process.env): UpdateConfig {
  const packageJson = JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')) as { afterlife?: { rulesUpdateUrl?: string } };
  const trustedKeys = readTrustedKeys(join(RULES_DIR, 'trusted-keys.json'));
  if (env.AFTERLIFE_EXTRA_TRUSTED_KEYS && existsSync(env.AFTERLIFE_EXTRA_TRUSTED_KEYS)) trustedKeys.push(...readTrustedKeys(env.AFTERLIFE_EXTRA_TRUSTED_KEYS));
  return {
    defaultUrl: env.AFTERLIFE_RULES_URL ?? packageJson.afterlife?.rulesUpdateUrl ?? '',
    trustedKeys,
    timeoutMs: Number(env.AFTERLIFE_UPDATE_TIMEOUT_MS) || 20_000,
    maxBytes: Number(env.AFTERLIFE_UPDATE_MAX_BYTES) || 2 * 1024 * 1024,
  };
}
