import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EXTENSION_DIR } from './browser';

/** Where Debian's Chromium reads mandatory policy files (one JSON object per file). */
export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(CHROMIUM_POLICY_DIR, 'afterlife-e2e.json');

/** The id Chromium gives an unpacked extension: the first 128 bits of the SHA-256 of its folder's path, written with
 *  the letters a–p for the hex digits. Policies are addressed to it. */
export function unpackedExtensionId(extensionDir = EXTENSION_DIR): string {
  const hex = createHash('sha256').update(realpathSync(extensionDir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** Whether this machine lets the test write a policy file (CI runs as root; a developer may not). */
export function canWritePolicy(): boolean {
  try {
    mkdirSync(CHROMIUM_POLICY_DIR, { recursive: true });
    accessSync(CHROMIUM_POLICY_DIR, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Writes the extension's policy as an administrator would on Linux (3rdparty → extensions → id); read at launch. */
export function writeExtensionPolicy(policy: Record<string, unknown>, extensionDir = EXTENSION_DIR): void {
  mkdirSync(dirname(POLICY_FILE), { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [unpackedExtensionId(extensionDir)]: policy } } }, null, 2));
}

export function removeExtensionPolicy(): void {
  rmSync(POLICY_FILE, { force: true });
}
