import * as v from 'valibot';
import { REGION_CODES } from '../region';
import { DATASET_STATUSES, SITE_CATEGORIES } from './types';

/**
 * The rules format as valibot schemas (valibot validates without generating code, so the same schemas can run in
 * the extension under MV3's CSP, and its issues carry the exact path of each problem). Objects are strict: an
 * unknown field is an error, which catches typos such as `sumary` before they silently drop a fact.
 */

const MAX_TEXT = 2000;

const text = (max = MAX_TEXT) =>
  v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

export const Id = v.pipe(
  v.string('must be text'),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single dashes (e.g. "flickr", "ibm-dif")'),
  v.maxLength(64, 'must be at most 64 characters'),
);

export const LicenceId = v.pipe(
  v.string('must be text'),
  v.regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'must be an SPDX-style licence id (e.g. "cc-by-2.0")'),
  v.maxLength(64, 'must be at most 64 characters'),
);

export const HttpsUrl = v.pipe(
  v.string('must be text'),
  v.maxLength(2000, 'must be at most 2000 characters'),
  v.check((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
    } catch {
      return false;
    }
  }, 'must be an https URL'),
);

export const IsoDate = v.pipe(
  v.string('must be text'),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
  v.check((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'must be a real calendar date'),
);

/** A hostname as written in the rules: lowercase ASCII labels (punycode for internationalised names). */
export const Domain = v.pipe(
  v.string('must be text'),
  v.maxLength(253, 'must be at most 253 characters'),
  v.regex(
    /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/,
    'must be a lowercase host name such as "flickr.com" (no scheme, path, port or wildcard; punycode for non-ASCII)',
  ),
);

/** Regions from the closed list in src/core/region.ts: a typo such as "EU" would otherwise silently apply nowhere. */
const Regions = v.pipe(
  v.array(v.picklist(REGION_CODES, `must be a region code: ${REGION_CODES.join(', ')}`), 'must be a list of region codes'),
  v.minLength(1, 'must name at least one region (or leave the field out)'),
  v.maxLength(REGION_CODES.length),
);

const scope = {
  /** The fact holds only for people in these regions. */
  where: v.optional(Regions),
  /** The fact holds everywhere except in these regions. */
  outside: v.optional(Regions),
  /** On an operator only: the fact holds for these of its services (site ids), not for all of them — Meta trains
   *  on public Facebook and Instagram posts, not on WhatsApp's end-to-end encrypted messages. */
  services: v.optional(v.pipe(v.array(Id, 'must be a list of site ids'), v.minLength(1, 'must name at least one site (or leave the field out)'))),
};

const TERM_VALUES = {
  'ai-training': ['yes', 'no'],
  'ai-licensing': ['yes'],
  'default-visibility': ['public', 'members', 'private'],
  biometrics: ['yes'],
  'scraping-ban': ['yes'],
  'ai-crawler-block': ['yes', 'no'],
  'upload-metadata': ['kept', 'stripped', 'partly'],
} as const;

export const TermFactSchema = v.pipe(
  v.strictObject({
    topic: v.picklist(
      ['ai-training', 'ai-licensing', 'default-visibility', 'content-licence', 'biometrics', 'scraping-ban', 'ai-crawler-block', 'upload-metadata'],
      'must be one of ai-training, ai-licensing, default-visibility, content-licence, biometrics, scraping-ban, ai-crawler-block, upload-metadata',
    ),
    value: text(64),
    summary: text(),
    source: HttpsUrl,
    reviewed: IsoDate,
    since: v.optional(IsoDate),
    checkedBy: v.optional(v.picklist(['rules:signals'], 'must be rules:signals (the command that wrote the fact), or left out')),
    ...scope,
  }),
  v.forward(
    v.check((term) => {
      if (term.topic === 'content-licence') return /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/.test(term.value);
      return (TERM_VALUES[term.topic] as readonly string[]).includes(term.value);
    }, 'is not a value this topic allows (see rules/README.md)'),
    ['value'],
  ),
);

export const OptOutSchema = v.strictObject({
  name: text(200),
  path: text(300),
  url: v.optional(HttpsUrl),
  summary: text(),
  source: HttpsUrl,
  reviewed: IsoDate,
  ...scope,
});

const OfficialDomains = v.optional(v.pipe(v.array(Domain, 'must be a list of host names'), v.maxLength(30)));
/** Where a company speaks on a shared platform (`https://github.com/unsplash/`): sources under these count as its own. */
const OfficialUrls = v.optional(v.pipe(v.array(HttpsUrl, 'must be a list of https URLs'), v.maxLength(30)));
const Terms = v.pipe(v.array(TermFactSchema, 'must be a list of facts'), v.maxLength(50));
const OptOuts = v.pipe(v.array(OptOutSchema, 'must be a list of settings'), v.maxLength(20));

/** CSS selectors are data here: they are only ever passed to querySelector, never turned into code. */
const Selector = text(300);

/** Pages `npm run rules:watch` keeps an eye on, with the part that matters when the page has much else. */
const Watch = v.optional(v.pipe(v.array(v.strictObject({ url: HttpsUrl, selector: v.optional(Selector) }), 'must be a list of { url, selector? }'), v.maxLength(20)));

export const OperatorSchema = v.strictObject({
  id: Id,
  name: text(100),
  officialDomains: OfficialDomains,
  officialUrls: OfficialUrls,
  terms: Terms,
  optOuts: OptOuts,
  watch: Watch,
});

export const PickerSchema = <T extends v.GenericSchema<string>>(value: T) =>
  v.strictObject({
    selector: Selector,
    /** Where the value → licence mapping comes from (e.g. the site's API documentation of its licence ids). */
    source: v.optional(HttpsUrl),
    note: v.optional(text(500)),
    values: v.pipe(
      v.record(v.pipe(v.string(), v.maxLength(200)), value),
      v.check((values) => Object.keys(values).length > 0, 'must map at least one value'),
    ),
  });

export const SiteSchema = v.strictObject({
  id: Id,
  name: text(100),
  category: v.picklist(SITE_CATEGORIES, `must be one of ${SITE_CATEGORIES.join(', ')}`),
  operator: v.optional(Id),
  domains: v.pipe(v.array(Domain, 'must be a list of host names'), v.minLength(1, 'must name at least one domain'), v.maxLength(50)),
  officialDomains: OfficialDomains,
  officialUrls: OfficialUrls,
  uploadPages: v.pipe(v.array(HttpsUrl, 'must be a list of https URLs'), v.maxLength(20)),
  terms: Terms,
  optOuts: OptOuts,
  watch: Watch,
  datasets: v.pipe(v.array(Id, 'must be a list of dataset ids'), v.maxLength(100)),
  licencePicker: v.optional(PickerSchema(LicenceId)),
  visibilityPicker: v.optional(PickerSchema(v.picklist(['public', 'members', 'private'], 'must be public, members or private'))),
});

const SourceLinkSchema = v.strictObject({ url: HttpsUrl, title: text(300) });
const Sources = v.pipe(v.array(SourceLinkSchema, 'must be a list of { url, title }'), v.minLength(1, 'must give at least one source'), v.maxLength(20));

export const DatasetSchema = v.strictObject({
  id: Id,
  name: text(200),
  year: v.pipe(v.number('must be a year'), v.integer('must be a whole year'), v.minValue(1990, 'must be 1990 or later'), v.maxValue(2100, 'must be a plausible year')),
  creator: text(300),
  collectedFrom: text(),
  size: text(300),
  images: v.optional(v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be positive'))),
  licenceBasis: text(),
  status: v.picklist(DATASET_STATUSES, `must be one of ${DATASET_STATUSES.join(', ')}`),
  statusDate: v.optional(IsoDate),
  ongoing: v.optional(v.boolean('must be true or false')),
  summary: text(),
  sources: Sources,
  reviewed: IsoDate,
});

export const LicenceSchema = v.strictObject({
  id: LicenceId,
  name: text(200),
  url: HttpsUrl,
  commercial: v.boolean('must be true or false'),
  derivatives: v.boolean('must be true or false'),
  attribution: v.boolean('must be true or false'),
  shareAlike: v.boolean('must be true or false'),
  openLicence: v.boolean('must be true or false'),
  datasetUse: text(),
  sources: Sources,
  reviewed: IsoDate,
});

export const LicencesFileSchema = v.pipe(v.array(LicenceSchema, 'must be a list of licences'), v.maxLength(500));

export const SemVer = v.pipe(v.string('must be text'), v.regex(/^\d{1,5}\.\d{1,5}\.\d{1,5}$/, 'must be a version such as "1.2.3"'));

export const RulesVersion = v.pipe(v.number('must be a number'), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more'), v.maxValue(2 ** 31, 'is too large'));

export const MetaSchema = v.strictObject({
  version: RulesVersion,
  reviewed: IsoDate,
  minExtensionVersion: SemVer,
});

export const PrimarySourcesSchema = v.strictObject({
  about: text(),
  institutions: v.array(v.strictObject({ domain: Domain, kind: v.picklist(['regulator', 'government', 'legislature', 'court', 'paper'], 'must be regulator, government, legislature, court or paper'), name: text(200) })),
  /** Pages where a dataset's publisher speaks for it (its README, its opt-out instructions) on a shared platform. */
  publisherPages: v.optional(v.array(v.strictObject({ url: HttpsUrl, kind: v.literal('dataset-publisher', 'must be dataset-publisher'), name: text(200) }))),
});

/** rules/ai-crawlers.json: the robots.txt tokens AI companies document, which `npm run rules:signals` looks for. */
export const AiCrawlersSchema = v.pipe(
  v.array(
    v.strictObject({
      token: v.pipe(v.string('must be text'), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be a robots.txt user-agent token (letters, digits, . _ -)')),
      operator: text(100),
      purpose: v.picklist(['training', 'training-control', 'ai-search', 'dataset'], 'must be training, training-control, ai-search or dataset'),
      summary: text(),
      source: HttpsUrl,
      reviewed: IsoDate,
    }),
  ),
  v.check((crawlers) => new Set(crawlers.map((crawler) => crawler.token.toLowerCase())).size === crawlers.length, 'lists a token twice'),
);
