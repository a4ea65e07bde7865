import type { Plugin } from 'vite';
import { UPLOAD_PATH_FILE } from '../../src/content/upload-path-file';
import { SENDERS_FILE } from '../../src/content/senders-file';
import { standaloneFilePlugin } from './vite-plugin-standalone';

/**
 * The content script's upload path (src/content/upload-path.ts), as one ES module the content script imports on the
 * first file (src/content/index.iife.ts).
 */
export const uploadPathPlugin = (): Plugin =>
  standaloneFilePlugin({ name: 'afterlife-upload-path', entry: 'src/content/upload-path.ts', fileName: UPLOAD_PATH_FILE, format: 'es' });

/**
 * The page-world watchers of photos sent by script (src/main-world/senders.iife.ts), as one classic script the content
 * script adds to the page at the person's first step (src/content/inject-senders.ts): kept out of the hook that
 * every page loads, since each kilobyte injected at load costs every page (docs/performance.md).
 */
export const sendersPlugin = (): Plugin =>
  standaloneFilePlugin({ name: 'afterlife-senders', entry: 'src/main-world/senders.iife.ts', fileName: SENDERS_FILE, format: 'iife' });
