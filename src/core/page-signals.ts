/**
 * What a page itself tells AI crawlers and dataset builders in its HTML, read on the device when a photo is chosen:
 * robots directives against AI use (`noai`, `noimageai`, as DeviantArt introduced them) and the W3C TDM Reservation
 * Protocol's `tdm-reservation` / `tdm-policy` meta tags. Only the page's own statement: response headers
 * (`X-Robots-Tag`, the `tdm-reservation` header) and `/.well-known/tdmrep.json` are out of a content script's reach.
 *
 * Sources (checked 2026-11-30): TDMRep final community group report, 2024-05-10,
 * https://www.w3.org/community/reports/tdmrep/CG-FINAL-tdmrep-20240510/ (values 1 and 0; the HTML technique covers the
 * page's own content, not the images it links to: https://w3c.github.io/tdm-reservation-protocol/techniques/technique-html-meta.html);
 * DeviantArt, "UPDATE: All Deviations Are Opted Out of AI Datasets" (the `noai` and `noimageai` directives).
 */
export interface PageSignals {
  /** The robots directives the page gives that concern AI: `noai`, `noimageai`. */
  robotsAi: Array<'noai' | 'noimageai'>;
  /** TDMRep: '1' when the page reserves text-and-data-mining rights, '0' when it says it does not; null when silent. */
  tdmReservation: '1' | '0' | null;
  /** TDMRep: the address of the page's TDM licensing policy, when it gives one. */
  tdmPolicy: string | null;
}

export const NO_PAGE_SIGNALS: Readonly<PageSignals> = Object.freeze({ robotsAi: [], tdmReservation: null, tdmPolicy: null });

/** A meta tag as the page wrote it: its name and content, nothing else. */
export interface MetaTag {
  name: string;
  content: string;
}

const AI_DIRECTIVES = ['noai', 'noimageai'] as const;
/** Only the first tags count: a page with thousands of meta tags gets no more attention than one with a few. */
const MAX_TAGS = 200;

/** Reads the signals from a page's meta tags; anything malformed counts as silence, never as a reservation. */
export function pageSignalsOf(tags: readonly MetaTag[]): PageSignals {
  const robotsAi = new Set<PageSignals['robotsAi'][number]>();
  let tdmReservation: PageSignals['tdmReservation'] = null;
  let tdmPolicy: string | null = null;
  for (const tag of tags.slice(0, MAX_TAGS)) {
    const name = tag.name.trim().toLowerCase();
    const content = tag.content.slice(0, 1000).trim();
    if (name === 'robots') {
      for (const directive of content.toLowerCase().split(/[\s,]+/)) {
        if ((AI_DIRECTIVES as readonly string[]).includes(directive)) robotsAi.add(directive as PageSignals['robotsAi'][number]);
      }
    } else if (name === 'tdm-reservation' && tdmReservation === null && (content === '1' || content === '0')) {
      tdmReservation = content;
    } else if (name === 'tdm-policy' && tdmPolicy === null && isPolicyUrl(content)) {
      tdmPolicy = content;
    }
  }
  return { robotsAi: AI_DIRECTIVES.filter((directive) => robotsAi.has(directive)), tdmReservation, tdmPolicy };
}

/** A policy address worth showing: http(s), no credentials, a sane length. */
function isPolicyUrl(value: string): boolean {
  if (value.length > 500) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** The background's check of signals a content script reports: the same reading again, from what was sent. */
export function validPageSignals(raw: unknown): PageSignals {
  if (!raw || typeof raw !== 'object') return NO_PAGE_SIGNALS;
  const sent = raw as Record<string, unknown>;
  const tags: MetaTag[] = [];
  if (Array.isArray(sent.robotsAi)) tags.push({ name: 'robots', content: sent.robotsAi.filter((value) => typeof value === 'string').join(',') });
  if (typeof sent.tdmReservation === 'string') tags.push({ name: 'tdm-reservation', content: sent.tdmReservation });
  if (typeof sent.tdmPolicy === 'string') tags.push({ name: 'tdm-policy', content: sent.tdmPolicy });
  return pageSignalsOf(tags);
}

export const saysAnything = (signals: PageSignals): boolean => signals.robotsAi.length > 0 || signals.tdmReservation !== null;
