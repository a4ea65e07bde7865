import { build, type Plugin, type ResolvedConfig, type Rollup } from 'vite';

/**
 * Builds one entry as a single self-contained file of its own, with nothing imported from other chunks, and adds it
 * to the extension at `fileName`, where manifest.json declares it web-accessible (at a per-session address).
 *
 * Built apart, like @crxjs/vite-plugin builds the content scripts themselves: as an input of the main build, vite
 * would share chunks between it and the extension's pages, and each shared chunk would have to be web-accessible too.
 */
export function standaloneFilePlugin({ name, entry, fileName, format }: { name: string; entry: string; fileName: string; format: 'es' | 'iife' }): Plugin {
  let config: ResolvedConfig;
  return {
    name,
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
            input: entry,
            preserveEntrySignatures: format === 'es' ? 'strict' : false,
            output: { format, entryFileNames: fileName, inlineDynamicImports: true },
          },
        },
      });
      const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
      const chunks = outputs.flatMap((output) => output.output).filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
      const built = chunks.find((chunk) => chunk.isEntry);
      if (!built || chunks.length !== 1) this.error(`${entry} must build to one self-contained file, got ${chunks.length} chunks`);
      this.emitFile({ type: 'asset', fileName, source: built.code });
    },
  };
}
