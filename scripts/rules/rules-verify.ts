/**
 * `npm run rules:verify -- [<signed file>] [--trust <keys file>]`: checks a signed bundle exactly as the extension
 * will — a trusted key's signature, the bundle format and every rules check — before it is published.
 */
import { readFileSync } from 'node:fs';
import { describeProblems, readBundle } from '../../src/core/rules/bundle';
import { verifySignedBundle } from '../../src/core/rules/signature';
import { readTrustedKeys } from '../build/build-config';
import { fail, option, SIGNED_FILE } from '../release/release-paths';
import { RULES_DIR } from './rules-files';

const args = process.argv.slice(2);
const trustPath = option(args, '--trust') ?? `${RULES_DIR}/trusted-keys.json`;
const file = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--trust') ?? SIGNED_FILE;
const trusted = readTrustedKeys(trustPath);
const verified = await verifySignedBundle(readFileSync(file, 'utf8'), trusted);
if (!verified.ok) fail(`rules:verify: ${file}: rejected (${verified.reason}): ${verified.detail}`);
const read = readBundle(verified.payload, file);
if (!read.data) fail(`rules:verify: ${file}: signature good, but the rules are invalid: ${describeProblems(read.problems)}`);
console.log(
  `rules:verify: ${file}: good — version ${read.bundle.version}, created ${read.bundle.created}, needs Afterlife ${read.bundle.minExtensionVersion}+, signed by ${verified.keyId}, ${read.data.sites.length} sites.`,
);
