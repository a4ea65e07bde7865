/**
 * Finding what might be a photo in a request body a page sends by script (fetch, XMLHttpRequest, sendBeacon,
 * WebSocket), in the page's own world. It only picks candidates, cheaply and without waiting: the isolated content
 * script checks each candidate's bytes itself before anything is said about it (src/content/detect/relay.ts).
 *
 * - a Blob or File: always a candidate (its bytes cannot be read without waiting; the content script reads them);
 * - bytes (ArrayBuffer, a typed array, a DataView): when they start like an image;
 * - text (a string, URLSearchParams, a FormData field): `data:image/…;base64,` URLs, and bare base64 runs that start
 *   like an image, as JSON bodies carry them;
 * - FormData: each of its files, and each of its text fields as text.
 * A ReadableStream body is not looked into: reading it would take it from the page (docs/script-uploads.md).
 */

/** Enough for the longest signature below (HEIC/AVIF `ftyp` at offset 4, WebP's `WEBP` at 8). */
const HEAD = 12;
/** Bodies or text fields smaller than this hold no photo worth a warning (a tracking pixel is not a photo). */
export const MIN_IMAGE_BYTES = 512;
/** The largest text searched for base64: beyond this the page is sending something else entirely. */
const MAX_TEXT_CHARS = 64 * 1024 * 1024;
/** At most this many candidates per body: a form with a hundred photos is still one upload. */
const MAX_CANDIDATES = 20;

/** Whether bytes start like one of the image formats Afterlife reads (the content script decides for sure). */
export function looksLikeImage(head: Uint8Array): boolean {
  const at = (offset: number, ...bytes: number[]) => bytes.every((byte, i) => head[offset + i] === byte);
  return (
    at(0, 0xff, 0xd8, 0xff) || // JPEG
    at(0, 0x89, 0x50, 0x4e, 0x47) || // PNG
    (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) || // RIFF…WEBP
    at(0, 0x47, 0x49, 0x46, 0x38) || // GIF8
    at(4, 0x66, 0x74, 0x79, 0x70) // ISO BMFF `ftyp`: HEIC, AVIF
  );
}

/** Base64 of the start of each format, as it appears at the start of an encoded image. */
const BASE64_STARTS = ['/9j/', 'iVBORw0KGgo', 'UklGR', 'R0lGOD', 'AAAAGGZ0eXB', 'AAAAHGZ0eXB', 'AAAAIGZ0eXB', 'AAAAJGZ0eXB', 'AAAAKGZ0eXB'];
const BASE64_CHAR = /[A-Za-z0-9+/=_-]/;

/** A base64 run starting at `start`, as far as it goes (URL-safe letters allowed). */
function base64Run(text: string, start: number): string {
  // One sticky match rather than a test per letter: a photo is megabytes of base64.
  const run = /[A-Za-z0-9+/=_-]*/y;
  run.lastIndex = start;
  return run.exec(text)?.[0] ?? '';
}

function decodeBase64(run: string): Uint8Array | null {
  const standard = run.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  try {
    const binary = atob(standard + '='.repeat((4 - (standard.length % 4)) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** Images carried as base64 in text: `data:image/…;base64,` URLs and bare runs that start like an image. */
export function imagesInText(raw: string): Uint8Array[] {
  if (raw.length < MIN_IMAGE_BYTES || raw.length > MAX_TEXT_CHARS) return [];
  // JSON may escape every slash ("\/9j\/…").
  const text = raw.includes('\\/') ? raw.replace(/\\\//g, '/') : raw;
  const found: Uint8Array[] = [];
  const take = (start: number) => {
    const run = base64Run(text, start);
    if (run.length < (MIN_IMAGE_BYTES * 4) / 3) return start + Math.max(1, run.length);
    const bytes = decodeBase64(run);
    if (bytes && looksLikeImage(bytes.subarray(0, HEAD))) found.push(bytes);
    return start + run.length;
  };
  // data: URLs first (any image type: the content script decides); then bare base64 the data: URLs did not cover.
  const covered: Array<[number, number]> = [];
  for (let index = text.indexOf('data:image/'); index !== -1 && found.length < MAX_CANDIDATES; index = text.indexOf('data:image/', index + 1)) {
    const comma = text.indexOf(',', index);
    if (comma === -1 || comma - index > 100 || !text.slice(index, comma).includes(';base64')) continue;
    const end = take(comma + 1);
    covered.push([comma + 1, end]);
  }
  for (const start of BASE64_STARTS) {
    for (let index = text.indexOf(start); index !== -1 && found.length < MAX_CANDIDATES; index = text.indexOf(start, index + 1)) {
      // Only at the start of a run: inside another run it is just letters.
      if (index > 0 && BASE64_CHAR.test(text[index - 1]!)) continue;
      if (covered.some(([from, to]) => index >= from && index < to)) continue;
      const end = take(index);
      covered.push([index, end]);
      index = end - 1;
    }
  }
  return found;
}

function bytesOf(body: ArrayBuffer | ArrayBufferView): Uint8Array {
  return body instanceof ArrayBuffer ? new Uint8Array(body) : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

/** The photo candidates in a request body, as Blobs; [] for bodies that cannot hold one. */
export function imageCandidates(body: unknown): Blob[] {
  if (body === null || body === undefined) return [];
  const blobs: Blob[] = [];
  const fromText = (text: string) => {
    for (const bytes of imagesInText(text)) blobs.push(new Blob([bytes as BlobPart]));
  };
  if (body instanceof Blob) {
    if (body.size >= MIN_IMAGE_BYTES) blobs.push(body);
  } else if (typeof body === 'string') {
    fromText(body);
  } else if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    const bytes = bytesOf(body as ArrayBuffer | ArrayBufferView);
    // Copied: the page may reuse its buffer for the next chunk while the content script reads this one.
    if (bytes.byteLength >= MIN_IMAGE_BYTES && looksLikeImage(bytes.subarray(0, HEAD))) blobs.push(new Blob([bytes.slice() as BlobPart]));
  } else if (body instanceof URLSearchParams) {
    // Its text as sent: base64 letters come out percent-encoded ("+" and "/"), so decode first.
    for (const [, value] of body) fromText(value);
  } else if (body instanceof FormData) {
    for (const [, value] of body) {
      if (blobs.length >= MAX_CANDIDATES) break;
      if (typeof value === 'string') fromText(value);
      else if (value.size >= MIN_IMAGE_BYTES) blobs.push(value);
    }
  }
  return blobs.slice(0, MAX_CANDIDATES);
}
