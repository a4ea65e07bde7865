import { build, type Plugin, type ResolvedConfig, type Rollup } from 'vite';
import { UPLOAD_PATH_FILE } from '../../src/content/upload-path-file';

const ENTRY = 'src/content/upload-path.ts';

/**
 * Builds the content script's upload path (src/content/upload-path.ts) as one module of its own, with nothing
 * imported from other chunks, and adds it to the extension at UPLOAD_PATH_FILE, where manifest.json declares it
 * web-accessible. The content script imports it on the first file (src/content/index.iife.ts).
 *
 * Built apart, like @crxjs/vite-plugin builds the content scripts themselves: as an input of the main build, vite
 * would share chunks between it and the extension's pages, and each shared chunk would have to be web-accessible too.
 */
export function uploadPathPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'afterlife-upload-path',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    async generateBundle() {
      const result = await build({
        root: config.root,
        mode: config.mode,
        configFile: false,
        logLevel: 'silent',
        define: config.define,
        resolve: { alias: config.resolve.alias },
        build: {
          write: false,
          copyPublicDir: false,
          minify: config.build.minify,
          target: config.build.target,
          rollupOptions: {
            input: ENTRY,
            preserveEntrySignatures: 'strict',
            output: { format: 'es', entryFileNames: UPLOAD_PATH_FILE, inlineDynamicImports: true },
          },
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
      const chunks = outputs.flatMap((output) => output.output).filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (!entry || chunks.length !== 1) this.error(`${ENTRY} must build to one self-contained module, got ${chunks.length} chunks`);
      this.emitFile({ type: 'asset', fileName: UPLOAD_PATH_FILE, source: entry.code });
    },
  };
}
