/**
 * The reservation of reserve.ts, written into a PNG: XMP lives in an uncompressed iTXt chunk with the keyword
 * `XML:com.adobe.xmp` (XMP specification part 3, 1.1.5). The photo's own XMP chunk is rewritten in place; a photo
 * without one gets it right after IHDR. Every other chunk is copied byte for byte.
 */
import { reservedPacket, type Reservation, type ReserveResult } from './reserve';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const XMP_KEYWORD = 'XML:com.adobe.xmp';
const encoder = new TextEncoder();

let crcTable: Uint32Array | null = null;
/** CRC-32 as PNG uses it (ISO 3309, the PNG specification's annex D), over the chunk type and data. */
function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A whole PNG chunk: length, type, data and CRC. */
export function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.byteLength);
  out.set(encoder.encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.byteLength, crc32(out.subarray(4, 8 + data.byteLength)));
  return out;
}

interface Chunk {
  type: string;
  start: number;
  end: number;
}

function chunksOf(bytes: Uint8Array): Chunk[] | null {
  const chunks: Chunk[] = [];
  let at = 8;
  while (at + 12 <= bytes.byteLength) {
    const length = new DataView(bytes.buffer, bytes.byteOffset + at, 4).getUint32(0);
    const end = at + 12 + length;
    if (end > bytes.byteLength) return null;
    chunks.push({ type: String.fromCharCode(...bytes.subarray(at + 4, at + 8)), start: at, end });
    at = end;
  }
  return at === bytes.byteLength && chunks[0]?.type === 'IHDR' ? chunks : null;
}

/** The XMP text of an iTXt chunk with the XMP keyword, uncompressed: null when the chunk is another iTXt. */
function xmpText(bytes: Uint8Array, found: Chunk): string | null | 'compressed' {
  const data = bytes.subarray(found.start + 8, found.end - 4);
  const keywordEnd = data.indexOf(0);
  if (keywordEnd < 0 || String.fromCharCode(...data.subarray(0, keywordEnd)) !== XMP_KEYWORD) return null;
  if (data[keywordEnd + 1] !== 0) return 'compressed';
  // keyword \0, compression flag, method, language tag \0, translated keyword \0, text
  const language = data.indexOf(0, keywordEnd + 3);
  const translated = language < 0 ? -1 : data.indexOf(0, language + 1);
  if (translated < 0) return 'compressed';
  return new TextDecoder('utf-8', { fatal: false }).decode(data.subarray(translated + 1));
}

export function reservePng(bytes: Uint8Array, reservation: Reservation): ReserveResult {
  if (bytes.byteLength < 8 || SIGNATURE.some((value, index) => bytes[index] !== value)) return { ok: false, reason: 'not-png' };
  const chunks = chunksOf(bytes);
  if (!chunks) return { ok: false, reason: 'malformed' };
  let existing: Chunk | undefined;
  let existingText: string | null = null;
  for (const candidate of chunks) {
    if (candidate.type !== 'iTXt') continue;
    const text = xmpText(bytes, candidate);
    if (text === 'compressed') return { ok: false, reason: 'unreadable-xmp' }; // rare; not decompressed here
    if (text !== null) {
      existing = candidate;
      existingText = text;
      break;
    }
  }
  const packet = reservedPacket(existingText, reservation);
  if (packet === null) return { ok: false, reason: 'unreadable-xmp' };
  const header = encoder.encode(`${XMP_KEYWORD}\0\0\0\0\0`);
  const body = encoder.encode(packet);
  const data = new Uint8Array(header.byteLength + body.byteLength);
  data.set(header);
  data.set(body, header.byteLength);
  const written = chunk('iTXt', data);
  const ihdr = chunks[0] as Chunk;
  const [cutStart, cutEnd] = existing ? [existing.start, existing.end] : [ihdr.end, ihdr.end];
  const out = new Uint8Array(bytes.byteLength - (cutEnd - cutStart) + written.byteLength);
  out.set(bytes.subarray(0, cutStart), 0);
  out.set(written, cutStart);
  out.set(bytes.subarray(cutEnd), cutStart + written.byteLength);
  return { ok: true, bytes: out, added: out.byteLength - bytes.byteLength };
}
