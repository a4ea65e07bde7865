/**
 * `npm run rules:keygen -- [--out <file>]`: makes a new Ed25519 signing key pair. The private key is written outside
 * the repository (default ~/.config/afterlife/rules-signing-key.json, readable only by you); the public key is
 * printed as the entry to add to rules/trusted-keys.json.
 */
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateKeyPair, toBase64 } from '../../src/core/rules/signature';
import { assertOutsideRepository, fail, option } from '../release/release-paths';

const out = option(process.argv, '--out') ?? join(homedir(), '.config/afterlife/rules-signing-key.json');
try {
  assertOutsideRepository(out);
} catch (error) {
  fail(`rules:keygen: ${(error as Error).message}`);
}
if (existsSync(out)) fail(`rules:keygen: ${out} already exists; move it away first, or choose another --out`);

const pair = await generateKeyPair();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ keyId: pair.keyId, privateKey: toBase64(pair.privateKey), publicKey: toBase64(pair.publicKey) }, null, 2), { mode: 0o600 });
chmodSync(out, 0o600);
console.log(`rules:keygen: private key written to ${out} (keep it secret and backed up; never commit it).`);
console.log('Add this entry to rules/trusted-keys.json and release the extension before signing with the key:');
console.log(JSON.stringify({ id: pair.keyId, publicKey: toBase64(pair.publicKey), note: `added ${new Date().toISOString().slice(0, 10)}` }, null, 2));
