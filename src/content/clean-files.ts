import { sniffImageFormat, SNIFF_BYTES } from '../core/photo/sniff';
import { stripMetadata } from '../core/photo/strip';

export interface CleanedFiles {
  files: File[];
  /** Photos whose metadata was removed. */
  cleaned: number;
  /** Photos that could not be cleaned (format not supported, or malformed) and are passed on unchanged. */
  unchanged: number;
}

/** Copies of the files without location, camera and other metadata; files that cannot be cleaned pass unchanged. */
export async function cleanFiles(files: readonly File[]): Promise<CleanedFiles> {
  let cleaned = 0;
  let unchanged = 0;
  const out = await Promise.all(
    files.map(async (file) => {
      // The first bytes say whether it is a photo: anything else (a video in the same upload) is never read whole.
      const format = sniffImageFormat(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
      if (!format) return file;
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = stripMetadata(bytes, format);
      if (!result.ok) {
        unchanged++;
        return file;
      }
      cleaned++;
      return new File([result.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type, lastModified: file.lastModified });
    }),
  );
  return { files: out, cleaned, unchanged };
}
