import type { Knowledge } from '../risk/assess';
import { compileMatcher, siteKeyOf, type SiteMatcher } from './match';
import { resolveOperators } from './operators';
import type { RulesData, SiteRule } from './types';

/** Rules ready for use: compiled once when they are loaded, then shared by every lookup. */
export interface CompiledRules {
  version: string;
  created: string;
  match: SiteMatcher;
  knowledge: Knowledge;
  sites: readonly SiteRule[];
}

export function compileRules(data: RulesData): CompiledRules {
  // Sites carry their operator's facts from here on: matching, the model and the popup all see the same site.
  const sites = resolveOperators(data.sites, data.operators ?? []);
  return {
    version: data.version,
    created: data.created,
    match: compileMatcher(sites),
    knowledge: {
      datasets: new Map(data.datasets.map((dataset) => [dataset.id, dataset])),
      licences: new Map(data.licences.map((licence) => [licence.id, licence])),
    },
    sites,
  };
}

/** What muting and "same site" compare: the rule id, or the registrable domain for a site not in the rules. */
export function siteKeyFor(rules: CompiledRules, url: string): string | null {
  const site = rules.match(url);
  if (site) return site.id;
  const key = siteKeyOf(url);
  return key ? `domain:${key.domain}` : null;
}
