import { sniffImageFormat, SNIFF_BYTES } from '../core/photo/sniff';
import { stripMetadata } from '../core/photo/strip';
import type { Interceptor } from './detect/types';

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

/** Puts files into an input and tells the page, as if the person had chosen them. */
export function replaceInputFiles(input: HTMLInputElement, files: readonly File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * "Always clean my photos": holds the person's choice back from the page (the capture listeners run before any of
 * the page's), cleans the photos, then gives the page the cleaned copy with fresh input and change events. Only
 * choices that contain images are held back; anything else reaches the page untouched.
 */
export function createCleaner(enabled: () => boolean, onCleaned: (files: File[], input: HTMLInputElement, cleaned: number) => void): Interceptor {
  const pending = new WeakSet<HTMLInputElement>();
  return (event, input) => {
    if (!enabled()) return false;
    const files = [...(input.files ?? [])];
    if (files.length === 0 || !files.some((file) => file.type.startsWith('image/') || file.type === '')) return false;
    event.stopImmediatePropagation();
    if (event.type === 'input' || pending.has(input)) return true;
    pending.add(input);
    void cleanFiles(files)
      .then((result) => {
        replaceInputFiles(input, result.files);
        onCleaned(result.files, input, result.cleaned);
      })
      .catch(() => replaceInputFiles(input, files))
      .finally(() => pending.delete(input));
    return true;
  };
}
