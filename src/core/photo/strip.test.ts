import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../../../scripts/rules/rules-files';
import { readPhotoMetadata } from './metadata';
import { stripMetadata } from './strip';

const sample = (name: string) => new Uint8Array(readFileSync(join(PROJECT_DIR, 'e2e/fixtures/photos/meta', name)));

describe('stripMetadata', () => {
  it('removes GPS, camera, serial and creator from a JPEG and keeps the image data byte for byte', () => {
    const original = sample('gps-camera.jpg');
    const stripped = stripMetadata(original, 'jpeg');
    if (!stripped.ok) throw new Error(stripped.reason);
    expect(stripped.removed).toBeGreaterThan(0);
    expect(readPhotoMetadata(stripped.bytes)).toMatchObject({ ok: true, metadata: { location: false, cameraSerial: false, creator: null, camera: null } });
    const scan = (bytes: Uint8Array) => {
      for (let i = 0; i < bytes.length - 1; i++) if (bytes[i] === 0xff && bytes[i + 1] === 0xda) return bytes.subarray(i);
      return new Uint8Array();
    };
    expect(Buffer.from(scan(stripped.bytes)).equals(Buffer.from(scan(original)))).toBe(true);
  });

  it('removes the XMP licence and creator from JPEG and PNG', () => {
    for (const [name, format] of [['cc-by.jpg', 'jpeg'], ['cc-by-nc.png', 'png']] as const) {
      const stripped = stripMetadata(sample(name), format);
      if (!stripped.ok) throw new Error(stripped.reason);
      expect(readPhotoMetadata(stripped.bytes)).toMatchObject({ ok: true, metadata: { licenceId: null, creator: null } });
    }
  });

  it('removes Exif from WebP and keeps a valid RIFF size', () => {
    const stripped = stripMetadata(sample('gps-camera.webp'), 'webp');
    if (!stripped.ok) throw new Error(stripped.reason);
    expect(new DataView(stripped.bytes.buffer).getUint32(4, true)).toBe(stripped.bytes.byteLength - 8);
    expect(readPhotoMetadata(stripped.bytes)).toMatchObject({ ok: true, metadata: { location: false } });
  });

  it('keeps the orientation so the photo is not shown sideways', () => {
    // A JPEG whose Exif says "rotate 90° clockwise" (orientation 6), with GPS.
    const oriented = readFileSync(join(PROJECT_DIR, 'e2e/fixtures/photos/meta/rotated-gps.jpg'));
    const stripped = stripMetadata(new Uint8Array(oriented), 'jpeg');
    if (!stripped.ok) throw new Error(stripped.reason);
    // The only tag left: Orientation (0x0112), SHORT, one value, 6.
    expect(Buffer.from(stripped.bytes).includes(Buffer.from([0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0x00, 0x06]))).toBe(true);
    expect(readPhotoMetadata(stripped.bytes)).toMatchObject({ ok: true, metadata: { location: false } });
  });

  it('refuses what it cannot clean, without throwing', () => {
    expect(stripMetadata(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]), 'jpeg')).toEqual({ ok: false, reason: 'malformed' });
    expect(stripMetadata(new Uint8Array([1, 2, 3]), 'heic')).toEqual({ ok: false, reason: 'unsupported' });
    expect(stripMetadata(new Uint8Array(), 'png')).toEqual({ ok: false, reason: 'malformed' });
  });
});
