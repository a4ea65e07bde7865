/**
 * The content script: cheap until a photo appears. At page load it only adds a few listeners on `window`; reading
 * files, asking the background and drawing the warning all start when a person chooses, drops or pastes files.
 */
import browser from './extension-api';
import type { Request } from '../shared/protocol';
import { startUploadWatch } from './start';

startUploadWatch((request: Request) => browser.runtime.sendMessage(request));
