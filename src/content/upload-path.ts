/**
 * The part of the content script that only an upload needs: reading the photos, asking the background, the in-page
 * warning with its actions, cleaning, reserving and the face copy — about three quarters of the code. In Chromium it is built
 * as a module of its own (scripts/build/vite-plugin-upload-path.ts) and imported on the first file, so that pages that
 * never get one do not even compile it; what runs at page load is only start.ts with its watchers.
 */
export { createUploadPath } from './upload';
export { prepareFiles } from './prepare-files';
export { handleSentPhotos } from './sent-photos';

export type UploadPathModule = typeof import('./upload-path');
