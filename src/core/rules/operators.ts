import type { OperatorRule, OptOut, Scoped, SiteRule, TermFact } from './types';

/** The regions a fact is limited to, as one comparable key: a site's fact replaces its operator's fact only when
 *  both speak of the same topic for the same people. */
const scopeKey = (scoped: Scoped) => `${[...(scoped.where ?? [])].sort().join(',')}|${[...(scoped.outside ?? [])].sort().join(',')}`;

/**
 * The site as a person meets it: its own facts and opt-outs, and those of the company that runs it. A company's
 * terms are written once, on its operator, so every service it runs gets the same facts — and so the same level
 * for them — by construction. A site overrides an operator's fact by stating its own on the same topic for the same
 * regions, and an operator's opt-out by naming its own the same way. An operator's fact that names `services` holds
 * for those services only.
 */
export function withOperator(site: SiteRule, operator: OperatorRule | undefined): SiteRule {
  if (!operator) return site;
  const forThisService = (scoped: Scoped) => !scoped.services || scoped.services.includes(site.id);
  const own = new Set(site.terms.map((term) => `${term.topic}|${scopeKey(term)}`));
  const inheritedTerms: TermFact[] = operator.terms
    .filter((term) => forThisService(term) && !own.has(`${term.topic}|${scopeKey(term)}`))
    .map(({ services: _services, ...term }) => ({ ...term, operator: operator.name }));
  const ownOptOuts = new Set(site.optOuts.map((optOut) => optOut.name));
  const inheritedOptOuts: OptOut[] = operator.optOuts
    .filter((optOut) => forThisService(optOut) && !ownOptOuts.has(optOut.name))
    .map(({ services: _services, ...optOut }) => ({ ...optOut, operator: operator.name }));
  return {
    ...site,
    terms: [...site.terms, ...inheritedTerms],
    optOuts: [...site.optOuts, ...inheritedOptOuts],
    officialDomains: [...(site.officialDomains ?? []), ...(operator.officialDomains ?? [])],
    officialUrls: [...(site.officialUrls ?? []), ...(operator.officialUrls ?? [])],
  };
}

/** Every site with its operator's facts merged in. */
export function resolveOperators(sites: readonly SiteRule[], operators: readonly OperatorRule[]): SiteRule[] {
  const byId = new Map(operators.map((operator) => [operator.id, operator]));
  return sites.map((site) => withOperator(site, site.operator ? byId.get(site.operator) : undefined));
}
