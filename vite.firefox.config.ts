import { defineConfig, type UserConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.json' with { type: 'json' };
import chromium from './vite.config';
import { faceModelsPlugin } from './scripts/build/vite-plugin-face-models';
import { bundledRulesPlugin } from './scripts/build/vite-plugin-rules';
import { FIREFOX_MIN_VERSION, firefoxManifest } from './scripts/firefox/firefox-manifest';

// The Firefox build: the same sources, pages and bundled rules as the Chromium build (its build options are reused,
// so a page added there is built here too), with the manifest transformed for Firefox and written to its own folder.
// Content scripts stay standalone IIFEs (*.iife.ts), as in the Chromium build.
if (typeof chromium === 'function' || !chromium.build) {
  throw new Error('vite.firefox.config.ts reuses the build options of vite.config.ts, which must stay a plain object with `build`');
}
const shared = (chromium as UserConfig).build!;
// Firefox has no offscreen documents, so the face counter's page is left out (the background page counts instead).
const { 'offscreen-faces': _offscreen, ...pages } = shared.rollupOptions?.input as Record<string, string>;

export default defineConfig({
  plugins: [
    bundledRulesPlugin(),
    faceModelsPlugin(),
    preact(),
    crx({ manifest: firefoxManifest(manifest) as unknown as Parameters<typeof crx>[0]['manifest'], browser: 'firefox' }),
  ],
  // No offscreen documents in Firefox: the background page, which has a DOM, runs the face detector itself.
  // No use_dynamic_url in Firefox: the upload path stays inside the content script (see virtual-modules.d.ts).
  define: { __AFTERLIFE_FACE_DETECTOR__: JSON.stringify('background'), __AFTERLIFE_UPLOAD_PATH__: JSON.stringify('bundled'), __AFTERLIFE_FILE_INPUT_EVENT_COMPOSED__: JSON.stringify(false), __AFTERLIFE_SENDERS__: JSON.stringify('hook') },
  build: {
    ...shared,
    rollupOptions: { ...shared.rollupOptions, input: pages },
    outDir: 'extension-firefox',
    emptyOutDir: true,
    target: `firefox${FIREFOX_MIN_VERSION.split('.')[0]}`,
  },
});
