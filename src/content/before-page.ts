import { anyAutoAction, type AutoActions } from '../core/auto-actions-setting';
import type { AutoActionsSetting } from './auto-actions';
import type { Interceptor } from './detect/types';

/** The photos after the person's automatic actions, with how many each action changed. */
export interface PreparedFiles {
  files: File[];
  cleanedCount: number;
  reservedCount: number;
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
 * "Always clean my photos" and "Always mark my photos not for AI training": holds the person's choice back from the
 * page (the capture listeners run before any of the page's), prepares the photos (cleans, then reserves), then gives
 * the page the prepared copy with fresh input and change events. Only choices that contain images are held back;
 * anything else reaches the page untouched.
 *
 * The setting is read at the person's first step on the page (see auto-actions.ts). Should files arrive before
 * that read has answered (a chooser opened from another frame, or by automation), the choice is held until it
 * has: then prepared, or handed to the page as it was — with fresh, untrusted events, which is why `onReleased`
 * reports those files here rather than leaving them to the detection, which counts only trusted events.
 */
export function createPhotoPreparer(
  setting: AutoActionsSetting,
  /** Cleans and reserves the photos: loaded with the upload path, only once something is to be done. */
  prepare: (files: readonly File[], actions: AutoActions) => Promise<PreparedFiles>,
  onPrepared: (prepared: PreparedFiles, input: HTMLInputElement) => void,
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
    const actions = setting.known();
    if (actions && !anyAutoAction(actions)) return false;
    if (pending.has(input)) {
      event.stopImmediatePropagation();
      return true;
    }
    const files = [...(input.files ?? [])];
    if (files.length === 0 || !files.some((file) => file.type.startsWith('image/') || file.type === '')) return false;
    event.stopImmediatePropagation();
    pending.add(input);
    holdChangesWithin(input.getRootNode());
    void (actions ? Promise.resolve(actions) : setting.read())
      .then(async (now) => {
        if (!anyAutoAction(now)) {
          replaceInputFiles(input, files);
          onReleased(files, input);
          return;
        }
        const prepared = await prepare(files, now);
        replaceInputFiles(input, prepared.files);
        onPrepared(prepared, input);
      })
      .catch(() => replaceInputFiles(input, files))
      .finally(() => pending.delete(input));
    return true;
  };
}
