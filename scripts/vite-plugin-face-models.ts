import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The folder in the extension the offscreen document loads the detector's files from (src/offscreen/detector.ts). */
export const MODELS_DIR = 'models';

/**
 * The files the face detector needs at run time, copied from the npm packages the lockfile pins (so their versions
 * and integrity hashes are checked by `npm ci`, and no binary lives in git): the tiny face detector's weights
 * (@vladmandic/face-api), the WebAssembly build of TensorFlow.js's kernels that matches the TensorFlow.js inside
 * face-api (@tensorflow/tfjs-backend-wasm, same 4.22.0), and the licences they ship under.
 */
function faceModelFiles(): Array<{ fileName: string; from: string }> {
  const faceApi = packageDir('@vladmandic/face-api');
  const wasm = packageDir('@tensorflow/tfjs-backend-wasm');
  return [
    { fileName: 'tiny_face_detector_model-weights_manifest.json', from: join(faceApi, 'model/tiny_face_detector_model-weights_manifest.json') },
    { fileName: 'tiny_face_detector_model.bin', from: join(faceApi, 'model/tiny_face_detector_model.bin') },
    // Only the single-threaded SIMD build: every Chromium the extension supports has WebAssembly SIMD, and the
    // threaded build would start workers from blob: addresses, which the extension's CSP forbids.
    { fileName: 'tfjs-backend-wasm-simd.wasm', from: join(wasm, 'dist/tfjs-backend-wasm-simd.wasm') },
    { fileName: 'LICENSE-face-api.txt', from: join(faceApi, 'LICENSE') },
    { fileName: 'LICENSE-tensorflow-js-Apache-2.0.txt', from: join(root, 'third-party/Apache-2.0.txt') },
  ];
}

/** Adds the face detector's weights, WebAssembly and licences to the Chromium build under `models/`. */
export function faceModelsPlugin(): Plugin {
  return {
    name: 'afterlife-face-models',
    apply: 'build',
    generateBundle() {
      for (const { fileName, from } of faceModelFiles()) {
        this.emitFile({ type: 'asset', fileName: `${MODELS_DIR}/${fileName}`, source: readFileSync(from) });
      }
    },
  };
}
