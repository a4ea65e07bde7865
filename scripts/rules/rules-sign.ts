/**
 * `npm run rules:sign -- [--key <file>] [--in <bundle>] [--out <signed file>]`: signs the bundle from rules:build.
 * The private key comes from --key (a file outside the repository) or the AFTERLIFE_RULES_SIGNING_KEY environment
 * variable (the key file's JSON, for CI secrets). Writes dist/rules/rules.signed.json by default.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { readBundle, describeProblems } from '../../src/core/rules/bundle';
import { fromBase64, keyIdOf, signPayload } from '../../src/core/rules/signature';
import { assertOutsideRepository, BUNDLE_FILE, fail, option, SIGNED_FILE } from '../release/release-paths';

function readKey(): { keyId?: string; privateKey: string; publicKey: string } {
  const keyPath = option(process.argv, '--key');
  let text = process.env.AFTERLIFE_RULES_SIGNING_KEY;
  if (keyPath) {
    try {
      assertOutsideRepository(keyPath);
    } catch (error) {
      fail(`rules:sign: ${(error as Error).message}`);
    }
    text = readFileSync(keyPath, 'utf8');
  }
  if (!text) fail('rules:sign: give the private key with --key <file> or the AFTERLIFE_RULES_SIGNING_KEY environment variable');
  try {
    return JSON.parse(text) as { privateKey: string; publicKey: string };
  } catch {
    fail('rules:sign: the key is not the JSON written by rules:keygen');
  }
}

const input = option(process.argv, '--in') ?? BUNDLE_FILE;
const output = option(process.argv, '--out') ?? SIGNED_FILE;
const payload = readFileSync(input, 'utf8');
const checked = readBundle(payload, input);
if (!checked.data) fail(`rules:sign: ${input} is not a valid bundle: ${describeProblems(checked.problems)}`);
const key = readKey();
const keyId = await keyIdOf(fromBase64(key.publicKey));
const signed = await signPayload(payload, fromBase64(key.privateKey), keyId);
writeFileSync(output, JSON.stringify(signed));
console.log(`rules:sign: version ${checked.bundle.version} signed with key ${keyId} → ${output}`);
