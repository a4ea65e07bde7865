declare module 'virtual:afterlife-rules' {
  import type { RulesData } from './core/rules/types';
  import type { TrustedKey } from './core/rules/signature';
  /** The rules shipped inside the extension, validated at build time. */
  export const bundledRules: RulesData;
  /** `performance.now()` just before the bundled rules were parsed. */
  export const bundledRulesReadFrom: number;
  /** How this build fetches and trusts rule updates. */
  export const updateConfig: { defaultUrl: string; trustedKeys: TrustedKey[]; timeoutMs: number; maxBytes: number };
}

/** Where this build runs the face detector, replaced by a literal at build time (vite's `define`): 'offscreen' in the
 *  Chromium build (its service worker has no DOM), 'background' in the Firefox build (its background is a page with a
 *  DOM, and Firefox has no offscreen documents). A build without a detector would say 'none'. */
declare const __AFTERLIFE_FACE_DETECTOR__: 'offscreen' | 'background' | 'none';

/** How the content script gets its upload path (src/content/upload-path.ts), replaced by a literal at build time:
 *  'module' in the Chromium build (a module of its own, imported on the first file, so pages that never upload do
 *  not compile it), 'bundled' in the Firefox build (inside the content script: Firefox has no `use_dynamic_url`, so a
 *  web-accessible module there would sit at one fixed address for the whole install). */
declare const __AFTERLIFE_UPLOAD_PATH__: 'module' | 'bundled';
/** Where the page-world watchers of photos sent by script come from: `injected` (Chromium: a web-accessible script at
 *  a per-session address, added to the page at the first step by src/content/inject-senders.ts) or `hook` (Firefox,
 *  which has no such address: bundled into the main-world hook and installed at the first step). */
declare const __AFTERLIFE_SENDERS__: 'injected' | 'hook';
/** Whether a file input's `input` event is composed, so that it reaches `window` from inside a shadow root: true in
 *  the Chromium build (as the HTML standard says), false in the Firefox build (Firefox fires it with composed: false,
 *  checked in its browser tests). Only where it is false does the content script watch clicks for shadow-root inputs
 *  (src/content/detect/file-inputs.ts), a listener every page would otherwise pay for at load. */
declare const __AFTERLIFE_FILE_INPUT_EVENT_COMPOSED__: boolean;
