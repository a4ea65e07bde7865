import { parse } from 'tldts';
import type { SiteRule } from './types';

/** The part of a URL that decides which site it belongs to. */
export interface SiteKey {
  /** Host name in lower case, without a trailing dot (`upload.flickr.com`). */
  host: string;
  /** Registrable domain by the Public Suffix List, private suffixes included (`flickr.com`, `alice.github.io`);
   *  the host itself for IP addresses and single-label hosts. */
  domain: string;
}

const WEB_PAGE = /^https?:\/\//i;
const PARSE_OPTIONS = { allowPrivateDomains: true, validateHostname: true } as const;

/** Parses with tldts alone — one pass over the URL, no URL object — because the matcher runs on every upload and
 *  the bench holds it to a million lookups a second. */
export function siteKeyOf(url: string): SiteKey | null {
  if (!WEB_PAGE.test(url)) return null;
  const parsed = parse(url, PARSE_OPTIONS);
  const host = parsed.hostname?.replace(/\.$/, '');
  if (!host) return null;
  return { host, domain: (parsed.isIp ? null : parsed.domain) ?? host };
}

export type SiteMatcher = (url: string) => SiteRule | null;

/**
 * Compiles the sites into a lookup keyed by domain. A rule's domain covers itself and its subdomains, so a lookup
 * walks from the host up to its registrable domain and never further: `flickr.com.evil.test` stops at
 * `evil.test`. The cost depends on the number of labels in the host, not on the number of sites.
 */
export function compileMatcher(sites: readonly SiteRule[]): SiteMatcher {
  const byDomain = new Map<string, SiteRule>();
  for (const site of sites) {
    for (const domain of site.domains) byDomain.set(domain.toLowerCase(), site);
  }
  return (url) => {
    const key = siteKeyOf(url);
    if (!key) return null;
    let candidate = key.host;
    for (;;) {
      const site = byDomain.get(candidate);
      if (site) return site;
      if (candidate === key.domain) return null;
      const dot = candidate.indexOf('.');
      if (dot < 0) return null;
      candidate = candidate.slice(dot + 1);
    }
  };
}
