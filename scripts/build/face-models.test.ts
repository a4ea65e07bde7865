import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const versionOf = (name: string) => (JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string }).version;

describe('the face detector files copied into the build (scripts/build/vite-plugin-face-models.ts)', () => {
  it('the WebAssembly kernels are the version of the TensorFlow.js bundled inside face-api', () => {
    // face-api bundles TensorFlow.js; the .wasm it loads must come from the same release, or the backend refuses
    // to start and faces stay "could not be checked". Upgrade @tensorflow/tfjs-backend-wasm with face-api.
    const bundled = readFileSync(join(packageDir('@vladmandic/face-api'), 'dist/tfjs.version.js'), 'utf8');
    const wasmVersion = versionOf('@tensorflow/tfjs-backend-wasm');
    expect(new Set([...bundled.matchAll(/"(\d+\.\d+\.\d+)"/g)].map((match) => match[1]))).toEqual(new Set([wasmVersion]));
  });
});
