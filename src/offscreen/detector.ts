/**
 * The face detector: @vladmandic/face-api (TensorFlow.js inside) with weights shipped in the extension under
 * `models/`. Imported dynamically by the offscreen document on its first request, so neither the code (≈1.3 MB)
 * nor the weights are read before a photo is chosen. Nothing is fetched from anywhere but the extension itself.
 */
import { MODELS_DIR, WASM_BINARY } from './model-files';
import type { FaceBackend, FaceModel } from './protocol';

type FaceApi = typeof import('@vladmandic/face-api');

/** Settings of each detector. `tiny` uses face-api's defaults (416 px input, score 0.5): docs/faces.md has the
 *  figures behind them; they were not tuned on the labelled set, which is too small to tune on. */
const SETTINGS = {
  tiny: { inputSize: 416, minScore: 0.5 },
  ssd: { minScore: 0.5 }, // SSD always looks at 512×512
} as const;

/** One face found: its score and where it is, in the pixels of the image given. */
export interface Detection {
  score: number;
  box: { x: number; y: number; width: number; height: number };
}

export interface Detector {
  backend: string;
  loadMs: number;
  /** The default lowest score that counts as a face. */
  minScore: number;
  /** The faces found with at least `minScore`, highest score first. */
  detect(image: HTMLCanvasElement, minScore?: number): Promise<Detection[]>;
}

const loading = new Map<FaceModel, Promise<Detector>>();
let faceApi: Promise<FaceApi> | null = null;

/** The order backends are tried in. WebAssembly first: fast on any CPU, quick to start, the same everywhere; it
 *  needs `'wasm-unsafe-eval'` in the extension pages' CSP and its binary in `models/`, and without them it fails to
 *  start and the next is tried. WebGL is fast on a real GPU but compiles its programs on first use (seconds), and
 *  falls back to a slow software renderer without one. Plain JavaScript works everywhere, slowly. */
const BACKENDS: readonly FaceBackend[] = ['wasm', 'webgl', 'cpu'];

async function importFaceApi(preferred?: FaceBackend): Promise<FaceApi> {
  const faceapi = await import('@vladmandic/face-api');
  const tf = faceapi.tf as unknown as {
    setBackend(name: string): Promise<boolean>;
    ready(): Promise<void>;
    setWasmPaths(paths: Record<string, string>): void;
    env(): { set(flag: string, value: boolean): void };
  };
  // One thread: the threaded build would start its workers from blob: URLs, which `script-src 'self'` forbids.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  // Every name the backend might ask for points at the one binary shipped (it picks by the browser's features).
  const wasm = chrome.runtime.getURL(`${MODELS_DIR}/${WASM_BINARY}`);
  tf.setWasmPaths({ 'tfjs-backend-wasm.wasm': wasm, 'tfjs-backend-wasm-simd.wasm': wasm, 'tfjs-backend-wasm-threaded-simd.wasm': wasm });
  for (const backend of preferred ? [preferred] : BACKENDS) {
    try {
      if (await tf.setBackend(backend)) {
        await tf.ready();
        return faceapi;
      }
    } catch {
      // Try the next backend.
    }
  }
  throw new Error('no TensorFlow.js backend could start');
}

async function load(model: FaceModel, backend?: FaceBackend): Promise<Detector> {
  const started = performance.now();
  faceApi ??= importFaceApi(backend);
  let faceapi: FaceApi;
  try {
    faceapi = await faceApi;
  } catch (error) {
    faceApi = null;
    throw error;
  }
  const settings = SETTINGS[model];
  const net = model === 'tiny' ? faceapi.nets.tinyFaceDetector : faceapi.nets.ssdMobilenetv1;
  // The extension's own copy of the weights: `models/<name>-weights_manifest.json` and the .bin it names. Given as
  // a path on the extension's origin: face-api mangles a `chrome-extension://` address into `chrome-extension:/…`.
  await net.loadFromUri(new URL(chrome.runtime.getURL(MODELS_DIR)).pathname);
  const options = (minScore: number) =>
    model === 'tiny'
      ? new faceapi.TinyFaceDetectorOptions({ inputSize: SETTINGS.tiny.inputSize, scoreThreshold: minScore })
      : new faceapi.SsdMobilenetv1Options({ minConfidence: minScore });
  // One run on a blank image, so compiling the WebGL programs counts as loading, not as the first photo's time.
  const blank = document.createElement('canvas');
  blank.width = 64;
  blank.height = 64;
  await faceapi.detectAllFaces(blank, options(settings.minScore));
  return {
    backend: (faceapi.tf as unknown as { getBackend(): string }).getBackend(),
    loadMs: performance.now() - started,
    minScore: settings.minScore,
    detect: async (image, minScore = settings.minScore) =>
      (await faceapi.detectAllFaces(image, options(minScore)))
        .map(({ score, box: { x, y, width, height } }) => ({ score, box: { x, y, width, height } }))
        .sort((a, b) => b.score - a.score),
  };
}

/** The detector, loaded on the first call and kept for the document's lifetime. A failed load is retried on the
 *  next call. */
export function detector(model: FaceModel = 'tiny', backend?: FaceBackend): Promise<Detector> {
  let pending = loading.get(model);
  if (!pending) {
    pending = load(model, backend);
    loading.set(model, pending);
    pending.catch(() => loading.delete(model));
  }
  return pending;
}

