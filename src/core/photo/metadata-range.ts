import type { ImageFormat } from './sniff';

/** Metadata lives at the start of JPEG and HEIC/AVIF files; PNG and WebP may keep it after the image data. */
export const JPEG_HEAD_BYTES = 256 * 1024;
export const WHOLE_FILE_LIMIT = 8 * 1024 * 1024;
export const LARGE_FILE_HEAD_BYTES = 512 * 1024;

/** How many bytes from the start of a file to read for its metadata: never the whole of a large photo. */
export function metadataBytesFor(format: ImageFormat, size: number): { length: number; complete: boolean } {
  if (format === 'svg') return { length: 0, complete: true };
  if (format === 'jpeg') return { length: Math.min(size, JPEG_HEAD_BYTES), complete: true };
  if (size <= WHOLE_FILE_LIMIT) return { length: size, complete: true };
  return { length: LARGE_FILE_HEAD_BYTES, complete: false };
}
