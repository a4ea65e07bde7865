import { JPEG_HEAD_BYTES } from '../core/photo/metadata-range';
import { reserveJpeg, type ReserveResult } from '../core/photo/reserve';
import { fromBase64, toBase64 } from '../core/rules/signature';
import { isBase64 } from '../shared/base64';

export type ReservePhotoResponse = { headBase64: string } | { error: Exclude<ReserveResult, { ok: true }>['reason'] | 'bad-request' };

/**
 * Writes "no AI or machine-learning training" (IPTC Data Mining) into a JPEG's head, sent by the content script as
 * its first bytes — never the whole photo, which stays in the page's tab. The XML parser this needs lives here, not
 * in every page's content script. The head must reach into the image data; the content script appends the rest of
 * the file unchanged.
 */
export function reservePhotoHead(headBase64: unknown): ReservePhotoResponse {
  if (!isBase64(headBase64, Math.ceil(JPEG_HEAD_BYTES / 3) * 4)) return { error: 'bad-request' };
  const result = reserveJpeg(fromBase64(headBase64), { dataMining: 'DMI-PROHIBITED-AIMLTRAINING' });
  return result.ok ? { headBase64: toBase64(result.bytes) } : { error: result.reason };
}
