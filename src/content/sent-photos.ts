/**
 * Images a page sends by script, handed over on the relay in a carrier input (src/main-world/script-uploads.ts).
 * Part of the upload path's module, loaded on the first of them: the content script that every page loads keeps only
 * the branch that hands the carrier here.
 */
import { anyAutoAction, type AutoActions } from '../core/auto-actions-setting';
import { RELAY_CHECKED_EVENT, REPLACEABLE_ATTRIBUTE } from '../shared/relay';
import type { SentPath, UploadPath } from '../shared/protocol';
import { prepareFiles } from './prepare-files';
import type { Send } from './send';
import type { DoneBefore } from './upload';

export interface SentPhotoDeps {
  send: Send;
  /** The person's "always clean" and "always mark" (read once, then followed). */
  readActions(): Promise<AutoActions>;
  /** Assesses and warns like a choice; `onChecked` once the first warning is up (or there is nothing to say). */
  onFiles(files: readonly File[], path: UploadPath, doneBefore: DoneBefore | undefined, onChecked: () => void): void;
}

/**
 * Checks the carrier's images and says so on the carrier when done: a `fetch` waits for that. When the request can
 * send copies (`fetch` only) and the person chose "always clean" or "always mark", the prepared copies go back in the
 * carrier first, in the same order, for the page's world to send instead; then the images are assessed like a choice.
 */
export async function handleSentPhotos(carrier: HTMLInputElement, path: SentPath, deps: SentPhotoDeps): Promise<void> {
  const files = [...(carrier.files ?? [])];
  const checked = (prepared?: readonly File[]) => {
    if (prepared && prepared.some((file, i) => file !== files[i])) {
      const transfer = new DataTransfer();
      for (const file of prepared) transfer.items.add(file);
      carrier.files = transfer.files;
    }
    carrier.dispatchEvent(new Event(RELAY_CHECKED_EVENT));
  };
  if (files.length === 0) return checked();
  try {
    const actions = carrier.hasAttribute(REPLACEABLE_ATTRIBUTE) ? await deps.readActions() : null;
    if (actions && anyAutoAction(actions)) {
      const prepared = await prepareFiles(files, actions, deps.send);
      deps.onFiles(prepared.files, path, { cleanedCount: prepared.cleanedCount, reservedCount: prepared.reservedCount }, () => checked(prepared.files));
      return;
    }
  } catch {
    // Nothing could be prepared: the page sends what it had, and the person is still warned.
  }
  deps.onFiles(files, path, undefined, () => checked());
}
