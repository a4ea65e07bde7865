import { describe, expect, it } from 'vitest';
import { generateKeyPair, signPayload, toBase64, verifySignedBundle, type TrustedKey } from './signature';

async function keyPair() {
  const pair = await generateKeyPair();
  const trusted: TrustedKey = { id: pair.keyId, publicKey: toBase64(pair.publicKey) };
  return { ...pair, trusted };
}

describe('signed rules bundles', () => {
  it('verifies a bundle signed by a trusted key and returns its exact payload', async () => {
    const key = await keyPair();
    const signed = await signPayload('{"format":1}', key.privateKey, key.keyId);
    expect(await verifySignedBundle(JSON.stringify(signed), [key.trusted])).toEqual({ ok: true, payload: '{"format":1}', keyId: key.keyId });
  });

  it('accepts any of several trusted keys, so keys can be rotated', async () => {
    const [old, next] = [await keyPair(), await keyPair()];
    const signed = await signPayload('{}', next.privateKey, next.keyId);
    expect((await verifySignedBundle(JSON.stringify(signed), [old.trusted, next.trusted])).ok).toBe(true);
  });

  it('rejects a changed payload', async () => {
    const key = await keyPair();
    const signed = await signPayload('{"version":2}', key.privateKey, key.keyId);
    const result = await verifySignedBundle(JSON.stringify({ ...signed, payload: '{"version":3}' }), [key.trusted]);
    expect(result).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('rejects a key it does not trust, even one claiming a trusted id', async () => {
    const [trusted, stranger] = [await keyPair(), await keyPair()];
    const unknown = await signPayload('{}', stranger.privateKey, stranger.keyId);
    expect(await verifySignedBundle(JSON.stringify(unknown), [trusted.trusted])).toMatchObject({ ok: false, reason: 'unknown-key' });
    const impostor = await signPayload('{}', stranger.privateKey, trusted.keyId);
    expect(await verifySignedBundle(JSON.stringify(impostor), [trusted.trusted])).toMatchObject({ ok: false, reason: 'bad-signature' });
  });

  it('rejects what is not a signed bundle', async () => {
    const key = await keyPair();
    for (const text of ['', 'not json', '{}', '[]', '{"payload":"{}","keyId":"x","signature":"y"}']) {
      expect(await verifySignedBundle(text, [key.trusted])).toMatchObject({ ok: false, reason: 'malformed' });
    }
  });
});
