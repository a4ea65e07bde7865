/**
 * Where the face detector's files live in the extension, and their names: shared by the build, which copies them
 * from the npm packages (scripts/build/vite-plugin-face-models.ts), and the detector, which loads them (detector.ts).
 */

/** The folder, relative to the extension's root. */
export const MODELS_DIR = 'models';
/** face-api's name for the tiny face detector's weights: `<name>-weights_manifest.json` and `<name>.bin`. */
export const TINY_DETECTOR_WEIGHTS = 'tiny_face_detector_model';
/** Only the single-threaded SIMD build of the WebAssembly backend is shipped: every browser the extension supports
 *  has WebAssembly SIMD, and the threaded build would start workers from blob: addresses, which the CSP forbids. */
export const WASM_BINARY = 'tfjs-backend-wasm-simd.wasm';
