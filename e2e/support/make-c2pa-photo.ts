/**
 * Writes e2e/fixtures/photos/meta/c2pa-training.jpg: beach.jpg with a C2PA manifest store whose active manifest holds
 * a CAWG training-mining assertion (generative-AI training not allowed, other AI training only with permission, data
 * mining allowed). Unsigned: Afterlife reads the assertion and says it did not check it. Run with
 * `npx tsx e2e/support/make-c2pa-photo.ts`; `exiftool -a -G1 -CBOR:all c2pa-training.jpg` shows the same entries.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jpegWithStore, manifestStore, trainingMining } from '../../src/core/photo/test-support/c2pa-store';

const photos = join(import.meta.dirname, '../fixtures/photos');
const store = manifestStore([
  trainingMining({
    'cawg.ai_generative_training': 'notAllowed',
    'cawg.ai_training': { use: 'constrained', constraint_info: 'Ask the photographer first.' },
    'cawg.data_mining': 'allowed',
  }),
]);
writeFileSync(join(photos, 'meta/c2pa-training.jpg'), jpegWithStore(new Uint8Array(readFileSync(join(photos, 'beach.jpg'))), store));
