import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.json' with { type: 'json' };
import { faceModelsPlugin } from './scripts/build/vite-plugin-face-models';
import { bundledRulesPlugin } from './scripts/build/vite-plugin-rules';
import { sendersPlugin, uploadPathPlugin } from './scripts/build/vite-plugin-upload-path';

// Content scripts are named *.iife.ts so crxjs builds each as one standalone IIFE that runs at
// document_start, instead of its default loader that imports a chunk only after the page has loaded
// (too late to see early uploads) and exposes that chunk to every site as a web-accessible resource.
export default defineConfig({
  plugins: [bundledRulesPlugin(), faceModelsPlugin(), uploadPathPlugin(), sendersPlugin(), preact(), crx({ manifest: manifest as Parameters<typeof crx>[0]['manifest'] })],
  define: { __AFTERLIFE_FACE_DETECTOR__: JSON.stringify('offscreen'), __AFTERLIFE_UPLOAD_PATH__: JSON.stringify('module'), __AFTERLIFE_FILE_INPUT_EVENT_COMPOSED__: JSON.stringify(true), __AFTERLIFE_SENDERS__: JSON.stringify('injected') },
  build: {
    outDir: 'extension',
    // Extension pages the manifest does not name: the trainer demo and its simulated sites, and the offscreen
    // document that counts faces (opened by the service worker only when a photo is chosen).
    rollupOptions: {
      input: {
        'offscreen-faces': 'src/offscreen/faces.html',
        demo: 'src/demo/index.html',
        welcome: 'src/welcome/index.html',
        'demo-photo': 'src/demo/sites/photo.html',
        'demo-dating': 'src/demo/sites/dating.html',
        'demo-social': 'src/demo/sites/social.html',
        'demo-blog': 'src/demo/sites/blog.html',
        'demo-archive': 'src/demo/sites/archive.html',
        'demo-selfie': 'src/demo/sites/selfie.html',
      },
    },
    emptyOutDir: true,
    target: 'chrome116',
    sourcemap: false,
    // The extension is read from disk, never downloaded: keep names readable for store reviewers.
    minify: true,
    // The face detector (TensorFlow.js inside face-api, ≈1.3 MB) is one chunk, loaded from disk by the offscreen
    // document only when a photo is chosen; the service worker's chunk holds the metadata parser. Neither is
    // downloaded, so chunk size matters less than on the web: warn only past what these are.
    chunkSizeWarningLimit: 1400,
  },
});
