import * as v from 'valibot';

/**
 * Ed25519 signatures over a rules bundle, with WebCrypto — the same code in the service worker, extension pages and
 * Node. The signed file is an envelope holding the bundle's exact text, so no re-serialisation can change the bytes
 * that were signed.
 */
export interface SignedBundle {
  /** The bundle's JSON text, exactly as signed. */
  payload: string;
  /** Fingerprint of the signing key: the first 16 hex digits of SHA-256 over its raw public key. */
  keyId: string;
  /** Base64 Ed25519 signature over the UTF-8 bytes of `payload`. */
  signature: string;
}

/** A public key the extension trusts; several may be trusted at once so keys can be rotated. */
export interface TrustedKey {
  id: string;
  /** Base64 of the 32-byte raw Ed25519 public key. */
  publicKey: string;
  note?: string;
}

const SignedBundleSchema = v.strictObject({
  payload: v.pipe(v.string(), v.minLength(2)),
  keyId: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/)),
  signature: v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]{86}==$/)),
});

export const ALGORITHM = { name: 'Ed25519' } as const;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

export async function keyIdOf(rawPublicKey: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', rawPublicKey));
  return [...digest.slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export type VerifyResult =
  | { ok: true; payload: string; keyId: string }
  | { ok: false; reason: 'malformed' | 'unknown-key' | 'bad-signature'; detail: string };

/** Checks that `text` is a signed bundle from one of the trusted keys, and returns its payload. */
export async function verifySignedBundle(text: string, trusted: readonly TrustedKey[]): Promise<VerifyResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: 'malformed', detail: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = v.safeParse(SignedBundleSchema, raw);
  if (!parsed.success) return { ok: false, reason: 'malformed', detail: 'not a signed rules bundle { payload, keyId, signature }' };
  const envelope = parsed.output;
  const key = trusted.find((candidate) => candidate.id === envelope.keyId);
  if (!key) return { ok: false, reason: 'unknown-key', detail: `signed with key ${envelope.keyId}, which this extension does not trust` };
  try {
    const publicKey = await crypto.subtle.importKey('raw', fromBase64(key.publicKey), ALGORITHM, false, ['verify']);
    const valid = await crypto.subtle.verify(ALGORITHM, publicKey, fromBase64(envelope.signature), new TextEncoder().encode(envelope.payload));
    if (!valid) return { ok: false, reason: 'bad-signature', detail: `the signature does not match key ${key.id}` };
  } catch (error) {
    return { ok: false, reason: 'bad-signature', detail: `could not check the signature (${error instanceof Error ? error.message : String(error)})` };
  }
  return { ok: true, payload: envelope.payload, keyId: key.id };
}

/** Signs a payload with a PKCS#8 Ed25519 private key (maintainers' release tooling). */
export async function signPayload(payload: string, privateKeyPkcs8: Uint8Array<ArrayBuffer>, keyId: string): Promise<SignedBundle> {
  const privateKey = await crypto.subtle.importKey('pkcs8', privateKeyPkcs8, ALGORITHM, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign(ALGORITHM, privateKey, new TextEncoder().encode(payload)));
  return { payload, keyId, signature: toBase64(signature) };
}

/** A new key pair: the private key as PKCS#8 (keep it secret, outside the repository) and the public key raw. */
export async function generateKeyPair(): Promise<{ privateKey: Uint8Array<ArrayBuffer>; publicKey: Uint8Array<ArrayBuffer>; keyId: string }> {
  const pair = (await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const privateKey = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey, publicKey, keyId: await keyIdOf(publicKey) };
}
