/**
 * Removes location, camera and other identifying metadata from a photo without touching its pixels: the image data
 * is copied byte for byte, only metadata segments and chunks are left out. No library does this losslessly for
 * JPEG, PNG and WebP alike (canvas re-encoding loses quality, ICC profiles and animation), so it is done here, on
 * the container formats' own structure.
 */
import type { ImageFormat } from './sniff';

export type StripResult = { ok: true; bytes: Uint8Array; removed: number } | { ok: false; reason: 'unsupported' | 'malformed' };

const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

/** The Exif orientation (1–8) in an APP1 segment's data, or 1. */
function exifOrientation(segment: Uint8Array): number {
  if (segment.byteLength < 14 || ascii(segment, 0, 6) !== 'Exif\0\0') return 1;
  const tiff = segment.subarray(6);
  const little = tiff[0] === 0x49;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const u16 = (at: number) => (at + 2 <= tiff.byteLength ? view.getUint16(at, little) : 0);
  const u32 = (at: number) => (at + 4 <= tiff.byteLength ? view.getUint32(at, little) : 0);
  const ifd = u32(4);
  const count = u16(ifd);
  for (let index = 0; index < count && index < 512; index++) {
    const entry = ifd + 2 + index * 12;
    if (entry + 12 > tiff.byteLength) break;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/** A minimal Exif segment carrying only the orientation, so a stripped photo is not shown sideways. */
function orientationSegment(orientation: number): Uint8Array {
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const data = [...'Exif\0\0'].map((char) => char.charCodeAt(0)).concat(tiff);
  const length = data.length + 2;
  return new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff, ...data]);
}

/** JPEG: keep JFIF (APP0), ICC colour (APP2), Adobe colour transform (APP14) and every image segment; drop Exif and
 *  XMP (APP1), IPTC (APP13), comments and the other APPn segments. Everything from the start of scan is copied. */
function stripJpeg(bytes: Uint8Array): StripResult {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return { ok: false, reason: 'malformed' };
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let orientation = 1;
  let removed = 0;
  let at = 2;
  while (at + 4 <= bytes.byteLength) {
    if (bytes[at] !== 0xff) return { ok: false, reason: 'malformed' };
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) {
      kept.push(bytes.subarray(at)); // start of scan (or end): the rest is image data
      at = bytes.byteLength;
      break;
    }
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (length < 2 || at + 2 + length > bytes.byteLength) return { ok: false, reason: 'malformed' };
    const segment = bytes.subarray(at, at + 2 + length);
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const keep = !(marker === 0xfe || (isApp && marker !== 0xe0 && marker !== 0xe2 && marker !== 0xee));
    if (marker === 0xe1) orientation = Math.max(orientation, exifOrientation(segment.subarray(4)));
    if (keep) kept.push(segment);
    else removed++;
    at += 2 + length;
  }
  if (at < bytes.byteLength) return { ok: false, reason: 'malformed' };
  if (orientation !== 1) kept.splice(1, 0, orientationSegment(orientation));
  return { ok: true, bytes: concat(kept), removed };
}

const PNG_METADATA = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);

/** PNG: drop the chunks that carry Exif, text (XMP, comments, authors) and time; keep the rest with their CRCs. */
function stripPng(bytes: Uint8Array): StripResult {
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let removed = 0;
  let at = 8;
  while (at + 12 <= bytes.byteLength) {
    const length = new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0);
    const end = at + 12 + length;
    if (end > bytes.byteLength) return { ok: false, reason: 'malformed' };
    if (PNG_METADATA.has(ascii(bytes, at + 4, 4))) removed++;
    else kept.push(bytes.subarray(at, end));
    at = end;
  }
  if (at !== bytes.byteLength) return { ok: false, reason: 'malformed' };
  return { ok: true, bytes: concat(kept), removed };
}

/** WebP: drop the EXIF and XMP chunks, clear their flags in the VP8X header, and fix the RIFF size. */
function stripWebp(bytes: Uint8Array): StripResult {
  const kept: Uint8Array[] = [];
  let removed = 0;
  let at = 12;
  while (at + 8 <= bytes.byteLength) {
    const size = new DataView(bytes.buffer, bytes.byteOffset + at + 4, 4).getUint32(0, true);
    const end = at + 8 + size + (size % 2);
    if (end > bytes.byteLength + 1) return { ok: false, reason: 'malformed' };
    const fourcc = ascii(bytes, at, 4);
    const chunk = bytes.slice(at, Math.min(end, bytes.byteLength));
    if (fourcc === 'EXIF' || fourcc === 'XMP ') removed++;
    else {
      if (fourcc === 'VP8X' && chunk.byteLength > 8) chunk[8] = (chunk[8] ?? 0) & ~0x0c;
      kept.push(chunk);
    }
    at = end;
  }
  const body = concat(kept);
  const header = bytes.slice(0, 12);
  new DataView(header.buffer).setUint32(4, body.byteLength + 4, true);
  return { ok: true, bytes: concat([header, body]), removed };
}

export function stripMetadata(bytes: Uint8Array, format: ImageFormat): StripResult {
  try {
    if (format === 'jpeg') return stripJpeg(bytes);
    if (format === 'png') return stripPng(bytes);
    if (format === 'webp') return stripWebp(bytes);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  return { ok: false, reason: 'unsupported' };
}
