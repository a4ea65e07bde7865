/**
 * `npm run faces:eval -- [--extension DIR] [--configs tiny/wasm,ssd/wasm,tiny/cpu,tiny/webgl] [--runs N] [--json FILE]`
 *
 * Compares face detectors for docs/faces.md: runs each configuration (detector × TensorFlow.js backend) in real
 * Chromium on every labelled photo of e2e/fixtures/faces/ and prints, per configuration, precision, recall and
 * accuracy of "has a face", how often the count is exact, at the default score threshold (0.5) and two stricter
 * ones, the model's load time and the median time per photo. Each photo is chosen in a page through a file input
 * and made into a small upright JPEG there by src/content/face-thumbnail.ts, then counted by the built extension's
 * offscreen document (src/offscreen/), asked from its service worker with the configuration named.
 *
 * The extension ships only the tiny detector's weights; for `ssd` this script copies the build to a temporary
 * folder and adds ssd_mobilenetv1's weights from the npm package there. Nothing is downloaded. The extension's own
 * path (content script, worker, warning) is tested with the same photos by e2e/faces.e2e.ts.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page, Worker } from 'playwright-core';
import { build } from 'vite';
import { closeFaceDetector, EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from '../../e2e/support/browser';
import { median } from './stats';
import { FACES_TARGET, OFFSCREEN_PAGE, type CountFacesResponse, type FaceBackend, type FaceModel } from '../../src/offscreen/protocol';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const FACES_DIR = join(root, 'e2e/fixtures/faces');
const FACE_API_MODELS = join(root, 'node_modules/@vladmandic/face-api/model');

export interface LabelledPhoto {
  file: string;
  faces: number;
  source: string;
  licence: string;
  made: string;
}
export interface Labels {
  photos: LabelledPhoto[];
  undecodable: Array<{ file: string }>;
}

async function readLabels(): Promise<Labels> {
  return JSON.parse(await readFile(join(FACES_DIR, 'labels.json'), 'utf8')) as Labels;
}

/** A module of this repository bundled into one script that defines `globalThis[name]`, to run a module's own
 *  source inside the browser (the built extension does not expose it). */
async function bundleForBrowser(entry: string, name: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      target: 'chrome116',
      lib: { entry: join(root, entry), formats: ['iife'], name, fileName: name },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if ('output' in output) {
      const chunk = output.output.find((item) => item.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return `${chunk.code}\n;globalThis.${name} = ${name};`;
    }
  }
  throw new Error(`bundling ${entry} gave no code`);
}

/** A page where photos are chosen through a real file input and made into the detector's JPEG by the content
 *  script's `faceThumbnail`. */
async function thumbnailPage(browser: ExtensionBrowser): Promise<(file: string) => Promise<{ base64: string | null; ms: number; width: number; height: number }>> {
  const code = await bundleForBrowser('src/content/face-thumbnail.ts', 'AfterlifeFaceThumbnail');
  const page: Page = await browser.context.newPage();
  await page.setContent('<input type="file" id="photo">');
  await page.addScriptTag({ content: code });
  return async (file) => {
    await page.setInputFiles('#photo', join(FACES_DIR, file));
    return page.evaluate(async () => {
      const input = document.getElementById('photo') as HTMLInputElement;
      const chosen = input.files?.[0];
      if (!chosen) throw new Error('no file chosen');
      const api = (globalThis as unknown as { AfterlifeFaceThumbnail: typeof import('../../src/content/face-thumbnail') }).AfterlifeFaceThumbnail;
      const started = performance.now();
      const copy = await api.faceThumbnail(chosen);
      const ms = performance.now() - started;
      let width = 0;
      let height = 0;
      let base64: string | null = null;
      if (copy) {
        const bitmap = await createImageBitmap(copy);
        ({ width, height } = bitmap);
        bitmap.close();
        base64 = btoa(Array.from(new Uint8Array(await copy.arrayBuffer()), (byte) => String.fromCharCode(byte)).join(''));
      }
      return { base64, ms, width, height };
    });
  };
}

/** Asks the offscreen document directly, naming the model, backend and lowest score, for the evaluation's
 *  timings and scores. */
async function detailedCount(worker: Worker, jpegBase64: string, config: Config, minScore: number): Promise<CountFacesResponse> {
  return worker.evaluate(
    async ({ base64, model, backend, minScore: lowest, target, page }) => {
      const url = chrome.runtime.getURL(page);
      const open = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType], documentUrls: [url] });
      if (open.length === 0) await chrome.offscreen.createDocument({ url: page, reasons: ['BLOBS'], justification: 'evaluation' });
      return chrome.runtime.sendMessage({ target, type: 'count-faces', jpegBase64: base64, model, backend, minScore: lowest });
    },
    { base64: jpegBase64, model: config.model, backend: config.backend, minScore, target: FACES_TARGET, page: OFFSCREEN_PAGE },
  ) as Promise<CountFacesResponse>;
}


interface Config {
  model: FaceModel;
  backend: FaceBackend;
}
/** Every detection down to this score is collected, so the figures for any higher threshold come from the same
 *  runs (non-maximum suppression only ever lets a higher score suppress a lower one). */
const LOWEST_SCORE = 0.3;
/** The detectors' default (detector.ts) and two stricter thresholds, for the comparison in docs/faces.md. */
const THRESHOLDS = [0.5, 0.6, 0.7];

interface PhotoResult {
  file: string;
  expected: number;
  /** Scores of the detections, highest first; null when the page could not decode the photo. */
  scores: number[] | null;
  thumbnailMs: number;
  detectMs: number;
  roundTripMs: number;
}
interface Figures {
  threshold: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  exactCounts: number;
  total: number;
}
interface ConfigResult extends Config {
  loadMs: number;
  photos: PhotoResult[];
  figures: Figures[];
  medianDetectMs: number;
  medianRoundTripMs: number;
  medianThumbnailMs: number;
}

const found = (photo: PhotoResult, threshold: number) => photo.scores?.filter((score) => score >= threshold).length ?? null;

function figuresAt(photos: PhotoResult[], threshold: number): Figures {
  const count = (test: (expected: number, faces: number) => boolean) => photos.filter((photo) => test(photo.expected, found(photo, threshold) ?? 0)).length;
  return {
    threshold,
    truePositives: count((expected, faces) => expected > 0 && faces > 0),
    falsePositives: count((expected, faces) => expected === 0 && faces > 0),
    falseNegatives: count((expected, faces) => expected > 0 && faces === 0),
    trueNegatives: count((expected, faces) => expected === 0 && faces === 0),
    exactCounts: count((expected, faces) => expected === faces),
    total: photos.length,
  };
}

async function evaluate(extensionDir: string, configs: Config[], runs: number): Promise<ConfigResult[]> {
  const { photos } = await readLabels();
  // A copy of the build, so the SSD weights added for the comparison never land in the real one.
  const copy = await mkdtemp(join(tmpdir(), 'afterlife-faces-eval-'));
  await cp(extensionDir, copy, { recursive: true });
  if (configs.some((config) => config.model === 'ssd')) {
    for (const file of ['ssd_mobilenetv1_model-weights_manifest.json', 'ssd_mobilenetv1_model.bin']) {
      await cp(join(FACE_API_MODELS, file), join(copy, 'models', file));
    }
  }
  const browser = await launchWithExtension({ extensionDir: copy });
  const results: ConfigResult[] = [];
  try {
    const worker = await browser.worker();
    const thumbnail = await thumbnailPage(browser);
    const thumbnails = new Map<string, { base64: string | null; ms: number }>();
    for (const photo of photos) thumbnails.set(photo.file, await thumbnail(photo.file));
    for (const config of configs) {
      // Each configuration starts cold: a new document imports the detector's code and loads its weights.
      await closeFaceDetector(browser);
      let loadMs = 0;
      const rows: PhotoResult[] = [];
      for (const photo of photos) {
        const made = thumbnails.get(photo.file)!;
        if (!made.base64) {
          rows.push({ file: photo.file, expected: photo.faces, scores: null, thumbnailMs: made.ms, detectMs: 0, roundTripMs: 0 });
          continue;
        }
        const detectTimes: number[] = [];
        const roundTrips: number[] = [];
        let scores: number[] = [];
        // The run that loads the model is not counted as a photo's time: one more run replaces it.
        for (let run = 0; detectTimes.length < runs; run++) {
          const started = performance.now();
          const response = await detailedCount(worker, made.base64, config, LOWEST_SCORE);
          const roundTrip = performance.now() - started;
          if (!response.ok) throw new Error(`${config.model}/${config.backend} on ${photo.file}: ${response.error}`);
          if (response.backend !== config.backend) throw new Error(`asked for ${config.backend}, the document runs ${response.backend}`);
          scores = response.scores;
          if (response.timings.loadMs > 0) {
            loadMs = response.timings.loadMs;
            continue;
          }
          detectTimes.push(response.timings.decodeMs + response.timings.detectMs);
          roundTrips.push(roundTrip);
        }
        rows.push({ file: photo.file, expected: photo.faces, scores, thumbnailMs: made.ms, detectMs: median(detectTimes), roundTripMs: median(roundTrips) });
      }
      results.push({
        ...config,
        loadMs,
        photos: rows,
        figures: THRESHOLDS.map((threshold) => figuresAt(rows, threshold)),
        medianDetectMs: median(rows.filter((row) => row.scores).map((row) => row.detectMs)),
        medianRoundTripMs: median(rows.filter((row) => row.scores).map((row) => row.roundTripMs)),
        medianThumbnailMs: median(rows.map((row) => row.thumbnailMs)),
      });
    }
  } finally {
    await browser.close();
    await rm(copy, { recursive: true, force: true });
  }
  return results;
}

const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(0)}% (${part}/${whole})`);

const ms = (value: number) => `${value.toFixed(0)} ms`;

function report(results: ConfigResult[]): string {
  const lines: string[] = [];
  const name = (result: ConfigResult) => `${result.model}/${result.backend}`;
  const first = results[0];
  if (first) {
    // One table of what each configuration found at the default threshold, with the top score for context.
    lines.push(`| photo | faces | ${results.map(name).join(' | ')} |`, `|---|---|${results.map(() => '---|').join('')}`);
    first.photos.forEach((photo, index) => {
      const cells = results.map((result) => {
        const row = result.photos[index]!;
        const faces = found(row, 0.5);
        if (faces === null) return 'not decoded';
        const top = row.scores && row.scores.length > 0 ? ` (top ${row.scores[0]!.toFixed(2)})` : '';
        const mark = faces === row.expected ? '' : faces > 0 === row.expected > 0 ? ' count off' : ' **wrong**';
        return `${faces}${mark}${top}`;
      });
      lines.push(`| ${photo.file} | ${photo.expected} | ${cells.join(' | ')} |`);
    });
    lines.push('');
  }
  lines.push('| detector | min score | precision | recall | accuracy | exact count | model load | per photo (median) |', '|---|---|---|---|---|---|---|---|');
  for (const result of results) {
    for (const figures of result.figures) {
      const { truePositives: tp, falsePositives: fp, falseNegatives: fn, trueNegatives: tn, total } = figures;
      lines.push(
        `| ${name(result)} | ${figures.threshold} | ${percent(tp, tp + fp)} | ${percent(tp, tp + fn)} | ${percent(tp + tn, total)} | ` +
          `${percent(figures.exactCounts, total)} | ${ms(result.loadMs)} | ${ms(result.medianDetectMs)} detector, ${ms(result.medianRoundTripMs)} round trip |`,
      );
    }
  }
  lines.push('');
  lines.push(`Thumbnail in the page (decode, orient, scale, encode): median ${ms(first?.medianThumbnailMs ?? 0)} per photo.`);
  lines.push('"model load" = importing the detector code, loading the weights and one warm-up run, in a new offscreen document.');
  lines.push('"detector" = decoding the JPEG and detecting in the offscreen document; "round trip" = from the service worker\'s request to its answer.');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const extensionDir = resolve(option('extension') ?? EXTENSION_DIR);
  if (!existsSync(join(extensionDir, OFFSCREEN_PAGE))) {
    throw new Error(`${extensionDir} has no ${OFFSCREEN_PAGE}: build the extension with the offscreen page first (docs/faces.md).`);
  }
  const configs = (option('configs') ?? 'tiny/wasm,ssd/wasm,tiny/cpu,tiny/webgl').split(',').map((entry): Config => {
    const [model, backend] = entry.split('/');
    if ((model !== 'tiny' && model !== 'ssd') || (backend !== 'wasm' && backend !== 'webgl' && backend !== 'cpu')) throw new Error(`unknown configuration ${entry}`);
    return { model, backend };
  });
  const runs = Math.max(1, Number(option('runs') ?? 3));
  const results = await evaluate(extensionDir, configs, runs);
  console.log(report(results));
  const json = option('json');
  if (json) await writeFile(json, JSON.stringify(results, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
