import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { MODELS_DIR, TINY_DETECTOR_WEIGHTS, WASM_BINARY } from '../../src/offscreen/model-files';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

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
    { fileName: `${TINY_DETECTOR_WEIGHTS}-weights_manifest.json`, from: join(faceApi, `model/${TINY_DETECTOR_WEIGHTS}-weights_manifest.json`) },
    { fileName: `${TINY_DETECTOR_WEIGHTS}.bin`, from: join(faceApi, `model/${TINY_DETECTOR_WEIGHTS}.bin`) },
    { fileName: WASM_BINARY, from: join(wasm, `dist/${WASM_BINARY}`) },
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
