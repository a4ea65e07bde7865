import { metadataBytesFor } from '../core/photo/metadata-range';
import { classifyFile, SNIFF_BYTES } from '../core/photo/sniff';
import type { PhotoSummary, ReportedPhoto } from '../shared/protocol';

/** Reads only the first bytes of each file to tell photos from other files; nothing else is read here. */
export async function photosAmong(files: readonly File[]): Promise<Array<{ file: File; summary: PhotoSummary }>> {
  const checked = await Promise.all(
    files.map(async (file) => {
      let head: Uint8Array;
      try {
        head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
      } catch {
        return null; // Unreadable (deleted, permission revoked): not something we can say anything about.
      }
      const format = classifyFile(file.type, head);
      return format ? { file, summary: { name: file.name, type: file.type, size: file.size, format } } : null;
    }),
  );
  return checked.filter((entry): entry is NonNullable<typeof entry> => entry !== null);
}

/** One person's choice can arrive several ways at once (a drop onto a file input fires `drop`, `input` and
 *  `change`); the same files within a short window count once. */
export function createRepeatFilter(windowMs = 1500): (files: readonly File[]) => boolean {
  const seen = new Map<string, number>();
  return (files) => {
    const now = Date.now();
    for (const [key, at] of seen) if (now - at > windowMs) seen.delete(key);
    const key = files
      .map((file) => `${file.name}\u0000${file.size}\u0000${file.lastModified}\u0000${file.type}`)
      .sort()
      .join('\u0001');
    if (seen.has(key)) return true;
    seen.set(key, now);
    return false;
  };
}

/** A blob as base64 (without a `data:` prefix), with the browser's own encoder; '' when it cannot be read. */
export function readAsBase64(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => resolve('');
    reader.readAsDataURL(blob);
  });
}

/** Total bytes read for metadata in one upload, so a hundred large PNGs cannot make a huge message. */
const UPLOAD_METADATA_BUDGET = 24 * 1024 * 1024;

/** Each photo with the bytes its metadata needs: the first 256 KiB of a JPEG, never the whole of a large photo. */
export async function withMetadataBytes(photos: Array<{ file: File; summary: PhotoSummary }>): Promise<ReportedPhoto[]> {
  let budget = UPLOAD_METADATA_BUDGET;
  return Promise.all(
    photos.map(({ file, summary }) => {
      const { length } = metadataBytesFor(summary.format, file.size);
      const take = Math.min(length, budget);
      budget -= take;
      return take > 0 ? readAsBase64(file.slice(0, take)).then((metadataBytes) => ({ ...summary, metadataBytes })) : { ...summary, metadataBytes: '' };
    }),
  );
}
