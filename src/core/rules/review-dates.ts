/**
 * When each fact in the rules was last compared with its source. A fact not reviewed for a year may no longer be
 * true (terms change; datasets are withdrawn), and a review date in the future is a typo. Checked by the maintainers'
 * `rules:check` against today's date, never by the extension, whose device clock may be wrong.
 */
import type { RulesData } from './types';

export interface ReviewedFact {
  /** The rules file, as `rules/sites/flickr.json`. */
  file: string;
  /** Where in it, as `terms[2]` or `reviewed`. */
  field: string;
  reviewed: string;
}

/** Every review date in the rules, with the file and field it belongs to. */
export function reviewedFacts(data: RulesData): ReviewedFact[] {
  const facts: ReviewedFact[] = [];
  const add = (file: string, field: string, reviewed: string) => facts.push({ file, field, reviewed });
  for (const site of data.sites) {
    site.terms.forEach((term, index) => add(`rules/sites/${site.id}.json`, `terms[${index}].reviewed`, term.reviewed));
    site.optOuts.forEach((optOut, index) => add(`rules/sites/${site.id}.json`, `optOuts[${index}].reviewed`, optOut.reviewed));
  }
  for (const operator of data.operators) {
    operator.terms.forEach((term, index) => add(`rules/operators/${operator.id}.json`, `terms[${index}].reviewed`, term.reviewed));
    operator.optOuts.forEach((optOut, index) => add(`rules/operators/${operator.id}.json`, `optOuts[${index}].reviewed`, optOut.reviewed));
  }
  for (const dataset of data.datasets) add(`rules/datasets/${dataset.id}.json`, 'reviewed', dataset.reviewed);
  data.licences.forEach((licence, index) => add('rules/licences.json', `[${index}] (${licence.id}).reviewed`, licence.reviewed));
  return facts;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Facts reviewed more than `maxAgeDays` before `today` (warned about), and facts reviewed after it (an error). */
export function reviewProblems(data: RulesData, today: string, maxAgeDays = 365): { stale: Array<ReviewedFact & { days: number }>; future: ReviewedFact[] } {
  const stale: Array<ReviewedFact & { days: number }> = [];
  const future: ReviewedFact[] = [];
  for (const fact of reviewedFacts(data)) {
    const days = daysBetween(fact.reviewed, today);
    if (days < 0) future.push(fact);
    else if (days > maxAgeDays) stale.push({ ...fact, days });
  }
  return { stale, future };
}

/** The oldest review date among a site's own facts (its operator's count for the operator). */
export function oldestReview(dates: readonly string[]): string | null {
  return dates.length === 0 ? null : [...dates].sort()[0] ?? null;
}
