import type { PageSignals } from '../core/page-signals';
import type { FaceBox } from '../offscreen/protocol';
import type { Level } from '../core/levels';
import type { Message } from '../core/risk/types';
import type { DemoSite } from './demo-sites';
import type { ScraperRowKind } from '../core/scraper-view';
import type { PhotosRead } from '../core/photo/read-photos';
import type { PlaceInUse } from '../core/settings';
import type { ImageFormat } from '../core/photo/sniff';
import type { Assessment, PageVisibility, PhotoFacts } from '../core/risk/types';
import type { DatasetRule, OptOut, PickerRule, SiteCategory, TermFact, Visibility } from '../core/rules/types';

/** How the photo reached the page, or, for `script` and `camera`, how it is leaving it: sent by the page's script, or
 *  taken by the page from the camera and sent. */
export type UploadPath = 'file-input' | 'detached-input' | 'drop' | 'paste' | 'file-picker' | SentPath;
/** The paths of images a page sends by script: taken from the camera, or any other. */
export type SentPath = 'script' | 'camera';

export interface PhotoSummary {
  name: string;
  type: string;
  size: number;
  format: ImageFormat;
}

/** A photo as reported by a content script: its summary, and the bytes where its metadata lives (base64), which the
 *  background reads and drops — they are never stored and never leave the extension. */
export interface ReportedPhoto extends PhotoSummary {
  metadataBytes: string;
}

/** The faces in an upload's photos, as the content script knows them: still being counted ('pending'), counted
 *  (the total over the photos), or not countable on this device ('unknown'). */
export type FacesReport = number | 'pending' | 'unknown';

/** The faces found in one photo: how many, and where (fractions of the photo's width and height). */
export interface FacesFound {
  faces: number;
  boxes: FaceBox[];
}

/** What a content script reports when a person chooses photos. */
export interface UploadReport {
  path: UploadPath;
  photos: ReportedPhoto[];
  pageLicence: string | null;
  visibility: PageVisibility;
  /** Faces are counted after the first warning (src/content/faces.ts), which the report then updates. */
  faces: FacesReport;
  /** What the page's own meta tags tell AI crawlers (noai, TDMRep), read when the photo was chosen. */
  pageSignals: PageSignals;
}

/** Messages from content scripts and extension pages to the background. The background works out the page and
 *  site from the sender, never from the message, so a page cannot make it speak about another site. */
export type Request =
  | { type: 'upload'; report: UploadReport; demoSite?: string }
  | { type: 'mute-site' }
  | { type: 'open-explanation' }
  | { type: 'tab-state'; tabId: number }
  | { type: 'unmute-site'; siteKey: string }
  | { type: 'rules-info' }
  | { type: 'check-rules-now' }
  | { type: 'page-pickers'; demoSite?: string }
  /** Counts the faces in one photo, sent as a small upright JPEG (src/content/face-thumbnail.ts); answered with
   *  {@link FacesFound} or 'unknown'. */
  | { type: 'count-faces'; jpegBase64: string }
  /** Writes an IPTC Data Mining reservation into a photo: a JPEG's head (its bytes up to and into the image data)
   *  or a whole PNG or WebP of at most 8 MB, base64; answered with the new bytes, or the reason it was left alone
   *  (src/core/photo/reserve.ts, reserve-png.ts, reserve-webp.ts). */
  | { type: 'reserve-photo'; headBase64: string; format: 'jpeg' | 'png' | 'webp' }
  /** The "what a scraper sees" panel's words and rows for one photo of the upload: its format and metadata bytes,
   *  as in the upload report; answered with a {@link ScraperView} or null. Nothing of it is kept. */
  | { type: 'scraper-view'; photo: Pick<ReportedPhoto, 'format' | 'metadataBytes'> }
  | { type: 'demo-data' }
  | { type: 'demo-reset' };

/** The warning's words, already in the person's chosen language: the content script holds no translations. */
export interface WarningText {
  lang: string;
  label: string;
  /** The title around the emphasised level word: before, level, after. */
  title: [string, string, string];
  site: string;
  reason: string;
  why: string;
  mute: string;
  close: string;
  muted: string;
  /** What was found in the photo ("Found in the photo: …"), or an empty string. */
  found: string;
  /** Said after the licence nudge switched the page's licence. */
  switched: string;
  /** The cleaning action's label, and what is said after it ran ($1 = photos cleaned). */
  clean: string;
  cleaned: string;
  /** The reservation action's label, and what is said after it ran (a count marker for the photos reserved). */
  reserve: string;
  reserved: string;
  /** "See what they see": opens the panel of what a scraper gets from the photo. */
  see: string;
  /** For a photo the page sends by script: that it does (and, for a camera photo, that it took it); else ''. */
  sent: string;
}

/** One thing a collector gets from the photo's file, in words: what it is, what the file says, and what it lets a
 *  dataset builder do. `cleanable`: "Remove location and camera data" takes it out. */
export interface ScraperViewRow {
  kind: ScraperRowKind;
  label: string;
  value: string;
  use: string;
  cleanable: boolean;
}

/** The "what a scraper sees" panel for one photo: its words in the person's language, the rows, and the place at
 *  the panel's precision (src/core/scraper-view.ts). Face boxes are not here: the content script has them. */
export interface ScraperView {
  text: {
    lang: string;
    title: string;
    intro: string;
    close: string;
    /** "Photo ⁣count⁣ of ⁣total⁣": both markers are filled in by the panel. */
    photoOf: string;
    previous: string;
    next: string;
    facesHeading: string;
    /** Each with a count marker where the number goes. */
    facesOne: string;
    facesMany: string;
    facesNone: string;
    facesUnknown: string;
    facesPending: string;
    facesUse: string;
    photoLabel: string;
    fileHeading: string;
    mapHeading: string;
    mapLabel: string;
    mapNote: string;
    mapNone: string;
    clean: string;
    reserve: string;
  };
  rows: ScraperViewRow[];
  place: { latitude: number; longitude: number } | null;
}

/** How to read the upload page's licence and visibility controls, from the site rule. */
export interface PagePickers {
  licence: PickerRule<string> | null;
  visibility: PickerRule<Visibility> | null;
}

/** The page's own licence control and the value that means "All rights reserved": the licence nudge. */
export interface LicenceSwitch {
  selector: string;
  value: string;
  label: string;
}

export interface UploadResponse {
  assessment: Assessment;
  text: WarningText;
  licenceSwitch: LicenceSwitch | null;
  /** The photos carry location or identifying details that cleaning can remove. */
  offerCleaning: boolean;
  /** Whether to offer writing a "not for AI training" reservation into the photos (JPEGs without one yet). */
  offerReserve: boolean;
  /** Whether the in-page warning should appear (the site is not muted and the level reaches the threshold). */
  interrupt: boolean;
}

/** The session-storage key of a tab's record (src/background/tab-records.ts); the popup follows changes to it. */
export const recordKey = (tabId: number) => `tab:${tabId}`;

/** What the background keeps for each tab, in session storage so it survives the service worker stopping. */
export interface TabRecord {
  /** Rule id, or `domain:<registrable domain>` for a site not in the rules: what muting and navigation compare. */
  siteKey: string;
  pageUrl: string;
  path: UploadPath;
  photos: PhotoSummary[];
  /** What was read from the photos; 'unknown' where nothing was read. */
  photoFacts: PhotoFacts;
  /** Details from the first photo that has them, for the popup. */
  photoDetails: PhotosRead['photoDetails'];
  /** Photos whose details could not be read. */
  unreadablePhotos: number;
  /** Whether the faces are still being counted; when done, `photoFacts.faces` is the count or 'unknown' (the
   *  photos could not be checked on this device). */
  facesCheck: 'pending' | 'done';
  at: number;
  assessment: Assessment;
  /** What the page told AI crawlers in its own meta tags when the photo was chosen. */
  pageSignals: PageSignals;
}

/** A site rule with its datasets resolved: what the popup shows about the site. */
export interface SiteDetails {
  id: string;
  name: string;
  category: SiteCategory;
  terms: TermFact[];
  optOuts: OptOut[];
  datasets: DatasetRule[];
}

export interface RulesInfo {
  version: string;
  created: string;
  origin: 'bundled' | 'update';
}

export interface TabState {
  /** Whether the tab shows a web page (not a new tab, settings…). */
  web: boolean;
  siteKey: string | null;
  host: string | null;
  site: SiteDetails | null;
  muted: boolean;
  /** Muted by the organisation's policy: the person cannot un-mute it. */
  mutedByOrganisation: boolean;
  /** The organisation runs a training room: the popup leads with the demo. */
  trainerMode: boolean;
  /** Where the person is, as the model used it: facts for other regions are shown apart. */
  place: PlaceInUse;
  record: TabRecord | null;
  rules: RulesInfo;
}

/** The outcome of the last rules update check, in words the options page can explain. */
export interface UpdateStatus {
  checkedAt: number;
  outcome: 'updated' | 'current' | 'rejected' | 'failed' | 'off';
  reason:
    | 'updated'
    | 'no-url'
    | 'network'
    | 'timeout'
    | 'http-error'
    | 'too-large'
    | 'malformed'
    | 'unknown-key'
    | 'unknown-org-key'
    | 'bad-signature'
    | 'invalid-rules'
    | 'not-newer'
    | 'same-version'
    | 'needs-newer-extension';
  detail: string;
  /** The rules version in use after the check. */
  version?: number;
}

/** What the options page shows about the rules in use. */
export interface RulesSummary extends RulesInfo {
  lastCheck: UpdateStatus | null;
  updateUrl: string;
  siteCount: number;
  datasetCount: number;
  /** Display names of known sites by rule id, to name muted sites. */
  siteNames: Record<string, string>;
}

/** One simulated site on the demo's handout: its level for a public portrait where the trainer is, and why. */
export interface HandoutSite {
  demoSite: DemoSite;
  /** The site rule's name; null for the demo's blog, which is in no rule. */
  name: string | null;
  level: Level;
  reason: Message;
}

/** What the trainer demo shows from the rules: every dataset, and what the handout says of each simulated site,
 *  for the place the trainer's settings give. */
export interface DemoData {
  datasets: DatasetRule[];
  handout: HandoutSite[];
  place: PlaceInUse;
}
