/** The bench figures that need no browser: rule lookups, reading a photo's metadata, writing a reservation — each
 *  with the code the extension runs. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readPhotoMetadata } from '../../src/core/photo/metadata';
import { metadataBytesFor } from '../../src/core/photo/metadata-range';
import { reserveJpeg } from '../../src/core/photo/reserve';
import { compileRules } from '../../src/core/rules/compile';
import { fromBase64, toBase64 } from '../../src/core/rules/signature';
import { validateRules } from '../../src/core/rules/validate';
import { format, spreadOf, type Row } from './bench-table';
import { readRuleFiles } from '../rules/rules-files';
import { median } from './stats';

export function benchRules(rows: Row[]): void {
  const files = readRuleFiles();
  const loadTimes: number[] = [];
  let rules = null as ReturnType<typeof compileRules> | null;
  for (let run = 0; run < 30; run++) {
    const start = performance.now();
    const { data } = validateRules(files);
    if (!data) throw new Error('rules/ has problems: run npm run rules:check');
    rules = compileRules(data);
    loadTimes.push(performance.now() - start);
  }
  if (!rules) return;
  // A realistic mix: known sites on their various hosts, look-alikes and unknown sites, with paths and queries.
  const urls: string[] = [];
  for (const site of rules.sites) {
    for (const domain of site.domains) {
      urls.push(`https://${domain}/`, `https://www.${domain}/upload?step=2`, `https://media.cdn.${domain}/a/b/c.jpg`);
      urls.push(`https://${domain}.evil.test/`, `https://not${domain}/`);
    }
  }
  for (let index = 0; index < 200; index++) urls.push(`https://blog${index}.example-${index % 7}.org/posts/${index}`);

  const rates: number[] = [];
  let sink = 0;
  for (let round = 0; round < 7; round++) {
    const lookups = 200_000;
    const start = performance.now();
    for (let index = 0; index < lookups; index++) if (rules.match(urls[index % urls.length] as string)) sink++;
    rates.push(lookups / ((performance.now() - start) / 1000));
  }
  if (sink < 0) console.log(sink);
  const rate = median(rates);
  rows.push({
    figure: `rules: lookups per second (${rules.sites.length} sites, ${urls.length} URLs)`,
    median: format(rate),
    spread: `${format(Math.min(...rates))}–${format(Math.max(...rates))}`,
    goal: '≥ 1,000,000/s',
    met: rate >= 1_000_000 ? 'met' : 'not met',
  });
  rows.push({
    figure: 'rules: validate and compile the whole folder (ms)',
    median: format(median(loadTimes), 2),
    spread: `${format(Math.min(...loadTimes), 2)}–${format(Math.max(...loadTimes), 2)}`,
    goal: 'reported',
    met: '—',
  });
}


/** A JPEG of the given size: a real photo's header and metadata, then entropy-coded-looking bytes up to the size.
 *  Nothing downstream decodes pixels, so this has the cost profile of a camera JPEG of that size. */
export async function makeJpeg(dir: string, bytes: number, name: string): Promise<string> {
  const head = await readFile(join(import.meta.dirname, '../../e2e/fixtures/photos/meta/gps-camera.jpg'));
  const body = Buffer.alloc(Math.max(0, bytes - head.length));
  for (let index = 0; index < body.length; index += 4) body.writeUInt32LE((Math.random() * 0xffffffff) >>> 0, Math.min(index, body.length - 4));
  body[body.length - 2] = 0xff;
  body[body.length - 1] = 0xd9; // end of image
  const file = join(dir, name);
  await writeFile(file, Buffer.concat([head.subarray(0, head.length - 2), body]));
  return file;
}

/** Bytes read and time to read the metadata of a 25 MB JPEG, with the code the extension runs. */
export async function benchPhotoFacts(rows: Row[], dir: string): Promise<void> {
  const size = 25 * 1024 * 1024;
  const file = await readFile(await makeJpeg(dir, size, 'facts-25mb.jpg'));
  const { length } = metadataBytesFor('jpeg', size);
  const times: number[] = [];
  for (let run = 0; run < 30; run++) {
    const start = performance.now();
    // What crosses from the content script: base64 of the head, decoded and parsed in the worker.
    const result = readPhotoMetadata(fromBase64(toBase64(new Uint8Array(file.subarray(0, length)))));
    times.push(performance.now() - start);
    if (!result.ok || !result.metadata.location) throw new Error('the bench photo lost its metadata');
  }
  rows.push({ figure: 'photo facts: bytes read from a 25 MB JPEG', median: format(length), spread: '—', goal: 'tens of KB, not the file', met: length <= 512 * 1024 ? 'met' : 'not met' });
  rows.push({ figure: 'photo facts: decode and parse time, 25 MB JPEG (ms, Node)', median: format(median(times), 2), spread: spreadOf(times, 2), goal: 'reported', met: '—' });
}

/** Writing an IPTC Data Mining reservation into a large JPEG: only the XMP segment is written, the rest copied. */
export async function benchReservation(rows: Row[], dir: string): Promise<void> {
  const file = new Uint8Array(await readFile(await makeJpeg(dir, 25 * 1024 * 1024, 'reserve-25mb.jpg')));
  const times: number[] = [];
  let added = 0;
  for (let run = 0; run < 15; run++) {
    const start = performance.now();
    const result = reserveJpeg(file, { dataMining: 'DMI-PROHIBITED-AIMLTRAINING' });
    times.push(performance.now() - start);
    if (!result.ok) throw new Error(`the bench photo could not be reserved: ${result.reason}`);
    added = result.added;
  }
  rows.push({ figure: 'reservation: bytes added to a 25 MB JPEG', median: format(added), spread: '—', goal: 'reported', met: '—' });
  rows.push({ figure: 'reservation: write into a 25 MB JPEG (ms, Node)', median: format(median(times), 1), spread: spreadOf(times, 1), goal: 'reported', met: '—' });
}

