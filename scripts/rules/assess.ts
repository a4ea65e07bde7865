/**
 * `npm run assess -- --url <page url> [--licence <id>] [--visibility public|members|private] [--region CODE]
 * [--faces N] [--date YYYY-MM-DD] [--json] <photo>` prints the assessment the extension would show for uploading
 * that photo on that page: the same rules, the same photo reading (the same first bytes of the file, read by the
 * same code as the service worker) and the same model. Only the face count needs a browser's detector, so it is
 * given with --faces.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatMessage, type MessageCatalog } from '../../src/core/i18n';
import { dataMiningMessageKey } from '../../src/core/photo/data-mining';
import { trainingMiningText } from '../../src/shared/training-mining-text';
import { metadataBytesFor } from '../../src/core/photo/metadata-range';
import { classifyFile, SNIFF_BYTES } from '../../src/core/photo/sniff';
import { isCountrySetting, regionsOf } from '../../src/core/region';
import { toBase64 } from '../../src/core/rules/signature';
import { siteKeyOf } from '../../src/core/rules/match';
import { assess } from '../../src/core/risk/assess';
import { describeAssessment } from '../../src/core/risk/describe';
import type { PageVisibility } from '../../src/core/risk/types';
import { readReportedPhotos } from '../../src/core/photo/read-photos';
import { loadProjectRules } from './project-rules';
import { PROJECT_DIR } from './rules-files';

const USAGE =
  'usage: npm run assess -- --url <page url> [--licence <id>] [--visibility public|members|private] [--region CODE] [--faces N] [--date YYYY-MM-DD] [--json] <photo>\n' +
  '  --region  where the person is: an ISO 3166 code such as DE, GB, US or US-IL (default: none, only facts that hold everywhere count)\n' +
  '  --faces   faces in the photo, as the extension\'s detector would count them (default: unknown)\n' +
  '  --date    the day to weigh dataset history against (default: today)';

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        licence: { type: 'string' },
        visibility: { type: 'string' },
        region: { type: 'string' },
        faces: { type: 'string' },
        date: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.url) throw new UsageError('--url is required');
  if (positionals.length !== 1) throw new UsageError('give exactly one photo file');
  const key = siteKeyOf(values.url);
  if (!key) throw new UsageError(`"${values.url}" is not an http(s) page URL`);

  const { rules } = loadProjectRules();
  if (values.licence && !rules.knowledge.licences.has(values.licence)) {
    throw new UsageError(`unknown licence "${values.licence}"; known: ${[...rules.knowledge.licences.keys()].join(', ')}`);
  }
  const visibility = (values.visibility ?? 'unknown') as PageVisibility;
  if (!['public', 'members', 'private', 'unknown'].includes(visibility)) {
    throw new UsageError(`--visibility must be public, members or private, not "${values.visibility}"`);
  }

  const country = (values.region ?? '').toUpperCase();
  if (values.region !== undefined && (country === '' || !isCountrySetting(country))) {
    throw new UsageError(`--region must be an ISO 3166 code such as DE, GB, US or US-IL, not "${values.region}"`);
  }
  let faces: number | 'unknown' = 'unknown';
  if (values.faces !== undefined) {
    if (!/^\d{1,3}$/.test(values.faces)) throw new UsageError(`--faces must be a whole number of faces, not "${values.faces}"`);
    faces = Number(values.faces);
  }
  const asOf = values.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf))) throw new UsageError(`--date must be a day written YYYY-MM-DD, not "${asOf}"`);

  const photoPath = positionals[0] as string;
  let bytes: Buffer;
  try {
    bytes = await readFile(photoPath);
  } catch (error) {
    throw new UsageError(`cannot read ${photoPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const format = classifyFile(photoPath.toLowerCase().endsWith('.svg') ? 'image/svg+xml' : '', bytes.subarray(0, SNIFF_BYTES));
  if (!format) throw new UsageError(`${photoPath} is not an image Afterlife recognises (JPEG, PNG, GIF, WebP, HEIC, AVIF…)`);

  // The same bytes the content script would send (the head of a JPEG, a small PNG whole), read by the service
  // worker's own code.
  const { length } = metadataBytesFor(format, bytes.byteLength);
  const read = readReportedPhotos([
    { format, metadataBytes: toBase64(new Uint8Array(bytes.subarray(0, length))) },
  ]);
  const photo = { ...read.photoFacts, faces };
  const assessment = assess(
    {
      site: rules.match(values.url),
      host: key.host,
      pageLicence: values.licence ?? null,
      visibility,
      photoCount: 1,
      photo,
      regions: regionsOf(country),
      asOf,
    },
    rules.knowledge,
  );
  if (values.json) {
    // The photo facts found, by name, beside the assessment: what a script checking a photo needs to see.
    console.log(JSON.stringify({ ...assessment, photo: { ...photo, details: read.photoDetails, unreadable: read.unreadablePhotos > 0 }, region: country || null }, null, 2));
    return;
  }
  const catalog = JSON.parse(await readFile(join(PROJECT_DIR, 'public/_locales/en/messages.json'), 'utf8')) as MessageCatalog;
  const translate = (messageKey: string, params: string[]) => formatMessage(catalog, messageKey, params);
  console.log(describeAssessment(assessment, translate));
  // What the photo itself says about mining it: shown, not counted (a reservation does not stop a scraper that
  // ignores it).
  const reservation = read.photoDetails.dataMining;
  if (reservation) console.log(`\nIn the file: ${translate('found_reservation', [translate(dataMiningMessageKey(reservation), [])])} — ${reservation}`);
  const credentials = read.photoDetails.trainingMining;
  if (credentials) console.log(`${reservation ? '' : '\n'}In the file: ${trainingMiningText(credentials, (key, params = []) => translate(key, params.map(String)))}`);
  if (reservation || credentials) {
    console.log(`Metadata on this site: ${translate(`reservation_fate_${assessment.metadataOnSite.value}`, [assessment.site?.name ?? assessment.host])}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`assess: ${error.message}\n${USAGE}`);
  else console.error(`assess: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
