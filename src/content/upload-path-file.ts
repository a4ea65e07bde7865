/** Where the Chromium build puts the upload path's module (upload-path.ts), relative to the extension's root: the one
 *  web-accessible resource, reachable only at a per-session address (manifest.json, `use_dynamic_url`). */
export const UPLOAD_PATH_FILE = 'src/content/upload-path.js';
