import type { Level } from '../levels';
import type { RegionCode } from '../region';
import type { DatasetRule, LicenceRule, SiteCategory, SiteRule, TermTopic } from '../rules/types';

/** The reference data an assessment may cite, looked up by id. */
export interface Knowledge {
  datasets: ReadonlyMap<string, DatasetRule>;
  licences: ReadonlyMap<string, LicenceRule>;
}

/** What the page and the photo told us. Every field may be unknown; unknown never counts as safe. */
export interface PhotoFacts {
  /** Faces seen in the photo, or 'unknown' when no detector ran. */
  faces: number | 'unknown';
  /** The photo carries a GPS position. */
  location: boolean | 'unknown';
  /** The photo carries the camera's serial number. */
  cameraSerial: boolean | 'unknown';
  /** The photo names its creator or owner. */
  creatorName: boolean | 'unknown';
  /** A licence id embedded in the photo's metadata, null when none is embedded. */
  embeddedLicence: string | null | 'unknown';
}

export type PageVisibility = 'public' | 'members' | 'private' | 'unknown';

export interface Signals {
  /** The site rule for the page, or null for a site not in the rules. */
  site: SiteRule | null;
  /** Host name of the page, used to name a site that is not in the rules. */
  host: string;
  /** Licence id chosen in the page's licence picker, null when the page has none or it was not read. */
  pageLicence: string | null;
  /** Visibility chosen in the page's visibility picker. */
  visibility: PageVisibility;
  /** Number of photos in this upload. */
  photoCount: number;
  photo: PhotoFacts;
  /** The regions of the rules the person is in (src/core/region.ts); empty where no regional fact applies. A fact
   *  limited to other regions does not count, and is listed in the assessment's `elsewhere`. */
  regions: readonly RegionCode[];
  /** Today, as YYYY-MM-DD: a site's dataset history weighs less as it ages. Passed in so the model stays pure. */
  asOf: string;
}

/** A message for the interface: a key in `_locales/<lang>/messages.json` and its positional substitutions. */
export interface Message {
  key: string;
  params: string[];
}

export interface Evidence {
  /** What kind of thing backs the factor. */
  kind: 'dataset' | 'term' | 'licence' | 'photo' | 'page' | 'baseline';
  /** Plain text from the rules data or a message; shown as text, never as markup. */
  text: Message | string;
  source?: string;
  reviewed?: string;
  /** The regions a rules fact is limited to, for the interface to name. */
  where?: RegionCode[];
  outside?: RegionCode[];
  /** The company whose terms the fact comes from, when the site inherited it. */
  operator?: string;
}

/** A fact or opt-out of the site's that holds in other regions than the person's: not counted, but shown, so the
 *  person (or a trainer) sees what differs elsewhere. */
export interface ElsewhereFact {
  kind: 'term' | 'opt-out';
  /** The term's topic, or the opt-out's name. */
  topic: TermTopic | string;
  text: string;
  where?: RegionCode[];
  outside?: RegionCode[];
  operator?: string;
  source: string;
  reviewed: string;
}

export type FactorId =
  | 'public-web'
  | 'members-only'
  | 'unknown-site'
  | 'site-datasets'
  | 'ongoing-collection'
  | 'ai-licensing'
  | 'ai-training'
  | 'biometrics'
  | 'face-centric-site'
  | 'open-licence'
  | 'faces'
  | 'location'
  | 'identifying-metadata';

export interface Factor {
  id: FactorId;
  /** Contribution to the level; never negative, so more evidence of risk never lowers the level. */
  points: number;
  reason: Message;
  evidence: Evidence[];
}

export type ActionId =
  | 'site-opt-out'
  | 'choose-restrictive-licence'
  | 'make-private'
  | 'remove-location'
  | 'check-exposing-ai'
  | 'avoid-public-face-photos';

export interface Action {
  id: ActionId;
  text: Message | string;
  /** Menu path to follow on the site, when the action is a setting. */
  path?: string;
  url?: string;
  source?: string;
}

export interface SiteSummary {
  id: string;
  name: string;
  category: SiteCategory;
}

export interface Assessment {
  level: Level;
  /** Sum of the factors' points, for the command line and tests; the interface shows the level only. */
  points: number;
  /** The site rule's id, or 'unknown'. */
  siteId: string;
  site: SiteSummary | null;
  host: string;
  photoCount: number;
  summary: Message;
  /** The strongest factor's reason: the one line the in-page warning has room for. */
  reason: Message;
  factors: Factor[];
  actions: Action[];
  /** The regions the assessment was made for. */
  regions: RegionCode[];
  /** The site's facts that hold elsewhere, not counted here. */
  elsewhere: ElsewhereFact[];
  /** Whether the copies the site shows keep a photo's own metadata, and with it a rights reservation written in the
   *  file: what a reservation can do here. Never counted in the level. */
  metadataOnSite: MetadataOnSite;
}

/** What the rules say the site does with a photo's embedded metadata, where the person is. */
export interface MetadataOnSite {
  value: 'kept' | 'stripped' | 'partly' | 'unknown';
  evidence?: Evidence;
}
