import { JPEG_HEAD_BYTES, WHOLE_FILE_LIMIT } from '../core/photo/metadata-range';
import { reserveJpeg, type Reservation, type ReserveResult } from '../core/photo/reserve';
import { reservePng } from '../core/photo/reserve-png';
import { reserveWebp } from '../core/photo/reserve-webp';
import { fromBase64, toBase64 } from '../core/rules/signature';
import { isBase64 } from '../shared/base64';

export type ReservePhotoResponse = { headBase64: string } | { error: Exclude<ReserveResult, { ok: true }>['reason'] | 'bad-request' };

/**
 * Writes the person's reservation (an IPTC Data Mining term, by default "no AI or machine-learning training", and
 * their name and copyright line if they gave them) into a JPEG's head, sent by the content script as
 * its first bytes — never the whole of a JPEG, which stays in the page's tab — or into a small PNG or WebP, whose
 * XMP chunk may sit anywhere in the file, so it comes whole (at most 8 MB, as for reading its metadata). The XML parser this needs lives here, not
 * in every page's content script. The head must reach into the image data; the content script appends the rest of
 * the file unchanged.
 */
export function reservePhotoHead(headBase64: unknown, format: unknown, reservation: Reservation): ReservePhotoResponse {
  const writers = { jpeg: reserveJpeg, png: reservePng, webp: reserveWebp } as const;
  if (format !== 'jpeg' && format !== 'png' && format !== 'webp') return { error: 'bad-request' };
  const limit = format === 'jpeg' ? JPEG_HEAD_BYTES : WHOLE_FILE_LIMIT;
  if (!isBase64(headBase64, Math.ceil(limit / 3) * 4)) return { error: 'bad-request' };
  const reserve = writers[format];
  const result = reserve(fromBase64(headBase64), reservation);
  return result.ok ? { headBase64: toBase64(result.bytes) } : { error: result.reason };
}
