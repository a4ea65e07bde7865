/**
 * `npm run assess -- --url <page url> [--licence <id>] [--visibility public|members|private] [--json] <photo>`
 * prints the assessment the extension would show for uploading that photo on that page, from the same rules,
 * photo-reading and model code.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatMessage, type MessageCatalog } from '../src/core/i18n';
import { classifyFile, SNIFF_BYTES } from '../src/core/photo/sniff';
import { siteKeyOf } from '../src/core/rules/match';
import { assess } from '../src/core/risk/assess';
import { describeAssessment } from '../src/core/risk/describe';
import type { PageVisibility } from '../src/core/risk/types';
import { loadProjectRules } from './project-rules';
import { PROJECT_DIR } from './rules-files';

const USAGE = 'usage: npm run assess -- --url <page url> [--licence <id>] [--visibility public|members|private] [--json] <photo>';

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

  const photoPath = positionals[0] as string;
  let bytes: Buffer;
  try {
    bytes = await readFile(photoPath);
  } catch (error) {
    throw new UsageError(`cannot read ${photoPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const format = classifyFile(photoPath.toLowerCase().endsWith('.svg') ? 'image/svg+xml' : '', bytes.subarray(0, SNIFF_BYTES));
  if (!format) throw new UsageError(`${photoPath} is not an image Afterlife recognises (JPEG, PNG, GIF, WebP, HEIC, AVIF…)`);

  const assessment = assess(
    {
      site: rules.match(values.url),
      host: key.host,
      pageLicence: values.licence ?? null,
      visibility,
      photoCount: 1,
      photo: { faces: 'unknown', location: 'unknown', cameraSerial: 'unknown', creatorName: 'unknown', embeddedLicence: 'unknown' },
    },
    rules.knowledge,
  );
  if (values.json) {
    console.log(JSON.stringify(assessment, null, 2));
    return;
  }
  const catalog = JSON.parse(await readFile(join(PROJECT_DIR, 'public/_locales/en/messages.json'), 'utf8')) as MessageCatalog;
  console.log(describeAssessment(assessment, (messageKey, params) => formatMessage(catalog, messageKey, params)));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`assess: ${error.message}\n${USAGE}`);
  else console.error(`assess: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
