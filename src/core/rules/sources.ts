import { getDomain } from 'tldts';
import type { OperatorRule, SiteRule } from './types';

/**
 * Which sources are primary: the company's own pages (the site's domains, its official domains, its operator's)
 * and the institutions listed in rules/primary-sources.json (regulators, courts, legislatures, the papers and
 * dataset cards that describe a dataset). Anything else — press, blogs, aggregators — is secondary. The check is by
 * registrable domain, so `help.instagram.com` counts for Instagram and `instagram.com.evil.example` does not.
 */
export interface PrimaryDomains {
  /** Registrable domains, or exact hosts where a shared platform hosts many voices (`github.com` is not listed). */
  institutions: ReadonlySet<string>;
  /** URL prefixes where a dataset's publisher speaks for it on a shared platform. */
  publisherPages?: readonly string[];
}

const registrable = (url: string): string | null => {
  try {
    const host = new URL(url).hostname;
    return getDomain(host, { allowPrivateDomains: true }) ?? host;
  } catch {
    return null;
  }
};

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
};

export function isPrimarySource(url: string, own: ReadonlySet<string>, primary: PrimaryDomains, ownUrls: readonly string[] = []): boolean {
  const domain = registrable(url);
  const host = hostOf(url);
  if (!domain || !host) return false;
  if (ownUrls.some((prefix) => url.startsWith(prefix))) return true;
  return own.has(domain) || primary.institutions.has(domain) || primary.institutions.has(host);
}

export interface SourceShare {
  site: string;
  claims: number;
  primary: number;
  /** The claims whose sources are secondary, for a maintainer to replace. */
  secondary: Array<{ field: string; source: string }>;
}

/** The share of a site's claims (its facts and opt-outs, its operator's included) that cite a primary source. */
export function sourceShare(site: SiteRule, operator: OperatorRule | undefined, primary: PrimaryDomains): SourceShare {
  const own = new Set(
    [...site.domains, ...(site.officialDomains ?? []), ...(operator?.officialDomains ?? [])].map((domain) => getDomain(domain, { allowPrivateDomains: true }) ?? domain),
  );
  const claims = [
    ...site.terms.map((term, index) => ({ field: `terms[${index}]`, source: term.source })),
    ...site.optOuts.map((optOut, index) => ({ field: `optOuts[${index}]`, source: optOut.source })),
    ...(operator?.terms ?? [])
      .filter((term) => !term.services || term.services.includes(site.id))
      .map((term, index) => ({ field: `operator ${operator?.id} terms[${index}]`, source: term.source })),
    ...(operator?.optOuts ?? [])
      .filter((optOut) => !optOut.services || optOut.services.includes(site.id))
      .map((optOut, index) => ({ field: `operator ${operator?.id} optOuts[${index}]`, source: optOut.source })),
  ];
  const ownUrls = [...(site.officialUrls ?? []), ...(operator?.officialUrls ?? []), ...(primary.publisherPages ?? [])];
  const secondary = claims.filter((claim) => !isPrimarySource(claim.source, own, primary, ownUrls));
  return { site: site.id, claims: claims.length, primary: claims.length - secondary.length, secondary };
}
