import { JPEG_HEAD_BYTES, WHOLE_FILE_LIMIT } from '../core/photo/metadata-range';
import { SNIFF_BYTES, sniffImageFormat } from '../core/photo/sniff';
import { fromBase64 } from '../core/rules/signature';
import { readAsBase64 } from './photos';
import type { Send } from './send';

/** The formats a reservation can be written into, known from the file's own first bytes (the same sniffer as
 *  detection); a PNG or WebP only up to the size the worker takes whole. */
async function formatOf(file: File): Promise<'jpeg' | 'png' | 'webp' | null> {
  const format = sniffImageFormat(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (format === 'jpeg') return format;
  return (format === 'png' || format === 'webp') && file.size <= WHOLE_FILE_LIMIT ? format : null;
}

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
      return new File([fromBase64(answer.headBase64), file.slice(head.size)], file.name, { type: file.type || 'image/jpeg', lastModified: file.lastModified });
    }),
  );
  return { files: out, reserved };
}
