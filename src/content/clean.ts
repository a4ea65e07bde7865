import type { AlwaysCleanSetting } from './always-clean';
import type { CleanedFiles } from './clean-files';
import type { Interceptor } from './detect/types';

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
 *
 * The setting is read at the person's first step on the page (see always-clean.ts). Should files arrive before
 * that read has answered (a chooser opened from another frame, or by automation), the choice is held until it
 * has: then cleaned, or handed to the page as it was — with fresh, untrusted events, which is why `onReleased`
 * reports those files here rather than leaving them to the detection, which counts only trusted events.
 */
export function createCleaner(
  setting: AlwaysCleanSetting,
  /** Cleans the photos: loaded with the upload path, only once something is to be cleaned. */
  clean: (files: readonly File[]) => Promise<CleanedFiles>,
  onCleaned: (files: File[], input: HTMLInputElement, cleaned: number) => void,
  onReleased: (files: File[], input: HTMLInputElement) => void,
): Interceptor {
  const pending = new WeakSet<HTMLInputElement>();
  const guardedRoots = new WeakSet<ShadowRoot>();
  /** A file input fires `input` then `change`. From inside a shadow root `change` is not composed and never
   *  reaches `window`: the held choice's `change` is stopped at the root instead, the first node it reaches. */
  const holdChangesWithin = (root: Node) => {
    if (!(root instanceof ShadowRoot) || guardedRoots.has(root)) return;
    guardedRoots.add(root);
    root.addEventListener(
      'change',
      (event) => {
        if (event.isTrusted && event.target instanceof HTMLInputElement && pending.has(event.target)) event.stopImmediatePropagation();
      },
      true,
    );
  };
  return (event, input) => {
    const alwaysClean = setting.known();
    if (alwaysClean === false) return false;
    if (pending.has(input)) {
      event.stopImmediatePropagation();
      return true;
    }
    const files = [...(input.files ?? [])];
    if (files.length === 0 || !files.some((file) => file.type.startsWith('image/') || file.type === '')) return false;
    event.stopImmediatePropagation();
    pending.add(input);
    holdChangesWithin(input.getRootNode());
    void (alwaysClean === undefined ? setting.read() : Promise.resolve(true))
      .then(async (cleanNow) => {
        if (!cleanNow) {
          replaceInputFiles(input, files);
          onReleased(files, input);
          return;
        }
        const result = await clean(files);
        replaceInputFiles(input, result.files);
        onCleaned(result.files, input, result.cleaned);
      })
      .catch(() => replaceInputFiles(input, files))
      .finally(() => pending.delete(input));
    return true;
  };
}
