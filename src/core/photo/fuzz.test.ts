import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../../../scripts/rules/rules-files';
import { factsFromMetadata } from './facts';
import { readPhotoMetadata } from './metadata';
import { classifyFile, sniffImageFormat } from './sniff';
import { stripMetadata } from './strip';

/**
 * Malformed photos never crash, hang or blow up: every generated input is read, classified and stripped within a
 * time bound. Runs are kept modest in `npm test`; `npm run fuzz` sets AFTERLIFE_FUZZ_RUNS for long runs.
 */
const RUNS = Number(process.env.AFTERLIFE_FUZZ_RUNS) || 1000;
/** Each input must be fully handled within this many milliseconds (the largest inputs here are 256 KiB). */
const TIME_BOUND_MS = 250;

const samples = ['gps-camera.jpg', 'cc-by.jpg', 'cc-by-nc.png', 'gps-camera.webp', 'plain.jpg'].map(
  (name) => new Uint8Array(readFileSync(join(PROJECT_DIR, 'e2e/fixtures/photos/meta', name))),
);

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const WEBP = [...'RIFF'].map((c) => c.charCodeAt(0)).concat([0xff, 0xff, 0xff, 0x7f], [...'WEBP'].map((c) => c.charCodeAt(0)));
const EXIF_TIFF = [0xe1, 0xff, 0xff, 0x45, 0x78, 0x69, 0x66, 0, 0, 0x4d, 0x4d, 0, 0x2a];

/** Inputs built to hurt: real photos cut short or corrupted, random bytes behind real signatures, absurd segment
 *  lengths, metadata offsets that point far away or back at themselves, empty files. */
const hostileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.constant(new Uint8Array()),
  fc.tuple(fc.constantFrom(...samples), fc.nat()).map(([sample, cut]) => sample.subarray(0, cut % (sample.length + 1))),
  fc.tuple(fc.constantFrom(...samples), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 40 })).map(([sample, flips]) => {
    const copy = sample.slice();
    for (const [at, value] of flips) copy[at % copy.length] = value;
    return copy;
  }),
  fc.tuple(fc.constantFrom(JPEG, PNG, WEBP), fc.uint8Array({ maxLength: 4096 })).map(([head, tail]) => new Uint8Array([...head, ...tail])),
  // An Exif block whose IFD offset and entry count are chosen by the generator: far, negative-looking, looping.
  fc.tuple(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffff }), fc.uint8Array({ maxLength: 512 })).map(([offset, count, rest]) => {
    const bytes = new Uint8Array([...JPEG, ...EXIF_TIFF, offset >>> 24, (offset >>> 16) & 0xff, (offset >>> 8) & 0xff, offset & 0xff, count >> 8, count & 0xff, ...rest]);
    return bytes;
  }),
  fc.uint8Array({ minLength: 200_000, maxLength: 262_144 }).map((bytes) => new Uint8Array([...JPEG, 0xe1, 0xff, 0xff, ...bytes.subarray(0, 1000), ...bytes])),
);

describe('photo reading on hostile input', () => {
  it(`handles ${RUNS} malformed inputs without a crash, each within ${TIME_BOUND_MS} ms`, () => {
    let slowest = 0;
    fc.assert(
      fc.property(hostileBytes, fc.constantFrom('image/jpeg', 'image/png', '', 'text/plain', 'image/svg+xml'), (bytes, mime) => {
        const start = performance.now();
        const format = classifyFile(mime, bytes.subarray(0, 32));
        const metadata = readPhotoMetadata(bytes);
        factsFromMetadata([metadata]);
        const stripped = stripMetadata(bytes, format ?? sniffImageFormat(bytes) ?? 'jpeg');
        if (stripped.ok) expect(stripped.bytes.byteLength).toBeLessThanOrEqual(bytes.byteLength + 64);
        const elapsed = performance.now() - start;
        slowest = Math.max(slowest, elapsed);
        return elapsed < TIME_BOUND_MS && (metadata.ok || typeof metadata.error === 'string');
      }),
      { numRuns: RUNS },
    );
    expect(slowest).toBeLessThan(TIME_BOUND_MS);
  }, 600_000);
});
