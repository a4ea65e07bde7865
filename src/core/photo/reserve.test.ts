import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../../../scripts/rules/rules-files';
import { readPhotoMetadata } from './metadata';
import { reserveJpeg } from './reserve';
import { reservePng } from './reserve-png';
import { reserveWebp } from './reserve-webp';

const sample = (name: string) => new Uint8Array(readFileSync(join(PROJECT_DIR, 'e2e/fixtures/photos/meta', name)));
const work = mkdtempSync(join(tmpdir(), 'afterlife-reserve-'));

/** What Debian's exiftool (libimage-exiftool-perl, installed by .ci/run) reads from the bytes: the independent check. */
function exiftool(bytes: Uint8Array, ...tags: string[]): Record<string, unknown> {
  const extension = bytes[0] === 0x89 ? 'png' : bytes[0] === 0x52 ? 'webp' : 'jpg';
  const file = join(work, `photo-${Math.random().toString(36).slice(2)}.${extension}`);
  writeFileSync(file, bytes);
  const [result] = JSON.parse(execFileSync('exiftool', ['-j', '-a', '-G1', ...tags, file], { encoding: 'utf8' })) as Array<Record<string, unknown>>;
  return result ?? {};
}

/** The image data, from the start of scan on: it must come out byte for byte the same. */
const imageData = (bytes: Uint8Array) => {
  for (let at = 2; at + 1 < bytes.byteLength; at++) if (bytes[at] === 0xff && bytes[at + 1] === 0xda) return Buffer.from(bytes.subarray(at));
  throw new Error('no start of scan');
};
const xmpSegments = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1').split('http://ns.adobe.com/xap/1.0/\0').length - 1;

/** Whatever follows a format's own signature, a writer answers with a result, never an exception. */
function neverThrows(write: typeof reserveJpeg, signature: Uint8Array, reasons: string[]): void {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 2048 }), (tail) => {
      const result = write(new Uint8Array([...signature, ...tail]), { dataMining: 'DMI-PROHIBITED' });
      return result.ok || reasons.includes(result.reason);
    }),
    { numRuns: 300 },
  );
}

describe('reserveJpeg: an IPTC Data Mining reservation written into a JPEG', () => {
  it('adds one XMP segment to a photo without XMP; exiftool and our reader both read the reservation', () => {
    const original = sample('plain.jpg');
    const result = reserveJpeg(original, { dataMining: 'DMI-PROHIBITED-AIMLTRAINING' });
    if (!result.ok) throw new Error(result.reason);
    expect(imageData(result.bytes).equals(imageData(original))).toBe(true);
    expect(xmpSegments(result.bytes)).toBe(1);
    expect(exiftool(result.bytes, '-XMP-plus:DataMining')['XMP-plus:DataMining']).toBe('http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-AIMLTRAINING');
    expect(readPhotoMetadata(result.bytes)).toMatchObject({ ok: true, metadata: { dataMining: 'DMI-PROHIBITED-AIMLTRAINING' } });
    expect(result.added).toBe(result.bytes.byteLength - original.byteLength);
    expect(result.added).toBeLessThan(600);
  });

  it('keeps the Exif segment and everything it says (it only writes XMP)', () => {
    const original = sample('gps-camera.jpg');
    const result = reserveJpeg(original, { dataMining: 'DMI-PROHIBITED' });
    if (!result.ok) throw new Error(result.reason);
    expect(imageData(result.bytes).equals(imageData(original))).toBe(true);
    expect(readPhotoMetadata(result.bytes)).toMatchObject({ ok: true, metadata: { location: true, cameraSerial: true, dataMining: 'DMI-PROHIBITED' } });
  });

  it('merges into XMP the photo already has: its licence stays, nothing is duplicated', () => {
    const original = sample('cc-by.jpg');
    const result = reserveJpeg(original, { dataMining: 'DMI-PROHIBITED-GENAIMLTRAINING' });
    if (!result.ok) throw new Error(result.reason);
    expect(xmpSegments(result.bytes)).toBe(1);
    expect(readPhotoMetadata(result.bytes)).toMatchObject({ ok: true, metadata: { licenceId: 'cc-by-4.0', dataMining: 'DMI-PROHIBITED-GENAIMLTRAINING' } });
    expect(exiftool(result.bytes, '-XMP-cc:License')['XMP-cc:License']).toBe('https://creativecommons.org/licenses/by/4.0/');
  });

  it('replaces a reservation already there rather than adding a second, and keeps its other constraints', () => {
    const result = reserveJpeg(sample('reserved.jpg'), { dataMining: 'DMI-PROHIBITED' });
    if (!result.ok) throw new Error(result.reason);
    const text = Buffer.from(result.bytes).toString('utf8');
    expect(text.match(/DataMining/g)).toHaveLength(1);
    expect(exiftool(result.bytes, '-XMP-plus:all')).toMatchObject({
      'XMP-plus:DataMining': 'http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED',
      'XMP-plus:OtherConstraints': 'Not for AI training.',
    });
  });

  it('writes the person\'s name and copyright line, escaped, as creator and rights', () => {
    const result = reserveJpeg(sample('reserved.jpg'), { dataMining: 'DMI-PROHIBITED-AIMLTRAINING', creator: 'Sam <Example> & "Co"', copyright: '© 2026 Sam Example' });
    if (!result.ok) throw new Error(result.reason);
    expect(exiftool(result.bytes, '-XMP-dc:Creator', '-XMP-dc:Rights')).toMatchObject({ 'XMP-dc:Creator': 'Sam <Example> & "Co"', 'XMP-dc:Rights': '© 2026 Sam Example' });
    expect(Buffer.from(result.bytes).toString('utf8').match(/dc:creator>/g)).toHaveLength(2); // one element, opened and closed
  });

  it('splits a packet that no longer fits one segment into extended XMP: the reservation stays in the standard part', () => {
    // A standard packet just under the 64 KB a segment holds: the reservation tips it over.
    const description = 'A long caption. '.repeat(4100).slice(0, 65_150);
    const packet = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt><rdf:li xml:lang="x-default">${description}</rdf:li></rdf:Alt></dc:description></rdf:Description></rdf:RDF></x:xmpmeta>`;
    const payload = Buffer.from(`http://ns.adobe.com/xap/1.0/\0${packet}`, 'utf8');
    const plain = sample('plain.jpg');
    const original = new Uint8Array([...plain.subarray(0, 2), 0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff, ...payload, ...plain.subarray(2)]);
    const result = reserveJpeg(original, { dataMining: 'DMI-PROHIBITED-AIMLTRAINING', creator: 'Robin Example' });
    if (!result.ok) throw new Error(result.reason);
    expect(imageData(result.bytes).equals(imageData(original))).toBe(true);
    // exiftool joins the extended part only when its digest matches the standard part's note: the description it
    // reads back proves the split is well formed.
    const seen = exiftool(result.bytes, '-XMP-plus:DataMining', '-XMP-dc:Description', '-XMP-dc:Creator', '-Warning');
    expect(seen['XMP-plus:DataMining']).toBe('http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-AIMLTRAINING');
    expect(seen['XMP-dc:Creator']).toBe('Robin Example');
    expect(seen['XMP-dc:Description']).toBe(description);
    expect(seen.Warning).toBeUndefined();
    expect(/xmpNote:HasExtendedXMP="[0-9A-F]{32}"/.test(Buffer.from(result.bytes).toString('latin1'))).toBe(true);
    expect(xmpSegments(result.bytes)).toBe(1);
    expect(readPhotoMetadata(result.bytes)).toMatchObject({ ok: true, metadata: { dataMining: 'DMI-PROHIBITED-AIMLTRAINING', creator: 'Robin Example' } });
  });

  it('keeps extended XMP a photo already has (written by exiftool) and adds the reservation to its standard part', () => {
    const file = join(work, 'extended.jpg');
    writeFileSync(file, sample('plain.jpg'));
    const long = 'Written by exiftool, far too long for one segment. '.repeat(2000);
    execFileSync('exiftool', ['-overwrite_original', `-XMP-dc:Description=${long}`, file]);
    const original = new Uint8Array(readFileSync(file));
    expect(exiftool(original, '-XMP-xmpNote:HasExtendedXMP')['XMP-xmpNote:HasExtendedXMP']).toMatch(/^[0-9A-F]{32}$/);
    const result = reserveJpeg(original, { dataMining: 'DMI-PROHIBITED' });
    if (!result.ok) throw new Error(result.reason);
    const seen = exiftool(result.bytes, '-XMP-plus:DataMining', '-XMP-dc:Description', '-Warning');
    expect(seen['XMP-plus:DataMining']).toBe('http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED');
    expect(String(seen['XMP-dc:Description']).trim()).toBe(long.trim());
    expect(seen.Warning).toBeUndefined();
  });

  it('leaves a photo alone, and says why, when its XMP cannot be read safely or the file is not a JPEG', () => {
    const withXmp = (packet: string) => {
      const payload = Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(packet, 'utf8')]);
      const segment = Buffer.concat([Buffer.from([0xff, 0xe1, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
      const plain = Buffer.from(sample('plain.jpg'));
      return new Uint8Array(Buffer.concat([plain.subarray(0, 2), segment, plain.subarray(2)]));
    };
    const entities = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><x:xmpmeta xmlns:x="adobe:ns:meta/">&b;</x:xmpmeta>';
    expect(reserveJpeg(withXmp(entities), { dataMining: 'DMI-PROHIBITED' })).toEqual({ ok: false, reason: 'unreadable-xmp' });
    expect(reserveJpeg(withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF'), { dataMining: 'DMI-PROHIBITED' })).toEqual({ ok: false, reason: 'unreadable-xmp' });
    expect(reserveJpeg(withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"/>'), { dataMining: 'DMI-PROHIBITED' })).toEqual({ ok: false, reason: 'unreadable-xmp' });
    expect(reserveJpeg(sample('truncated.jpg').subarray(0, 40), { dataMining: 'DMI-PROHIBITED' })).toEqual({ ok: false, reason: 'malformed' });
    expect(reserveJpeg(new Uint8Array(readFileSync(join(PROJECT_DIR, 'e2e/fixtures/photos/portrait.png'))), { dataMining: 'DMI-PROHIBITED' })).toEqual({ ok: false, reason: 'not-jpeg' });
  });

  it('never throws on arbitrary bytes', () => {
    neverThrows(reserveJpeg, sample('plain.jpg').subarray(0, 2), ['malformed', 'unreadable-xmp', 'too-large']);
  });
});

/** A PNG's image data: its IDAT chunks, which must come out byte for byte the same. */
function idat(bytes: Uint8Array): Buffer {
  const parts: Buffer[] = [];
  const buffer = Buffer.from(bytes);
  for (let at = 8; at + 12 <= buffer.length; ) {
    const length = buffer.readUInt32BE(at);
    if (buffer.toString('latin1', at + 4, at + 8) === 'IDAT') parts.push(buffer.subarray(at, at + 12 + length));
    at += 12 + length;
  }
  return Buffer.concat(parts);
}

describe('reservePng: the same reservation in a PNG\'s XMP chunk', () => {
  it('adds an XMP chunk after IHDR; exiftool reads it without a new warning about the file, and so do we', () => {
    const original = new Uint8Array(readFileSync(join(PROJECT_DIR, 'e2e/fixtures/photos/portrait.png')));
    const result = reservePng(original, { dataMining: 'DMI-PROHIBITED-AIMLTRAINING' });
    if (!result.ok) throw new Error(result.reason);
    expect(idat(result.bytes).equals(idat(original))).toBe(true);
    const read = exiftool(result.bytes, '-XMP-plus:DataMining', '-Warning');
    expect(read['XMP-plus:DataMining']).toBe('http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-AIMLTRAINING');
    // No new complaint: exiftool says of the result only what it says of the original (here, text after IDAT).
    expect(read['ExifTool:Warning']).toBe(exiftool(original, '-Warning')['ExifTool:Warning']);
    expect(readPhotoMetadata(result.bytes)).toMatchObject({ ok: true, metadata: { dataMining: 'DMI-PROHIBITED-AIMLTRAINING' } });
  });

  it('merges into the XMP chunk a PNG already has: its licence stays, one XMP chunk', () => {
    const original = sample('cc-by-nc.png');
    const result = reservePng(original, { dataMining: 'DMI-PROHIBITED', creator: 'Sam Example' });
    if (!result.ok) throw new Error(result.reason);
    expect(idat(result.bytes).equals(idat(original))).toBe(true);
    expect(Buffer.from(result.bytes).toString('latin1').split('XML:com.adobe.xmp').length - 1).toBe(1);
    expect(readPhotoMetadata(result.bytes)).toMatchObject({ ok: true, metadata: { licenceId: 'cc-by-nc-4.0', dataMining: 'DMI-PROHIBITED', creator: 'Sam Example' } });
    expect(exiftool(result.bytes, '-Warning')['ExifTool:Warning']).toBe(exiftool(original, '-Warning')['ExifTool:Warning']);
  });

  it('refuses what is not a whole PNG, and never throws on arbitrary bytes', () => {
    expect(reservePng(sample('plain.jpg'), { dataMining: 'DMI-PROHIBITED' })).toEqual({ ok: false, reason: 'not-png' });
    const png = new Uint8Array(readFileSync(join(PROJECT_DIR, 'e2e/fixtures/photos/portrait.png')));
    expect(reservePng(png.subarray(0, png.byteLength - 5), { dataMining: 'DMI-PROHIBITED' })).toEqual({ ok: false, reason: 'malformed' });
    neverThrows(reservePng, png.subarray(0, 8), ['malformed', 'unreadable-xmp']);
  });
});

/** A WebP's image chunk (VP8 or VP8L), which must come out byte for byte the same. */
function webpImage(bytes: Uint8Array): Buffer {
  const buffer = Buffer.from(bytes);
  for (let at = 12; at + 8 <= buffer.length; ) {
    const size = buffer.readUInt32LE(at + 4);
    const fourcc = buffer.toString('latin1', at, at + 4);
    if (fourcc === 'VP8 ' || fourcc === 'VP8L') return buffer.subarray(at, at + 8 + size);
    at += 8 + size + (size % 2);
  }
  throw new Error('no image chunk');
}

/** The same picture as a simple WebP: only its VP8 chunk, with no VP8X header and no metadata. */
function simpleWebp(extended: Uint8Array): Uint8Array {
  const image = webpImage(extended);
  const out = Buffer.alloc(12 + image.length);
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(4 + image.length, 4);
  out.write('WEBP', 8, 'latin1');
  image.copy(out, 12);
  return new Uint8Array(out);
}

describe('reserveWebp: the same reservation in a WebP\'s XMP chunk', () => {
  it('sets the XMP flag and adds the chunk to an extended WebP, keeping its Exif; exiftool and our reader agree', () => {
    const original = sample('gps-camera.webp');
    const result = reserveWebp(original, { dataMining: 'DMI-PROHIBITED-GENAIMLTRAINING' });
    if (!result.ok) throw new Error(result.reason);
    expect(webpImage(result.bytes).equals(webpImage(original))).toBe(true);
    expect(exiftool(result.bytes, '-XMP-plus:DataMining', '-Warning')).toMatchObject({ 'XMP-plus:DataMining': 'http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-GENAIMLTRAINING' });
    expect(exiftool(result.bytes, '-Warning')['ExifTool:Warning']).toBeUndefined();
    expect(readPhotoMetadata(result.bytes)).toMatchObject({ ok: true, metadata: { location: true, dataMining: 'DMI-PROHIBITED-GENAIMLTRAINING' } });
    // Once more: the reservation is replaced, not repeated.
    const again = reserveWebp(result.bytes, { dataMining: 'DMI-PROHIBITED' });
    if (!again.ok) throw new Error(again.reason);
    expect(Buffer.from(again.bytes).toString('latin1').split('XMP ').length - 1).toBe(1);
    expect(readPhotoMetadata(again.bytes)).toMatchObject({ ok: true, metadata: { dataMining: 'DMI-PROHIBITED' } });
  });

  it('turns a simple WebP into an extended one sized from its own bitstream', () => {
    const simple = simpleWebp(sample('gps-camera.webp'));
    const result = reserveWebp(simple, { dataMining: 'DMI-PROHIBITED-AIMLTRAINING' });
    if (!result.ok) throw new Error(result.reason);
    expect(webpImage(result.bytes).equals(webpImage(simple))).toBe(true);
    const before = exiftool(simple, '-ImageWidth', '-ImageHeight');
    const after = exiftool(result.bytes, '-ImageWidth', '-ImageHeight', '-XMP-plus:DataMining', '-Warning');
    expect(after).toMatchObject({ 'XMP-plus:DataMining': 'http://ns.useplus.org/ldf/vocab/DMI-PROHIBITED-AIMLTRAINING' });
    expect(Object.values(after).filter((value) => typeof value === 'number')).toEqual(Object.values(before).filter((value) => typeof value === 'number'));
    expect(after['ExifTool:Warning']).toBeUndefined();
  });

  it('refuses what is not a whole WebP, and never throws on arbitrary bytes', () => {
    expect(reserveWebp(sample('plain.jpg'), { dataMining: 'DMI-PROHIBITED' })).toEqual({ ok: false, reason: 'not-webp' });
    const webp = sample('gps-camera.webp');
    expect(reserveWebp(webp.subarray(0, webp.byteLength - 3), { dataMining: 'DMI-PROHIBITED' })).toEqual({ ok: false, reason: 'malformed' });
    neverThrows(reserveWebp, webp.subarray(0, 12), ['malformed', 'unreadable-xmp']);
  });
});
