import { describe, expect, it } from 'vitest';
import { loadProjectRules } from '../../../scripts/rules/project-rules';
import { oldestReview, reviewedFacts, reviewProblems } from './review-dates';

const { data } = loadProjectRules();

describe('review dates of the rules', () => {
  it('finds every fact with the file and field it lives in', () => {
    const facts = reviewedFacts(data);
    expect(facts.length).toBeGreaterThan(200);
    expect(facts.find((fact) => fact.file === 'rules/sites/flickr.json' && fact.field === 'terms[0].reviewed')).toBeDefined();
    expect(facts.some((fact) => fact.file.startsWith('rules/datasets/'))).toBe(true);
  });

  it('warns about facts not reviewed for a year, and reports a review date in the future as an error', () => {
    const changed = structuredClone(data);
    const first = changed.sites.find((site) => site.terms.length >= 2);
    if (!first?.terms[0] || !first.terms[1]) throw new Error('a site with two facts is needed');
    first.terms[0].reviewed = '2024-01-01';
    first.terms[1].reviewed = '2027-01-01';
    const { stale, future } = reviewProblems(changed, '2026-11-30');
    expect(stale).toContainEqual({ file: `rules/sites/${first.id}.json`, field: 'terms[0].reviewed', reviewed: '2024-01-01', days: 1064 });
    expect(future).toEqual([{ file: `rules/sites/${first.id}.json`, field: 'terms[1].reviewed', reviewed: '2027-01-01' }]);
  });

  it('finds the rules as shipped reviewed within the year before their own date', () => {
    expect(reviewProblems(data, data.created)).toEqual({ stale: [], future: [] });
  });

  it('names the oldest review', () => {
    expect(oldestReview(['2026-11-29', '2025-03-01', '2026-01-01'])).toBe('2025-03-01');
    expect(oldestReview([])).toBeNull();
  });
});
