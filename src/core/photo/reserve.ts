/**
 * Writes a rights reservation into a JPEG, in the form the IPTC Photo Metadata Standard 2023.1 gives it: XMP
 * `plus:DataMining` with a term of the PLUS vocabulary, and, if the person wishes, their name as `dc:creator` and a
 * copyright line as `dc:rights`. Lossless: only the XMP segment (APP1) is written or rewritten; every other segment
 * and the image data are copied byte for byte. An XMP packet the photo already has is merged into, never
 * duplicated; one that cannot be read safely is left alone and the photo is not changed.
 */
import { md5 } from '@noble/hashes/legacy.js';
import { applyReservation, emptyXmp, parseXmp, removeReservation, serializeXmp, wrapPacket, XMLNS, descriptionsOf, type Reservation, type XmlDocument } from './xmp-reservation';

export { reservedPacket, type Reservation } from './xmp-reservation';

export type ReserveResult =
  | { ok: true; bytes: Uint8Array; added: number }
  | { ok: false; reason: 'not-jpeg' | 'not-png' | 'not-webp' | 'malformed' | 'unreadable-xmp' | 'too-large' };

/** The identifier of a standard XMP segment in a JPEG's APP1 (XMP specification part 3, 1.1.3). */
const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/\0';
/** The identifier of an extended XMP segment (XMP specification part 3, 1.1.3.1). */
const EXTENDED_HEADER = 'http://ns.adobe.com/xmp/extension/\0';
const XMP_NOTE = 'http://ns.adobe.com/xmp/note/';

/** A JPEG segment holds at most 65,535 bytes after its marker, its length field included. */
const MAX_SEGMENT_DATA = 65_533;
/** What one extended segment carries after its header, GUID (32), full length (4) and offset (4). */
const MAX_EXTENDED_CHUNK = MAX_SEGMENT_DATA - EXTENDED_HEADER.length - 32 - 8;
/** The most extended XMP Afterlife writes: enough for any packet a photo's standard segment could hold, twice. */
const MAX_EXTENDED = 4 * MAX_SEGMENT_DATA;

const encoder = new TextEncoder();
const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, Math.min(bytes.byteLength, at + length)));

interface Segment {
  marker: number;
  start: number;
  end: number;
}

/** The segments before the image data, or null when the structure is broken. */
function segmentsOf(bytes: Uint8Array): { segments: Segment[]; imageStart: number } | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const segments: Segment[] = [];
  let at = 2;
  while (at + 4 <= bytes.byteLength) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) return { segments, imageStart: at };
    const length = ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0);
    if (length < 2 || at + 2 + length > bytes.byteLength) return null;
    segments.push({ marker, start: at, end: at + 2 + length });
    at += 2 + length;
  }
  return null;
}

const isXmp = (bytes: Uint8Array, segment: Segment) => segment.marker === 0xe1 && ascii(bytes, segment.start + 4, XMP_HEADER.length) === XMP_HEADER;

/** Where a new XMP segment goes: after the JFIF and Exif segments that readers expect first. */
function insertionPoint(bytes: Uint8Array, segments: Segment[]): number {
  let at = 2;
  for (const segment of segments) {
    if (segment.marker === 0xe0 || (segment.marker === 0xe1 && ascii(bytes, segment.start + 4, 6) === 'Exif\0\0')) at = segment.end;
    else break;
  }
  return at;
}

const app1 = (payload: Uint8Array): Uint8Array => {
  const segment = new Uint8Array(4 + payload.byteLength);
  segment.set([0xff, 0xe1, (payload.byteLength + 2) >> 8, (payload.byteLength + 2) & 0xff]);
  segment.set(payload, 4);
  return segment;
};

const hex = (bytes: Uint8Array) => [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('').toUpperCase();

/**
 * A packet too large for one segment, split as the XMP specification (part 3, 1.1.3.1) has it: the reservation stays
 * in the standard packet, where every reader looks, with `xmpNote:HasExtendedXMP` naming the rest by the MD5 digest
 * of its serialization; the rest goes, whole and unwrapped, into extended segments of at most 65,458 bytes each,
 * every one headed by that digest, the full length and its offset.
 */
function splitIntoExtended(merged: XmlDocument, reservation: Reservation): Uint8Array[] | null {
  removeReservation(merged, reservation, [[XMP_NOTE, 'HasExtendedXMP']]);
  const extended = encoder.encode(serializeXmp(merged));
  if (extended.byteLength > MAX_EXTENDED) return null;
  const guid = hex(md5(extended));
  const standard = emptyXmp();
  applyReservation(standard, reservation);
  const [description] = descriptionsOf(standard);
  description?.setAttributeNS(XMLNS, 'xmlns:xmpNote', XMP_NOTE);
  description?.setAttributeNS(XMP_NOTE, 'xmpNote:HasExtendedXMP', guid);
  const segments = [app1(encoder.encode(XMP_HEADER + wrapPacket(serializeXmp(standard))))];
  for (let offset = 0; offset < extended.byteLength; offset += MAX_EXTENDED_CHUNK) {
    const chunk = extended.subarray(offset, offset + MAX_EXTENDED_CHUNK);
    const header = encoder.encode(EXTENDED_HEADER + guid);
    const payload = new Uint8Array(header.byteLength + 8 + chunk.byteLength);
    const view = new DataView(payload.buffer);
    payload.set(header, 0);
    view.setUint32(header.byteLength, extended.byteLength);
    view.setUint32(header.byteLength + 4, offset);
    payload.set(chunk, header.byteLength + 8);
    segments.push(app1(payload));
  }
  return segments;
}

const isExtendedXmp = (bytes: Uint8Array, segment: Segment) => segment.marker === 0xe1 && ascii(bytes, segment.start + 4, EXTENDED_HEADER.length) === EXTENDED_HEADER;

export function reserveJpeg(bytes: Uint8Array, reservation: Reservation): ReserveResult {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return { ok: false, reason: 'not-jpeg' };
  const structure = segmentsOf(bytes);
  if (!structure) return { ok: false, reason: 'malformed' };
  const existing = structure.segments.find((segment) => isXmp(bytes, segment));
  const existingText = existing ? new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(existing.start + 4 + XMP_HEADER.length, existing.end)) : null;
  const document = existingText === null ? emptyXmp() : parseXmp(existingText.replace(/\0+$/, ''));
  if (!document) return { ok: false, reason: 'unreadable-xmp' };
  applyReservation(document, reservation);
  const payload = encoder.encode(XMP_HEADER + wrapPacket(serializeXmp(document)));
  let written: Uint8Array[];
  if (payload.byteLength <= MAX_SEGMENT_DATA) {
    // The usual case; extended segments the photo already has stay as they are, named by the packet's own note.
    written = [app1(payload)];
  } else {
    // Merging two extended parts would mean rewriting the photo's own: left alone rather than risked.
    if (structure.segments.some((segment) => isExtendedXmp(bytes, segment))) return { ok: false, reason: 'too-large' };
    const split = splitIntoExtended(document, reservation);
    if (!split) return { ok: false, reason: 'too-large' };
    written = split;
  }
  const [cutStart, cutEnd] = existing ? [existing.start, existing.end] : [insertionPoint(bytes, structure.segments), insertionPoint(bytes, structure.segments)];
  const size = written.reduce((sum, segment) => sum + segment.byteLength, 0);
  const out = new Uint8Array(bytes.byteLength - (cutEnd - cutStart) + size);
  out.set(bytes.subarray(0, cutStart), 0);
  let at = cutStart;
  for (const segment of written) {
    out.set(segment, at);
    at += segment.byteLength;
  }
  out.set(bytes.subarray(cutEnd), at);
  return { ok: true, bytes: out, added: out.byteLength - bytes.byteLength };
}
