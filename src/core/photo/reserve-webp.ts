/**
 * The reservation of reserve.ts, written into a WebP: XMP lives in an `XMP ` chunk, which only the extended format
 * may carry, with the XMP flag set in its VP8X header (Google's WebP container specification,
 * https://developers.google.com/speed/webp/docs/riff_container). A simple WebP (one VP8 or VP8L chunk) gets a VP8X
 * header made from its own bitstream's size; the image chunks are copied byte for byte.
 */
import { reservedPacket, type Reservation, type ReserveResult } from './reserve';

const encoder = new TextEncoder();
const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));
const XMP_FLAG = 0x04;
const ALPHA_FLAG = 0x10;

interface Chunk {
  fourcc: string;
  start: number;
  /** The end of the chunk, its padding byte included. */
  end: number;
  size: number;
}

function chunksOf(bytes: Uint8Array): Chunk[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 20 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') return null;
  if (view.getUint32(4, true) + 8 !== bytes.byteLength) return null;
  const chunks: Chunk[] = [];
  let at = 12;
  while (at + 8 <= bytes.byteLength) {
    const size = view.getUint32(at + 4, true);
    const end = at + 8 + size + (size % 2);
    if (end > bytes.byteLength) return null;
    chunks.push({ fourcc: ascii(bytes, at, 4), start: at, end, size });
    at = end;
  }
  return at === bytes.byteLength && chunks.length > 0 ? chunks : null;
}

function chunk(fourcc: string, data: Uint8Array): Uint8Array {
  const padded = data.byteLength % 2;
  const out = new Uint8Array(8 + data.byteLength + padded);
  out.set(encoder.encode(fourcc), 0);
  new DataView(out.buffer).setUint32(4, data.byteLength, true);
  out.set(data, 8);
  return out;
}

/** A VP8X header for a simple WebP: its canvas is the bitstream's own size (VP8: frame header; VP8L: its header). */
function vp8xFor(bytes: Uint8Array, image: Chunk): Uint8Array | null {
  const data = bytes.subarray(image.start + 8, image.start + 8 + image.size);
  let width: number;
  let height: number;
  let flags = XMP_FLAG;
  if (image.fourcc === 'VP8 ' && data.byteLength >= 10 && data[3] === 0x9d && data[4] === 0x01 && data[5] === 0x2a) {
    width = ((data[6] ?? 0) | ((data[7] ?? 0) << 8)) & 0x3fff;
    height = ((data[8] ?? 0) | ((data[9] ?? 0) << 8)) & 0x3fff;
  } else if (image.fourcc === 'VP8L' && data.byteLength >= 5 && data[0] === 0x2f) {
    const bits = new DataView(data.buffer, data.byteOffset + 1, 4).getUint32(0, true);
    width = (bits & 0x3fff) + 1;
    height = ((bits >>> 14) & 0x3fff) + 1;
    if ((bits >>> 28) & 1) flags |= ALPHA_FLAG;
  } else {
    return null;
  }
  if (width < 1 || height < 1) return null;
  const payload = new Uint8Array(10);
  payload[0] = flags;
  const view = new DataView(payload.buffer);
  view.setUint16(4, (width - 1) & 0xffff, true);
  payload[6] = ((width - 1) >>> 16) & 0xff;
  view.setUint16(7, (height - 1) & 0xffff, true);
  payload[9] = ((height - 1) >>> 16) & 0xff;
  return chunk('VP8X', payload);
}

export function reserveWebp(bytes: Uint8Array, reservation: Reservation): ReserveResult {
  if (bytes.byteLength < 12 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') return { ok: false, reason: 'not-webp' };
  const chunks = chunksOf(bytes);
  if (!chunks) return { ok: false, reason: 'malformed' };
  const existing = chunks.find((candidate) => candidate.fourcc === 'XMP ');
  const existingText = existing ? new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(existing.start + 8, existing.start + 8 + existing.size)) : null;
  const packet = reservedPacket(existingText, reservation);
  if (packet === null) return { ok: false, reason: 'unreadable-xmp' };
  const xmp = chunk('XMP ', encoder.encode(packet));

  const parts: Uint8Array[] = [];
  const header = chunks[0] as Chunk;
  if (header.fourcc === 'VP8X') {
    const vp8x = bytes.slice(header.start, header.end);
    vp8x[8] = (vp8x[8] ?? 0) | XMP_FLAG;
    parts.push(vp8x);
  } else {
    const made = chunks.length === 1 ? vp8xFor(bytes, header) : null;
    if (!made) return { ok: false, reason: 'malformed' };
    parts.push(made, bytes.subarray(header.start, header.end));
  }
  // The other chunks as they were; the XMP chunk last, where the container specification puts it.
  for (const other of chunks.slice(1)) if (other !== existing) parts.push(bytes.subarray(other.start, other.end));
  parts.push(xmp);
  const total = 12 + parts.reduce((sum, part) => sum + part.byteLength, 0);
  const out = new Uint8Array(total);
  out.set(bytes.subarray(0, 12), 0);
  new DataView(out.buffer).setUint32(4, total - 8, true);
  let at = 12;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return { ok: true, bytes: out, added: out.byteLength - bytes.byteLength };
}
