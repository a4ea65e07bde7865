import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jpegSize } from './jpeg-size';

const fixture = (path: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../../../e2e/fixtures', path)));

describe('the stored size of a JPEG, from its frame header', () => {
  it('reads real photos, after their metadata segments', () => {
    expect(jpegSize(fixture('faces/two-people.jpg'))).toEqual({ width: 949, height: 512 });
    expect(jpegSize(fixture('faces/astronaut-large.jpg'))).toEqual({ width: 1600, height: 1600 });
    // Stored turned on its side, with EXIF orientation 8: the stored size, not the upright one.
    expect(jpegSize(fixture('faces/grace-hopper-exif-8.jpg'))).toEqual({ width: 600, height: 512 });
    expect(jpegSize(fixture('photos/meta/gps-camera.jpg'))).not.toBeNull();
  });

  it('says null rather than guessing for what is not a readable JPEG header', () => {
    expect(jpegSize(new Uint8Array())).toBeNull();
    expect(jpegSize(fixture('faces/corrupt.jpg'))).toBeNull();
    expect(jpegSize(fixture('faces/cameraman.png'))).toBeNull();
    // Cut off before the frame header.
    expect(jpegSize(fixture('faces/two-people.jpg').subarray(0, 20))).toBeNull();
    // A frame header claiming no pixels.
    expect(jpegSize(new Uint8Array([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x00, 0x00, 0x00]))).toBeNull();
  });

  it('never throws or loops on hostile bytes, and any size it reports is positive', () => {
    const jpegLike = fc.uint8Array({ maxLength: 512 }).map((tail) => Uint8Array.from([0xff, 0xd8, ...tail]));
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 512 }), jpegLike), (bytes) => {
        const size = jpegSize(bytes);
        if (size) expect(size.width > 0 && size.height > 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
