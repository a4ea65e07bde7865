import browser from './extension-api';
import type { SentPath, UploadPath } from '../shared/protocol';
import { lazyAutoActions } from './auto-actions';
import { createPhotoPreparer } from './before-page';
import { watchDrops } from './detect/drops';
import { watchFileInputs } from './detect/file-inputs';
import { watchPaste } from './detect/paste';
import { watchRelay } from './detect/relay';
import type { FilesFound, Interceptor } from './detect/types';
import { atFirstStep } from './first-step';
import { RELAY_CHECKED_EVENT } from '../shared/relay';
import type { DoneBefore, OnFiles, Send } from './upload';
import type { UploadPathModule } from './upload-path';

/**
 * The whole upload path of a page: detection on every path, then the photos' first bytes and metadata, the
 * assessment from the background, and the in-page warning with its actions. Content scripts run it on web pages;
 * the trainer demo runs the very same function on its simulated sites.
 *
 * Every page pays for what runs at load, so at load only three listeners are added here: a choice in a file input
 * (which must be held before any page listener sees it when "always clean" is on) and a paste (which the browser's
 * own Edit menu can make without any step on the page). The rest of the watch is set up at the person's first step
 * on the page, or at the first file should one come without a step (automation): reading "always clean", the relay
 * from the main-world hook (which relays only what it wraps at that step) and drops (which follow their drag entering
 * the page, a first step). Its code is compiled only then, too. The upload path itself (upload-path.ts) is loaded
 * with `loadUploadPath` on the first file, and a page that never gets one does not even compile it.
 */
export function startUploadWatch(
  send: Send,
  /** Loads upload-path.ts once (and tries again after a failure). */
  loadUploadPath: () => Promise<UploadPathModule>,
  /** Only for the trainer demo's simulated sites: see watchRelay. They relay their sample photos at the presenter's
   *  word, without any step in their own frame, so their watch is set up at once. */
  { demo = false }: { demo?: boolean } = {},
): void {
  let watch: Watch | undefined;
  const watchNow = () => (watch ??= setUpWatch(send, loadUploadPath, demo));
  watchFileInputs(
    (...found) => watchNow().onFiles(...found),
    (event, input) => watchNow().intercept(event, input),
  );
  watchPaste((...found) => watchNow().onFiles(...found));
  if (demo) watchNow();
  else atFirstStep(watchNow);
}

interface Watch {
  onFiles: FilesFound;
  intercept: Interceptor;
}

function setUpWatch(send: Send, loadUploadPath: () => Promise<UploadPathModule>, demo: boolean): Watch {
  // "Always clean" and "always mark not for AI training", read now so that they are known before the person's files
  // arrive: see auto-actions.ts.
  const autoActions = lazyAutoActions(() => browser.storage);
  void autoActions.read();

  // Made once, from the module the loader hands over (it loads the module once, and again after a failure).
  let upload: OnFiles | undefined;
  const onFiles = (files: readonly File[], path: UploadPath, input?: HTMLInputElement, doneBefore?: DoneBefore, onChecked?: () => void) => {
    loadUploadPath()
      .then((module) => (upload ??= module.createUploadPath(send))(files, path, input, doneBefore))
      .catch(() => {
        // The extension may have been updated or reloaded under this page; the page's upload is unaffected.
      })
      .finally(onChecked);
  };
  const pathOf = (input: HTMLInputElement): UploadPath => (input.isConnected ? 'file-input' : 'detached-input');
  const preparer = createPhotoPreparer(
    autoActions,
    (files, actions) => loadUploadPath().then((module) => module.prepareFiles(files, actions, send)),
    ({ files, cleanedCount, reservedCount }, input) => onFiles(files, pathOf(input), input, { cleanedCount, reservedCount }),
    (files, input) => onFiles(files, pathOf(input), input),
  );

  // Images sent by script are handled in the upload path's module (sent-photos.ts), loaded with the first of them.
  const onSent = (carrier: HTMLInputElement, path: SentPath) => {
    const onChecked = () => carrier.dispatchEvent(new Event(RELAY_CHECKED_EVENT));
    loadUploadPath()
      .then((module) =>
        module.handleSentPhotos(carrier, path, {
          send,
          readActions: () => autoActions.read(),
          onFiles: (files, sentPath, doneBefore, checked) => onFiles(files, sentPath, undefined, doneBefore, checked),
        }),
      )
      // The module could not load (the extension was reloaded): the page's request goes on at once.
      .catch(onChecked);
  };
  watchRelay(onFiles, preparer, { carrierIsTheUpload: demo }, onSent);
  watchDrops(onFiles);
  return { onFiles, intercept: preparer };
}
