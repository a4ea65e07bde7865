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
      const bytes = new Uint8Array(await file.arrayBuffer());
      const format = sniffImageFormat(bytes.subarray(0, SNIFF_BYTES));
      const result = format ? stripMetadata(bytes, format) : ({ ok: false } as const);
      if (!result.ok) {
        if (format) unchanged++;
        return file;
      }
      cleaned++;
      return new File([result.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type, lastModified: file.lastModified });
    }),
  );
  return { files: out, cleaned, unchanged };
}
