/** Where the Chromium build puts the page-world watchers of photos sent by script (src/main-world/senders.iife.ts),
 *  relative to the extension's root: web-accessible only at a per-session address (manifest.json, `use_dynamic_url`). */
export const SENDERS_FILE = 'src/main-world/senders.js';
