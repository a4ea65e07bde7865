import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../../../scripts/rules/rules-files';
import { readTrainingMining } from './c2pa';
import { assertion, box, jpegWithStore, manifestStore, pngWithStore, superbox, trainingMining, webpWithStore } from './test-support/c2pa-store';

const sample = (name: string) => new Uint8Array(readFileSync(join(PROJECT_DIR, 'e2e/fixtures/photos', name)));
const work = mkdtempSync(join(tmpdir(), 'afterlife-c2pa-'));
const JPEG = sample('beach.jpg');

/** What Debian's exiftool decodes from the photo's JUMBF and CBOR, one `[Group] Tag: value` line each: the
 *  independent check of our test stores. */
function exiftoolCbor(bytes: Uint8Array, extension: string): string[] {
  const file = join(work, `photo-${Math.random().toString(36).slice(2)}.${extension}`);
  writeFileSync(file, bytes);
  return execFileSync('exiftool', ['-a', '-G1', '-s', '-CBOR:all', '-JUMBF:all', file], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.replace(/\s+:\s/, ': ').replace(/^\[(\w+)\]\s+/, '[$1] ').trim());
}

const REFUSED = { 'cawg.ai_generative_training': 'notAllowed', 'cawg.ai_training': 'notAllowed' };

describe('reading a C2PA training-and-data-mining assertion', () => {
  it('reads the CAWG assertion in a JPEG, as exiftool does', () => {
    const photo = jpegWithStore(JPEG, manifestStore([trainingMining({ ...REFUSED, 'cawg.data_mining': 'allowed', 'cawg.ai_inference': { use: 'constrained', constraint_info: 'ask first' } })]));
    expect(readTrainingMining(photo, 'jpeg')).toEqual({
      found: { label: 'cawg.training-mining', uses: { ai_generative_training: 'notAllowed', ai_training: 'notAllowed', ai_inference: 'constrained', data_mining: 'allowed' } },
    });
    expect(exiftoolCbor(photo, 'jpg')).toEqual(
      expect.arrayContaining([
        '[JUMBF] JUMDLabel: c2pa.assertions',
        '[JUMBF] JUMDLabel: cawg.training-mining',
        '[CBOR] EntriesCawgAi_Generative_TrainingUse: notAllowed',
        '[CBOR] EntriesCawgAi_TrainingUse: notAllowed',
        '[CBOR] EntriesCawgData_MiningUse: allowed',
        '[CBOR] EntriesCawgAi_InferenceUse: constrained',
      ]),
    );
  });

  it('joins a store split over several APP11 segments', () => {
    const padding = assertion('c2pa.thumbnail.claim', { data: new Uint8Array(150_000) });
    const photo = jpegWithStore(JPEG, manifestStore([padding, trainingMining(REFUSED)]), 60_000);
    expect(readTrainingMining(photo, 'jpeg')).toMatchObject({ found: { uses: { ai_training: 'notAllowed' } } });
  });

  it('reads the PNG caBX chunk and the WebP C2PA chunk', () => {
    const store = manifestStore([trainingMining(REFUSED)]);
    expect(readTrainingMining(pngWithStore(sample('portrait.png'), store), 'png')).toMatchObject({ found: { label: 'cawg.training-mining' } });
    expect(readTrainingMining(webpWithStore(sample('meta/gps-camera.webp'), store), 'webp')).toMatchObject({ found: { label: 'cawg.training-mining' } });
  });

  it('reads the older C2PA 1.x assertion, and a second assertion of its kind by its __1 label', () => {
    const older = trainingMining({ 'c2pa.ai_training': 'notAllowed' }, 'c2pa.training-mining');
    expect(readTrainingMining(jpegWithStore(JPEG, manifestStore([older])), 'jpeg')).toEqual({ found: { label: 'c2pa.training-mining', uses: { ai_training: 'notAllowed' } } });
    const suffixed = trainingMining(REFUSED, 'cawg.training-mining__1');
    expect(readTrainingMining(jpegWithStore(JPEG, manifestStore([suffixed])), 'jpeg')).toMatchObject({ found: { label: 'cawg.training-mining' } });
  });

  it("reads the active manifest (the last), not an ingredient's", () => {
    const store = manifestStore([assertion('c2pa.actions', { actions: [] })], [[trainingMining(REFUSED)]]);
    expect(readTrainingMining(jpegWithStore(JPEG, store), 'jpeg')).toEqual({ none: true });
  });

  it('says none for photos without a manifest, or a manifest without the assertion', () => {
    expect(readTrainingMining(JPEG, 'jpeg')).toEqual({ none: true });
    expect(readTrainingMining(sample('portrait.png'), 'png')).toEqual({ none: true });
    expect(readTrainingMining(jpegWithStore(JPEG, manifestStore([assertion('c2pa.actions', { actions: [] })])), 'jpeg')).toEqual({ none: true });
  });

  it('says unreadable, never a guess, for a cut-off store, broken CBOR or a store that is not C2PA', () => {
    const photo = jpegWithStore(JPEG, manifestStore([trainingMining(REFUSED)]));
    expect(readTrainingMining(photo.subarray(0, 60), 'jpeg')).toEqual({ unreadable: true });
    const brokenCbor = superbox('cbor', 'cawg.training-mining', [box('cbor', new Uint8Array([0xbf, 0x61]))]);
    expect(readTrainingMining(jpegWithStore(JPEG, manifestStore([brokenCbor])), 'jpeg')).toEqual({ unreadable: true });
    expect(readTrainingMining(jpegWithStore(JPEG, superbox('xxxx', 'not-c2pa', [])), 'jpeg')).toEqual({ unreadable: true });
  });

  it('ignores uses it does not know and keys that would be dangerous as object keys', () => {
    const odd = trainingMining({ 'cawg.ai_training': 'maybe', __proto__: 'notAllowed', 'cawg.data_mining': 'notAllowed' } as Record<string, string>);
    expect(readTrainingMining(jpegWithStore(JPEG, manifestStore([odd])), 'jpeg')).toEqual({ found: { label: 'cawg.training-mining', uses: { data_mining: 'notAllowed' } } });
    expect(({} as Record<string, unknown>).use).toBeUndefined();
  });

  it('never throws, whatever follows a JPEG, PNG or WebP signature', () => {
    const store = manifestStore([trainingMining(REFUSED)]);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.nat(store.byteLength), (noise, cut) => {
        const mangled = jpegWithStore(JPEG, new Uint8Array([...store.subarray(0, cut), ...noise]));
        for (const [bytes, format] of [
          [mangled, 'jpeg'],
          [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise]), 'png'],
          [new Uint8Array([...new TextEncoder().encode('RIFF\0\0\0\0WEBP'), ...noise]), 'webp'],
        ] as const) {
          const result = readTrainingMining(bytes, format);
          if (!('found' in result || 'none' in result || 'unreadable' in result)) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
