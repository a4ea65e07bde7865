/**
 * Builds unsigned C2PA manifest stores for tests: the boxes, labels and CBOR a reader meets in a real photo, laid
 * out as in the C2PA specification and JUMBF (ISO/IEC 19566-5), without the claim and signature a reader of the
 * training-mining assertion does not need. Test code only: the extension never writes C2PA.
 */
import { encode } from 'cborg';
import { chunk } from '../reserve-png';

const encoder = new TextEncoder();

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
};

const u32 = (value: number) => new Uint8Array([value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]);

export const box = (type: string, content: Uint8Array) => concat(u32(8 + content.byteLength), encoder.encode(type), content);

/** A JUMBF superbox: a description box (a UUID made from a four-character code, toggles "requestable, labelled",
 *  the label) and its content boxes. */
export function superbox(code: string, label: string, children: Uint8Array[]): Uint8Array {
  const uuid = concat(encoder.encode(code), new Uint8Array([0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71]));
  const description = box('jumd', concat(uuid, new Uint8Array([0x03]), encoder.encode(label), new Uint8Array([0])));
  return box('jumb', concat(description, ...children));
}

/** An assertion whose CBOR content is `data`. */
export const assertion = (label: string, data: unknown) => superbox('cbor', label, [box('cbor', encode(data))]);

/** A manifest store whose active (last) manifest holds these assertions; `earlier` manifests come first, as the
 *  manifests of ingredients do. */
export function manifestStore(assertions: Uint8Array[], earlier: Uint8Array[][] = []): Uint8Array {
  const manifest = (items: Uint8Array[], n: number) => superbox('c2ma', `urn:c2pa:00000000-0000-4000-8000-00000000000${n}`, [superbox('c2as', 'c2pa.assertions', items)]);
  return superbox('c2pa', 'c2pa', [...earlier.map((items, n) => manifest(items, n + 1)), manifest(assertions, 0)]);
}

/** The usual CAWG training-mining assertion, with `entries` as CAWG 1.1 has it. */
export const trainingMining = (uses: Record<string, string | { use: string; constraint_info?: string }>, label = 'cawg.training-mining') =>
  assertion(label, { entries: Object.fromEntries(Object.entries(uses).map(([key, value]) => [key, typeof value === 'string' ? { use: value } : value])) });

/** The store in a JPEG's APP11 segments right after SOI, split into segments of at most `perSegment` bytes of content
 *  (the second and later repeat the store's box header, as JPEG XT has it). */
export function jpegWithStore(jpeg: Uint8Array, store: Uint8Array, perSegment = 65_000): Uint8Array {
  const segments: Uint8Array[] = [];
  const header = store.subarray(0, 8);
  let at = 0;
  for (let sequence = 1; at < store.byteLength; sequence++) {
    const room = sequence === 1 ? perSegment : perSegment - 8;
    const part = store.subarray(at, at + room);
    at += part.byteLength;
    const content = concat(encoder.encode('JP'), new Uint8Array([0x00, 0x01]), u32(sequence), sequence === 1 ? part : concat(header, part));
    segments.push(concat(new Uint8Array([0xff, 0xeb, (content.byteLength + 2) >> 8, (content.byteLength + 2) & 0xff]), content));
  }
  return concat(jpeg.subarray(0, 2), ...segments, jpeg.subarray(2));
}

/** The store in a PNG's `caBX` chunk, right after IHDR. */
export function pngWithStore(png: Uint8Array, store: Uint8Array): Uint8Array {
  const afterHeader = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8);
  return concat(png.subarray(0, afterHeader), chunk('caBX', store), png.subarray(afterHeader));
}

/** The store in a WebP's `C2PA` chunk at the end, with the RIFF size updated. */
export function webpWithStore(webp: Uint8Array, store: Uint8Array): Uint8Array {
  const size = new Uint8Array(4);
  new DataView(size.buffer).setUint32(0, store.byteLength, true);
  const out = concat(webp, encoder.encode('C2PA'), size, store, store.byteLength % 2 ? new Uint8Array([0]) : new Uint8Array(0));
  new DataView(out.buffer).setUint32(4, out.byteLength - 8, true);
  return out;
}
