import type { RegionCode } from '../region';

/** The shapes of the maintainers' data in `rules/` (documented in rules/README.md). Validation lives beside
 *  these types; everything downstream may rely on them. */

export const SITE_CATEGORIES = [
  'photo-sharing',
  'dating',
  'social',
  'professional',
  'forum',
  'stock',
  'image-host',
  'cloud-storage',
  'art',
  'messaging',
] as const;
export type SiteCategory = (typeof SITE_CATEGORIES)[number];

export type TermTopic =
  | 'ai-training'
  | 'ai-licensing'
  | 'default-visibility'
  | 'content-licence'
  | 'biometrics'
  | 'scraping-ban'
  | 'ai-crawler-block'
  /** Whether the copies the site shows keep the photo's own metadata (and so a rights reservation written in it). */
  | 'upload-metadata';

/** Where a fact holds: only in the regions of `where`, and not in those of `outside`; everywhere when neither is set. */
export interface Scoped {
  where?: RegionCode[];
  outside?: RegionCode[];
  /** On an operator's fact: the services (site ids) it holds for; all of the operator's services when absent. */
  services?: string[];
}

export interface TermFact extends Scoped {
  topic: TermTopic;
  value: string;
  summary: string;
  source: string;
  reviewed: string;
  /** The day the term or practice took effect, when the source gives it. */
  since?: string;
  /** Set when the rules are compiled: the operator whose terms the site inherited this fact from. */
  operator?: string;
  /** The maintainer command that wrote this fact from a dated snapshot (`npm run rules:signals`); its next run
   *  replaces the fact rather than adding a second. */
  checkedBy?: 'rules:signals';
}

export interface OptOut extends Scoped {
  name: string;
  path: string;
  url?: string;
  summary: string;
  source: string;
  reviewed: string;
  /** Set when the rules are compiled: the operator whose opt-out the site inherited. */
  operator?: string;
}

/** How to read a picker on the site's upload page, declaratively: a CSS selector for the control, and a map
 *  from the control's value (or the checked radio's value) to a licence id or a visibility. */
export interface PickerRule<T extends string> {
  selector: string;
  source?: string;
  note?: string;
  values: Record<string, T>;
}

export type Visibility = 'public' | 'members' | 'private';

export interface SiteRule {
  id: string;
  name: string;
  category: SiteCategory;
  /** The operator (rules/operators/<id>.json) whose terms and opt-outs this service inherits. */
  operator?: string;
  domains: string[];
  /** Other domains where the company publishes its own terms, help and news: sources there count as primary. */
  officialDomains?: string[];
  /** Pages on shared platforms where the company speaks for itself (a GitHub organisation, a company blog). */
  officialUrls?: string[];
  uploadPages: string[];
  terms: TermFact[];
  optOuts: OptOut[];
  datasets: string[];
  licencePicker?: PickerRule<string>;
  visibilityPicker?: PickerRule<Visibility>;
  /** Pages `npm run rules:watch` follows for changes; without it, the site's own sources are followed. */
  watch?: WatchedPage[];
}

export interface WatchedPage {
  url: string;
  /** The part of the page that matters (a CSS selector), when the page carries much else. */
  selector?: string;
}

/** A company whose terms cover several services: the facts live here once and every service naming it inherits
 *  them, unless the service states its own fact on the same topic for the same regions. */
export interface OperatorRule {
  id: string;
  name: string;
  officialDomains?: string[];
  officialUrls?: string[];
  terms: TermFact[];
  optOuts: OptOut[];
  watch?: WatchedPage[];
}

/** From most to least in use: the order the model weighs them in (src/core/risk/history.ts). */
export const DATASET_STATUSES = ['active', 'withdrawn-circulating', 'restricted', 'withdrawn', 'deleted'] as const;
export type DatasetStatus = (typeof DATASET_STATUSES)[number];

export interface SourceLink {
  url: string;
  title: string;
}

export interface DatasetRule {
  id: string;
  name: string;
  year: number;
  creator: string;
  collectedFrom: string;
  size: string;
  images?: number;
  licenceBasis: string;
  status: DatasetStatus;
  /** When the status last changed (a takedown, a certified deletion). */
  statusDate?: string;
  /** Still collecting from the live web (a face search engine, a scraper that keeps adding): not history but an
   *  ongoing mechanism. */
  ongoing?: boolean;
  summary: string;
  sources: SourceLink[];
  reviewed: string;
}

export interface LicenceRule {
  id: string;
  name: string;
  url: string;
  commercial: boolean;
  derivatives: boolean;
  attribution: boolean;
  shareAlike: boolean;
  openLicence: boolean;
  datasetUse: string;
  sources: SourceLink[];
  reviewed: string;
}

/** Everything the extension needs, as one value: what the bundled file and signed updates carry. */
export interface RulesData {
  version: string;
  created: string;
  /** The oldest extension version that understands these rules. */
  minExtensionVersion: string;
  sites: SiteRule[];
  operators: OperatorRule[];
  datasets: DatasetRule[];
  licences: LicenceRule[];
}
