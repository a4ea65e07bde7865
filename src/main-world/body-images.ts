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

/** An image carried as base64 in text, and where its base64 is (in the text with JSON's escaped slashes undone). */
export interface TextImage {
  bytes: Uint8Array;
  start: number;
  end: number;
}

/** JSON may escape every slash ("\/9j\/…"): positions are in the text with them undone. */
const unescapeSlashes = (raw: string) => (raw.includes('\\/') ? raw.replace(/\\\//g, '/') : raw);

/** Images carried as base64 in text: `data:image/…;base64,` URLs and bare runs that start like an image, in the order
 *  of their position. */
export function imagesInText(raw: string): TextImage[] {
  if (raw.length < MIN_IMAGE_BYTES || raw.length > MAX_TEXT_CHARS) return [];
  const text = unescapeSlashes(raw);
  const found: TextImage[] = [];
  const take = (start: number) => {
    const run = base64Run(text, start);
    if (run.length < (MIN_IMAGE_BYTES * 4) / 3) return start + Math.max(1, run.length);
    const bytes = decodeBase64(run);
    if (bytes && looksLikeImage(bytes.subarray(0, HEAD))) found.push({ bytes, start, end: start + run.length });
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
  return found.sort((a, b) => a.start - b.start);
}

function bytesOf(body: ArrayBuffer | ArrayBufferView): Uint8Array {
  return body instanceof ArrayBuffer ? new Uint8Array(body) : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

/** A body's candidates, found at once, and how to rebuild the body with some of them replaced (`replacements[i]` for
 *  `candidates[i]`; null or missing keeps it). */
interface Plan {
  candidates: Blob[];
  rebuild(replacements: ReadonlyArray<Blob | null>): Promise<unknown>;
}

const KEEP: Plan = { candidates: [], rebuild: async () => undefined };

function textPlan(raw: string): Plan & { rebuild(replacements: ReadonlyArray<Blob | null>): Promise<string | null> } {
  const images = imagesInText(raw);
  return {
    candidates: images.map((image) => new Blob([image.bytes as BlobPart])),
    async rebuild(replacements) {
      if (!images.some((_, i) => replacements[i])) return null;
      const text = unescapeSlashes(raw);
      let out = '';
      let from = 0;
      for (const [i, image] of images.entries()) {
        const replacement = replacements[i];
        if (!replacement) continue;
        out += text.slice(from, image.start) + (await base64Of(replacement));
        from = image.end;
      }
      return out + text.slice(from);
    },
  };
}

/** Finds the candidates in one fixed order, synchronously (so a synchronous `send` can hand them over first). */
function plan(body: unknown): Plan {
  if (body instanceof Blob) return body.size >= MIN_IMAGE_BYTES ? { candidates: [body], rebuild: async ([r]) => r ?? body } : KEEP;
  if (typeof body === 'string') {
    const text = textPlan(body);
    return { candidates: text.candidates, rebuild: async (r) => (await text.rebuild(r)) ?? body };
  }
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    const bytes = bytesOf(body as ArrayBuffer | ArrayBufferView);
    if (bytes.byteLength < MIN_IMAGE_BYTES || !looksLikeImage(bytes.subarray(0, HEAD))) return KEEP;
    // Copied: the page may reuse its buffer for the next chunk while the content script reads this one.
    return { candidates: [new Blob([bytes.slice() as BlobPart])], rebuild: async ([r]) => (r ? r.arrayBuffer() : body) };
  }
  if (body instanceof URLSearchParams || body instanceof FormData) {
    const entries = [...body].map(([name, value]) => {
      const part = typeof value === 'string' ? textPlan(value) : value.size >= MIN_IMAGE_BYTES ? { candidates: [value], rebuild: async ([r]: ReadonlyArray<Blob | null>) => r ?? null } : { candidates: [], rebuild: async () => null };
      return { name, value, part };
    });
    return {
      candidates: entries.flatMap(({ part }) => part.candidates),
      async rebuild(replacements) {
        const rebuilt = body instanceof FormData ? new FormData() : new URLSearchParams();
        let offset = 0;
        let changed = false;
        for (const { name, value, part } of entries) {
          const now = (await part.rebuild(replacements.slice(offset, offset + part.candidates.length))) ?? value;
          offset += part.candidates.length;
          changed ||= now !== value;
          if (rebuilt instanceof FormData && now instanceof Blob) rebuilt.append(name, now, value instanceof File ? value.name : 'blob');
          else rebuilt.append(name, now as string);
        }
        return changed ? rebuilt : body;
      },
    };
  }
  return KEEP;
}

async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The photo candidates in a request body, as Blobs; [] for bodies that cannot hold one. */
export function imageCandidates(body: unknown): Blob[] {
  return plan(body).candidates.slice(0, MAX_CANDIDATES);
}

/** The body with candidates replaced (`replacements[i]` for the i-th of {@link imageCandidates}; null keeps it), or
 *  the body itself when nothing is replaced. */
export async function withImagesReplaced(body: unknown, replacements: ReadonlyArray<Blob | null>): Promise<unknown> {
  if (!replacements.some(Boolean)) return body;
  return (await plan(body).rebuild(replacements.slice(0, MAX_CANDIDATES))) ?? body;
}
