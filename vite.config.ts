import { defineConfig } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.json' with { type: 'json' };
import { bundledRulesPlugin } from './scripts/vite-plugin-rules';

// Content scripts are named *.iife.ts so crxjs builds each as one standalone IIFE that runs at
// document_start, instead of its default loader that imports a chunk only after the page has loaded
// (too late to see early uploads) and exposes that chunk to every site as a web-accessible resource.
export default defineConfig({
  plugins: [bundledRulesPlugin(), preact(), crx({ manifest: manifest as Parameters<typeof crx>[0]['manifest'] })],
  build: {
    outDir: 'extension',
    // Extension pages the manifest does not name: the trainer demo and its simulated sites.
    rollupOptions: {
      input: {
        demo: 'src/demo/index.html',
        'demo-photo': 'src/demo/sites/photo.html',
        'demo-dating': 'src/demo/sites/dating.html',
        'demo-social': 'src/demo/sites/social.html',
        'demo-blog': 'src/demo/sites/blog.html',
      },
    },
    emptyOutDir: true,
    target: 'chrome116',
    sourcemap: false,
    // The extension is read from disk, never downloaded: keep names readable for store reviewers.
    minify: true,
  },
});
