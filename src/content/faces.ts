import type { ImageFormat } from '../core/photo/sniff';
import type { FacesReport, Request } from '../shared/protocol';
import { faceThumbnail } from './face-thumbnail';

/** Formats the page's browser can decode into pixels for the detector (Chromium cannot decode HEIC, TIFF or JPEG
 *  XL; an SVG is a drawing). Photos in other formats leave the count open. */
const DECODABLE: ReadonlySet<ImageFormat> = new Set<ImageFormat>(['jpeg', 'png', 'gif', 'webp', 'avif', 'bmp']);

/** Photos counted per upload: ten take about a second; the rest of a larger upload is not counted, so a large
 *  upload with no face among its first ten stays 'unknown' rather than 0. */
export const MAX_PHOTOS_COUNTED = 10;

/**
 * How many faces the photos of one upload show, counted on the device: each photo is made into a small upright
 * JPEG here (the page's renderer decodes it) and counted by the extension's detector. One photo at a time, so a
 * large upload never holds many decoded photos at once.
 * @returns the total over the photos; 0 only when every photo was counted; 'unknown' when none could be.
 */
export async function countFacesIn(
  photos: ReadonlyArray<{ file: File; format: ImageFormat }>,
  send: (request: Request) => Promise<unknown>,
  thumbnail: (file: File, format: ImageFormat) => Promise<string | null> = faceThumbnail,
): Promise<FacesReport> {
  let total = 0;
  let counted = 0;
  for (const { file, format } of photos.slice(0, MAX_PHOTOS_COUNTED)) {
    if (!DECODABLE.has(format)) continue;
    const jpegBase64 = await thumbnail(file, format);
    if (!jpegBase64) continue;
    const faces = await send({ type: 'count-faces', jpegBase64 }).catch(() => 'unknown');
    if (typeof faces === 'number' && Number.isInteger(faces) && faces >= 0) {
      total += faces;
      counted++;
    }
  }
  if (total > 0) return total;
  return counted > 0 && counted === photos.length ? 0 : 'unknown';
}
