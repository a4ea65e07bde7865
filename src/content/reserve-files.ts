import { JPEG_HEAD_BYTES, WHOLE_FILE_LIMIT } from '../core/photo/metadata-range';
import { readAsBase64 } from './photos';
import type { Send } from './upload';

/** What the photo's first bytes say it is, among the formats a reservation can be written into. */
const formatOf = async (file: File): Promise<'jpeg' | 'png' | 'webp' | null> => {
  const start = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const text = (from: number, to: number) => String.fromCharCode(...start.subarray(from, to));
  if (start[0] === 0xff && start[1] === 0xd8 && start[2] === 0xff) return 'jpeg';
  if (file.size > WHOLE_FILE_LIMIT) return null;
  if (start[0] === 0x89 && text(1, 4) === 'PNG') return 'png';
  if (text(0, 4) === 'RIFF' && text(8, 12) === 'WEBP') return 'webp';
  return null;
};

const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));

/**
 * "Mark it not for AI training": each JPEG's first bytes (a PNG or WebP of up to 8 MB whole) go to the extension's worker,
 * which writes the reservation into its XMP, and come back; the rest of the file is appended as it was, so the image
 * data is untouched and a large JPEG is never copied across. A photo the worker cannot reserve safely is handed on
 * unchanged.
 */
export async function reserveFiles(files: readonly File[], send: Send): Promise<{ files: File[]; reserved: number }> {
  let reserved = 0;
  const out = await Promise.all(
    files.map(async (file) => {
      const format = await formatOf(file);
      if (!format) return file;
      // A JPEG's XMP is near its start; a PNG's or WebP's may follow the image data, so a (small) one goes whole.
      const head = format === 'jpeg' ? file.slice(0, JPEG_HEAD_BYTES) : file;
      const answer = (await send({ type: 'reserve-photo', headBase64: await readAsBase64(head), format }).catch(() => null)) as { headBase64?: unknown } | null;
      if (!answer || typeof answer.headBase64 !== 'string') return file;
      reserved++;
      return new File([bytesOf(answer.headBase64), file.slice(head.size)], file.name, { type: file.type || 'image/jpeg', lastModified: file.lastModified });
    }),
  );
  return { files: out, reserved };
}
