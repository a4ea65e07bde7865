import { JPEG_HEAD_BYTES } from '../core/photo/metadata-range';
import { readAsBase64 } from './photos';
import type { Send } from './upload';

const isJpeg = async (file: File) => {
  const start = new Uint8Array(await file.slice(0, 3).arrayBuffer());
  return start[0] === 0xff && start[1] === 0xd8 && start[2] === 0xff;
};

const bytesOf = (base64: string) => Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));

/**
 * "Mark it not for AI training": each JPEG's first bytes go to the extension's worker, which writes the reservation
 * into its XMP, and come back; the rest of the file is appended as it was, so the image data is untouched and a
 * large photo is never copied across. A photo the worker cannot reserve safely is handed on unchanged.
 */
export async function reserveFiles(files: readonly File[], send: Send): Promise<{ files: File[]; reserved: number }> {
  let reserved = 0;
  const out = await Promise.all(
    files.map(async (file) => {
      if (!(await isJpeg(file))) return file;
      const head = file.slice(0, JPEG_HEAD_BYTES);
      const answer = (await send({ type: 'reserve-photo', headBase64: await readAsBase64(head) }).catch(() => null)) as { headBase64?: unknown } | null;
      if (!answer || typeof answer.headBase64 !== 'string') return file;
      reserved++;
      return new File([bytesOf(answer.headBase64), file.slice(head.size)], file.name, { type: file.type || 'image/jpeg', lastModified: file.lastModified });
    }),
  );
  return { files: out, reserved };
}
