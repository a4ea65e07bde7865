/**
 * The content script: cheap until a photo appears. At page load it only adds a few listeners on `window`; reading
 * files, asking the background and drawing the warning all start when a person chooses, drops or pastes files.
 */
import browser from './extension-api';
import type { Request } from '../shared/protocol';
import { startUploadWatch } from './start';
import type { UploadPathModule } from './upload-path';
import { UPLOAD_PATH_FILE } from './upload-path-file';
import { injectSendersOnFirstStep } from './inject-senders';
import { atFirstStep } from './first-step';
import { FIRST_STEP_EVENT } from '../shared/relay';

let uploadPath: Promise<UploadPathModule> | undefined;

/** The upload path, loaded once, on the first file. Chromium imports it from the extension (a module built on its
 *  own, at a per-session address); the Firefox build bundles it into this script instead (see the build constant). */
function loadUploadPath(): Promise<UploadPathModule> {
  uploadPath ??= (
    __AFTERLIFE_UPLOAD_PATH__ === 'module'
      ? (import(/* @vite-ignore */ browser.runtime.getURL(UPLOAD_PATH_FILE)) as Promise<UploadPathModule>)
      : import('./upload-path')
  ).catch((error: unknown) => {
    uploadPath = undefined; // a later file tries again
    throw error;
  });
  return uploadPath;
}

// First, so the pickers are wrapped before anything else runs at that step: see src/main-world/hook.iife.ts.
atFirstStep(() => window.dispatchEvent(new Event(FIRST_STEP_EVENT)));
startUploadWatch((request: Request) => browser.runtime.sendMessage(request), loadUploadPath);
injectSendersOnFirstStep((path) => browser.runtime.getURL(path));
