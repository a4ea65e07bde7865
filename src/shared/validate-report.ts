import type { ImageFormat } from '../core/photo/sniff';
import type { PageVisibility } from '../core/risk/types';
import { validPageSignals } from '../core/page-signals';
import { isBase64 } from './base64';
import type { FacesReport, ReportedPhoto, UploadPath, UploadReport } from './protocol';

const PATHS: readonly UploadPath[] = ['file-input', 'detached-input', 'drop', 'paste', 'file-picker', 'script', 'camera'];
const FORMATS: readonly ImageFormat[] = ['jpeg', 'png', 'gif', 'webp', 'heic', 'avif', 'bmp', 'tiff', 'jxl', 'svg'];
const VISIBILITIES: readonly PageVisibility[] = ['public', 'members', 'private', 'unknown'];
const MAX_PHOTOS = 1000;
/** Base64 of at most the bytes content scripts read for metadata (8 MiB a photo). */
const MAX_METADATA_CHARS = Math.ceil((8 * 1024 * 1024) / 3) * 4;

const oneOf = <T extends string>(allowed: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value);

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '');

/** More faces than any photo of people plausibly shows: a larger count is not believed. */
const MAX_FACES = 10_000;
const facesOf = (value: unknown): FacesReport =>
  value === 'pending' || (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_FACES) ? value : 'unknown';

/** The background's view of a report from a content script: only known values, bounded sizes. Returns null for
 *  anything that is not a report. */
export function validateReport(raw: unknown): UploadReport | null {
  if (!raw || typeof raw !== 'object') return null;
  const report = raw as Record<string, unknown>;
  if (!oneOf(PATHS, report.path) || !Array.isArray(report.photos)) return null;
  const photos: ReportedPhoto[] = [];
  for (const entry of report.photos.slice(0, MAX_PHOTOS)) {
    if (!entry || typeof entry !== 'object') continue;
    const photo = entry as Record<string, unknown>;
    if (!oneOf(FORMATS, photo.format)) continue;
    const size = typeof photo.size === 'number' && Number.isFinite(photo.size) && photo.size >= 0 ? photo.size : 0;
    const bytes = photo.metadataBytes;
    const metadataBytes = isBase64(bytes, MAX_METADATA_CHARS) ? bytes : '';
    photos.push({ name: text(photo.name, 255), type: text(photo.type, 100), size, format: photo.format, metadataBytes });
  }
  if (photos.length === 0) return null;
  const pageLicence = typeof report.pageLicence === 'string' && /^[a-z0-9.-]{1,64}$/.test(report.pageLicence) ? report.pageLicence : null;
  const visibility = oneOf(VISIBILITIES, report.visibility) ? report.visibility : 'unknown';
  return { path: report.path, photos, pageLicence, visibility, faces: facesOf(report.faces), pageSignals: validPageSignals(report.pageSignals) };
}
