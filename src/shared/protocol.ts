import type { ImageFormat } from '../core/photo/sniff';
import type { Assessment, PageVisibility } from '../core/risk/types';

/** How the photo reached the page. */
export type UploadPath = 'file-input' | 'detached-input' | 'drop' | 'paste' | 'file-picker';

export interface PhotoSummary {
  name: string;
  type: string;
  size: number;
  format: ImageFormat;
}

/** What a content script reports when a person chooses photos: plain facts, never the photo's bytes. */
export interface UploadReport {
  path: UploadPath;
  photos: PhotoSummary[];
  pageLicence: string | null;
  visibility: PageVisibility;
}

/** Messages from content scripts and extension pages to the background. The background works out the page and
 *  site from the sender, never from the message, so a page cannot make it speak about another site. */
export type Request =
  | { type: 'upload'; report: UploadReport }
  | { type: 'mute-site' }
  | { type: 'open-explanation' }
  | { type: 'tab-state'; tabId: number }
  | { type: 'unmute-site'; siteKey: string };

export interface UploadResponse {
  assessment: Assessment;
  /** Whether the in-page warning should appear (the site is not muted and the level reaches the threshold). */
  interrupt: boolean;
}

/** What the background keeps for each tab, in session storage so it survives the service worker stopping. */
export interface TabRecord {
  /** Rule id, or `domain:<registrable domain>` for a site not in the rules: what muting and navigation compare. */
  siteKey: string;
  pageUrl: string;
  path: UploadPath;
  photos: PhotoSummary[];
  at: number;
  assessment: Assessment;
}

export interface TabState {
  /** The tab's page is not a web page (new tab, settings…). */
  web: boolean;
  siteKey: string | null;
  siteName: string | null;
  siteCategory: string | null;
  host: string | null;
  muted: boolean;
  record: TabRecord | null;
}
