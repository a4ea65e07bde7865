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
  | 'ai-crawler-block';

export interface TermFact {
  topic: TermTopic;
  value: string;
  summary: string;
  source: string;
  reviewed: string;
  where?: string;
}

export interface OptOut {
  name: string;
  path: string;
  url?: string;
  summary: string;
  source: string;
  reviewed: string;
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
  domains: string[];
  uploadPages: string[];
  terms: TermFact[];
  optOuts: OptOut[];
  datasets: string[];
  licencePicker?: PickerRule<string>;
  visibilityPicker?: PickerRule<Visibility>;
}

export type DatasetStatus = 'active' | 'restricted' | 'withdrawn' | 'withdrawn-circulating';

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
  datasets: DatasetRule[];
  licences: LicenceRule[];
}
