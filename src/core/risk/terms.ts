import { appliesIn } from '../region';
import type { TermFact } from '../rules/types';
import type { ElsewhereFact, Evidence, MetadataOnSite, Signals } from './types';

/** The site's facts on a topic that hold where the person is; facts limited to other regions do not count. */
export function termsOn(signals: Signals, topic: TermFact['topic'], value?: string): TermFact[] {
  if (!signals.site) return [];
  return signals.site.terms.filter(
    (term) => term.topic === topic && (value === undefined || term.value === value) && appliesIn(term, signals.regions),
  );
}

/** Where a fact holds and whose terms it comes from, carried to the interface only when set. */
const scopeOf = (fact: Pick<TermFact, 'where' | 'outside' | 'operator'>) => ({
  ...(fact.where ? { where: fact.where } : {}),
  ...(fact.outside ? { outside: fact.outside } : {}),
  ...(fact.operator ? { operator: fact.operator } : {}),
});

export const termEvidence = (term: TermFact): Evidence => ({ kind: 'term', text: term.summary, source: term.source, reviewed: term.reviewed, ...scopeOf(term) });

/** What the site's rules say for other regions than the person's: shown, never counted. */
export function elsewhereOf(signals: Signals): ElsewhereFact[] {
  const site = signals.site;
  if (!site) return [];
  return [
    ...site.terms
      .filter((term) => !appliesIn(term, signals.regions))
      .map((term): ElsewhereFact => ({ kind: 'term', topic: term.topic, text: term.summary, source: term.source, reviewed: term.reviewed, ...scopeOf(term) })),
    ...site.optOuts
      .filter((optOut) => !appliesIn(optOut, signals.regions))
      .map((optOut): ElsewhereFact => ({ kind: 'opt-out', topic: optOut.name, text: `${optOut.name}: ${optOut.summary}`, source: optOut.source, reviewed: optOut.reviewed, ...scopeOf(optOut) })),
  ];
}

/** Whether the site keeps a photo's embedded metadata in the copies it shows: its fact where the person is, or
 *  'unknown' (never assumed either way, since a reservation must not be said to travel where it may not). */
export function metadataOnSiteOf(signals: Signals): MetadataOnSite {
  const [fact] = termsOn(signals, 'upload-metadata');
  if (!fact || (fact.value !== 'kept' && fact.value !== 'stripped' && fact.value !== 'partly')) return { value: 'unknown' };
  return { value: fact.value, evidence: termEvidence(fact) };
}
