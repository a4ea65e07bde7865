import type { ImageFormat } from '../core/photo/sniff';
import { isFaceBox, type FaceBox } from '../offscreen/protocol';
import type { FacesReport, Request } from '../shared/protocol';
import { faceThumbnail } from './face-thumbnail';
import { readAsBase64 } from './photos';

/** Formats the page's browser can decode into pixels for the detector (Chromium cannot decode HEIC, TIFF or JPEG
 *  XL; an SVG is a drawing). Photos in other formats leave the count open. */
const DECODABLE: ReadonlySet<ImageFormat> = new Set<ImageFormat>(['jpeg', 'png', 'gif', 'webp', 'avif', 'bmp']);

/** Photos counted per upload: ten take about a second; the rest of a larger upload is not counted, so a large
 *  upload with no face among its first ten stays 'unknown' rather than 0. */
export const MAX_PHOTOS_COUNTED = 10;

/** One photo as the detector saw it: the small upright copy it was given, and the faces it found there. Kept in the
 *  page's memory with the upload, for the "what a scraper sees" panel; never stored. */
export interface PhotoSeen {
  /** The photo's place in the upload. */
  index: number;
  copy: Blob;
  /** Null when the detector could not tell. */
  boxes: FaceBox[] | null;
}

export interface FacesCounted {
  total: FacesReport;
  seen: PhotoSeen[];
}

/** The detector's answer, checked: a count, and boxes that are boxes (at most one per face counted). */
function readAnswer(answer: unknown): { faces: number; boxes: FaceBox[] } | null {
  if (!answer || typeof answer !== 'object') return null;
  const { faces, boxes } = answer as { faces?: unknown; boxes?: unknown };
  if (typeof faces !== 'number' || !Number.isInteger(faces) || faces < 0) return null;
  return { faces, boxes: Array.isArray(boxes) ? boxes.filter(isFaceBox).slice(0, faces) : [] };
}

/**
 * How many faces the photos of one upload show, counted on the device: each photo is made into a small upright
 * JPEG here (the page's renderer decodes it) and counted by the extension's detector. One photo at a time, so a
 * large upload never holds many decoded photos at once.
 * @returns the total over the photos (0 only when every photo was counted; 'unknown' when none could be), and each
 *   photo's copy with where its faces are.
 */
export async function countFacesIn(
  photos: ReadonlyArray<{ file: File; format: ImageFormat }>,
  send: (request: Request) => Promise<unknown>,
  thumbnail: (file: File, format: ImageFormat) => Promise<Blob | null> = faceThumbnail,
  encode: (copy: Blob) => Promise<string> = readAsBase64,
): Promise<FacesCounted> {
  let total = 0;
  let counted = 0;
  const seen: PhotoSeen[] = [];
  for (const [index, { file, format }] of photos.slice(0, MAX_PHOTOS_COUNTED).entries()) {
    if (!DECODABLE.has(format)) continue;
    const copy = await thumbnail(file, format);
    if (!copy) continue;
    const jpegBase64 = await encode(copy);
    const answer = jpegBase64 ? readAnswer(await send({ type: 'count-faces', jpegBase64 }).catch(() => null)) : null;
    seen.push({ index, copy, boxes: answer?.boxes ?? null });
    if (answer) {
      total += answer.faces;
      counted++;
    }
  }
  if (total > 0) return { total, seen };
  return { total: counted > 0 && counted === photos.length ? 0 : 'unknown', seen };
}
