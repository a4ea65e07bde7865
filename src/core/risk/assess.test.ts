import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadProjectRules } from '../../../scripts/rules/project-rules';
import { levelRank, type Level } from '../levels';
import { regionsOf } from '../region';
import { DATASET_STATUSES, type SiteRule } from '../rules/types';
import { assess } from './assess';
import type { PageVisibility, PhotoFacts, Signals } from './types';

const { rules, expectations } = loadProjectRules();
/** History is weighed as of the rules' review day, as in rules/expectations.json. */
const AS_OF = rules.created;
const site = (id: string): SiteRule => {
  const found = rules.sites.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no site ${id} in rules/`);
  return found;
};

const UNREAD: PhotoFacts = { faces: 'unknown', location: 'unknown', cameraSerial: 'unknown', creatorName: 'unknown', embeddedLicence: 'unknown' };

interface Case {
  site: string | null;
  licence?: string;
  visibility?: PageVisibility;
  photo?: Partial<PhotoFacts>;
  /** The person's country setting (`DE`, `US-IL`); none by default. */
  region?: string;
  level: Level;
}

function signalsFor(c: Omit<Case, 'level'>): Signals {
  return {
    site: c.site ? site(c.site) : null,
    host: c.site ? (site(c.site).domains[0] ?? '') : 'blog.example.org',
    pageLicence: c.licence ?? null,
    visibility: c.visibility ?? 'unknown',
    photoCount: 1,
    photo: { ...UNREAD, ...c.photo },
    regions: regionsOf(c.region ?? ''),
    asOf: AS_OF,
  };
}

const levelOf = (c: Omit<Case, 'level'>) => assess(signalsFor(c), rules.knowledge).level;

// site × licence × visibility × photo facts, with the level each must give (points in docs/risk-model.md).
const CASES: Case[] = [
  // Clearview AI, still collecting, names Flickr among its sources: 2 + history 3 + ongoing 2.
  { site: 'flickr', level: 'very-high' },
  { site: 'flickr', licence: 'cc-by-2.0', level: 'very-high' },
  { site: 'flickr', licence: 'cc-by-nc-2.0', level: 'very-high' },
  { site: 'flickr', licence: 'cc-by-nc-nd-4.0', level: 'very-high' },
  { site: 'flickr', licence: 'all-rights-reserved', level: 'very-high' },
  { site: 'flickr', licence: 'not-a-licence', level: 'very-high' },
  { site: 'flickr', visibility: 'private', level: 'low' },
  { site: 'flickr', visibility: 'private', licence: 'cc-by-2.0', level: 'medium' },
  { site: 'flickr', visibility: 'members', level: 'very-high' },
  { site: 'flickr', photo: { faces: 2 }, level: 'very-high' },
  { site: 'flickr', photo: { location: true }, level: 'very-high' },
  { site: 'flickr', licence: 'all-rights-reserved', photo: { faces: 0, location: false }, level: 'very-high' },
  { site: null, level: 'medium' },
  { site: null, visibility: 'public', level: 'medium' },
  { site: null, visibility: 'members', level: 'low' },
  { site: null, visibility: 'private', level: 'low' },
  { site: null, photo: { faces: 1 }, level: 'medium' },
  { site: null, photo: { faces: 1, location: true }, level: 'high' },
  { site: null, photo: { faces: 3, location: true, cameraSerial: true }, level: 'high' },
  { site: null, photo: { faces: 3, location: true, cameraSerial: true }, visibility: 'private', level: 'low' },
  { site: null, photo: { embeddedLicence: 'cc-by-4.0' }, level: 'high' },
  { site: null, photo: { embeddedLicence: 'cc-by-nc-4.0' }, level: 'high' },
  { site: null, photo: { embeddedLicence: 'all-rights-reserved' }, level: 'medium' },
  { site: null, licence: 'cc0-1.0', level: 'high' },
  { site: null, photo: { embeddedLicence: 'cc-by-4.0', faces: 1 }, level: 'very-high' },
  // The OkCupid → Clarifai photos were deleted under the FTC's order: listed, not counted.
  { site: 'okcupid', level: 'medium' },
  { site: 'okcupid', photo: { faces: 1 }, level: 'high' },
  { site: 'okcupid', photo: { faces: 1, location: true }, level: 'high' },
  // People of Tinder (2017, withdrawn) adds a little history; Tinder's terms let it train on uploads.
  { site: 'tinder', level: 'high' },
  { site: 'tinder', photo: { faces: 1 }, level: 'very-high' },
  // A regional fact counts only where it holds: TikTok's US terms let it train on uploads.
  { site: 'tiktok', region: 'US', level: 'very-high' },
  { site: 'tiktok', region: 'DE', level: 'high' },
  { site: 'whatsapp', photo: { faces: 1 }, level: 'low' },
  { site: 'linkedin', level: 'very-high' },
  { site: 'linkedin', visibility: 'private', level: 'medium' },
  { site: 'dropbox', level: 'low' },
  { site: 'dropbox', visibility: 'public', level: 'medium' },
  { site: 'dropbox', photo: { faces: 1, location: true }, level: 'low' },
  { site: 'google-photos', level: 'low' },
  { site: 'pixabay', level: 'high' },
  { site: 'pixabay', photo: { faces: 1 }, level: 'very-high' },
  { site: 'x', level: 'very-high' },
  { site: 'wikimedia-commons', level: 'very-high' },
  { site: 'reddit', level: 'high' },
  { site: 'mastodon-social', level: 'medium' },
];

describe('assess: table of cases', () => {
  it.each(CASES.map((c) => [JSON.stringify({ ...c, level: undefined }), c] as const))('%s', (_, c) => {
    expect(levelOf(c)).toBe(c.level);
  });
});

describe('assess: the expected case for every site rule (rules/expectations.json)', () => {
  it.each(expectations.map((e) => [e.site, e] as const))('%s', (_, expectation) => {
    const assessment = assess(
      signalsFor({
        site: expectation.site,
        licence: expectation.licence,
        visibility: expectation.visibility,
        photo: { faces: expectation.faces ?? 'unknown', location: expectation.location ?? 'unknown' },
        region: expectation.region,
      }),
      rules.knowledge,
    );
    expect(assessment.level).toBe(expectation.level);
    if (expectation.factors) {
      expect(assessment.factors.filter((factor) => factor.points > 0).map((factor) => factor.id).sort()).toEqual([...expectation.factors].sort());
    }
  });
});

describe('assess: what every assessment gives', () => {
  it('names an unknown site as unknown and explains the baseline', () => {
    const assessment = assess(signalsFor({ site: null }), rules.knowledge);
    expect(assessment.siteId).toBe('unknown');
    expect(assessment.factors.map((factor) => factor.id)).toEqual(['unknown-site', 'public-web']);
    expect(assessment.actions.map((action) => action.id)).toContain('avoid-public-face-photos');
  });

  it('backs every factor with evidence, and every evidence from the rules with a source', () => {
    for (const candidate of rules.sites) {
      const assessment = assess(signalsFor({ site: candidate.id, licence: 'cc-by-2.0', photo: { faces: 1, location: true } }), rules.knowledge);
      for (const factor of assessment.factors) {
        expect(factor.evidence.length, `${candidate.id} ${factor.id}`).toBeGreaterThan(0);
        for (const evidence of factor.evidence) {
          if (evidence.kind === 'term' || evidence.kind === 'dataset') expect(evidence.source, `${candidate.id} ${factor.id}`).toMatch(/^https:\/\//);
        }
      }
    }
  });

  it('offers the site opt-outs first, with their paths', () => {
    const assessment = assess(signalsFor({ site: 'linkedin' }), rules.knowledge);
    expect(assessment.actions[0]?.id).toBe('site-opt-out');
    expect(assessment.actions[0]?.path).toBeTruthy();
  });

  it('is deterministic', () => {
    const signals = signalsFor({ site: 'flickr', licence: 'cc-by-2.0', photo: { faces: 2 } });
    expect(assess(signals, rules.knowledge)).toEqual(assess(signals, rules.knowledge));
  });
});

describe('assess: more evidence of risk never lowers the level', () => {
  const licenceIds = [...rules.knowledge.licences.keys()];
  const visibility = fc.constantFrom<PageVisibility>('private', 'members', 'public', 'unknown');
  const photoFacts = fc.record({
    faces: fc.oneof(fc.constant<'unknown'>('unknown'), fc.nat(5)),
    location: fc.constantFrom<boolean | 'unknown'>(true, false, 'unknown'),
    cameraSerial: fc.constantFrom<boolean | 'unknown'>(true, false, 'unknown'),
    creatorName: fc.constantFrom<boolean | 'unknown'>(true, false, 'unknown'),
    embeddedLicence: fc.oneof(fc.constant<null | 'unknown'>(null), fc.constant<'unknown'>('unknown'), fc.constantFrom(...licenceIds)),
  });
  const signals = fc.record({
    site: fc.oneof(fc.constant(null), fc.constantFrom(...rules.sites)),
    host: fc.constant('example.org'),
    pageLicence: fc.oneof(fc.constant(null), fc.constantFrom(...licenceIds)),
    visibility,
    photoCount: fc.integer({ min: 1, max: 10 }),
    photo: photoFacts,
    regions: fc.constantFrom('', 'DE', 'GB', 'US', 'US-IL', 'CA', 'NZ').map(regionsOf),
    asOf: fc.constantFrom(AS_OF, '2030-06-01'),
  });
  // 'unknown' means the page's picker was not read, so the site's default applies: it is not ranked against a choice.
  const exposureRank: Record<PageVisibility, number> = { private: 0, members: 1, public: 2, unknown: Number.NaN };
  const rankOf = (signalsValue: Signals) => levelRank(assess(signalsValue, rules.knowledge).level);

  it('when the photo shows more faces, or carries location, a serial number or a creator', () => {
    fc.assert(
      fc.property(signals, fc.nat(3), (base, extraFaces) => {
        const faces = typeof base.photo.faces === 'number' ? base.photo.faces + extraFaces : extraFaces;
        const riskier: Signals = { ...base, photo: { ...base.photo, faces, location: true, cameraSerial: true, creatorName: true } };
        return rankOf(riskier) >= rankOf(base);
      }),
      { numRuns: 500 },
    );
  });

  it('when the photo is shown to more people', () => {
    fc.assert(
      fc.property(signals, visibility, (base, wider) => {
        fc.pre(exposureRank[wider] >= exposureRank[base.visibility]); // false whenever either is 'unknown'
        return rankOf({ ...base, visibility: wider }) >= rankOf(base);
      }),
      { numRuns: 500 },
    );
  });

  it('when an open licence is added to the page or the photo', () => {
    const open = licenceIds.filter((id) => rules.knowledge.licences.get(id)?.openLicence);
    fc.assert(
      fc.property(signals, fc.constantFrom(...open), (base, licence) => {
        fc.pre(base.photo.embeddedLicence === null || base.photo.embeddedLicence === 'unknown');
        const withEmbedded: Signals = { ...base, photo: { ...base.photo, embeddedLicence: licence } };
        return rankOf(withEmbedded) >= rankOf(base);
      }),
      { numRuns: 500 },
    );
  });

  it('when the site gains a dataset, a training or licensing deal, or biometric terms', () => {
    const datasetIds = [...rules.knowledge.datasets.keys()];
    const term = (topic: 'ai-training' | 'ai-licensing' | 'biometrics') => ({ topic, value: 'yes', summary: 'x', source: 'https://example.org/', reviewed: '2026-01-01' });
    fc.assert(
      fc.property(signals, fc.constantFrom(...rules.sites), fc.constantFrom(...datasetIds), fc.constantFrom('ai-training', 'ai-licensing', 'biometrics') as fc.Arbitrary<'ai-training' | 'ai-licensing' | 'biometrics'>, (base, siteRule, dataset, topic) => {
        const before: Signals = { ...base, site: siteRule };
        const grown: SiteRule = { ...siteRule, datasets: [...new Set([...siteRule.datasets, dataset])], terms: [...siteRule.terms, term(topic)] };
        return rankOf({ ...before, site: grown }) >= rankOf(before);
      }),
      { numRuns: 500 },
    );
  });

  it('when one of the site\'s datasets is more recent, or more available, than thought', () => {
    const statuses = DATASET_STATUSES;
    fc.assert(
      fc.property(signals, fc.constantFrom(...rules.sites.filter((candidate) => candidate.datasets.length > 0)), fc.nat(20), fc.nat(statuses.length - 1), (base, siteRule, yearsLater, stronger) => {
        const before: Signals = { ...base, site: siteRule };
        const [first] = siteRule.datasets;
        const original = rules.knowledge.datasets.get(first!)!;
        const statusIndex = Math.min(statuses.indexOf(original.status), stronger);
        const changed = { ...original, year: original.year + yearsLater, status: statuses[statusIndex]! };
        const knowledge = { ...rules.knowledge, datasets: new Map([...rules.knowledge.datasets, [original.id, changed]]) };
        return levelRank(assess(before, knowledge).level) >= levelRank(assess(before, rules.knowledge).level);
      }),
      { numRuns: 500 },
    );
  });
});

describe('assess: region', () => {
  it('counts a fact only where it holds and lists it under elsewhere otherwise', () => {
    const tiktok = site('tiktok');
    const inGermany = assess(signalsFor({ site: 'tiktok', region: 'DE' }), rules.knowledge);
    const inUs = assess(signalsFor({ site: 'tiktok', region: 'US' }), rules.knowledge);
    const usOnly = tiktok.terms.filter((term) => term.where?.includes('us'));
    expect(usOnly.length).toBeGreaterThan(0);
    expect(inUs.factors.map((factor) => factor.id)).toContain('ai-training');
    expect(inGermany.factors.map((factor) => factor.id)).not.toContain('ai-training');
    expect(inGermany.elsewhere.map((fact) => fact.text)).toEqual(expect.arrayContaining(usOnly.map((term) => term.summary)));
    expect(inUs.elsewhere.map((fact) => fact.text)).not.toEqual(expect.arrayContaining(usOnly.map((term) => term.summary)));
  });

  it('offers an opt-out only where it can be used', () => {
    const optOutsIn = (region: string) => assess(signalsFor({ site: 'facebook', region }), rules.knowledge).actions.filter((action) => action.id === 'site-opt-out').map((action) => String(action.text));
    const euForm = (texts: string[]) => texts.filter((text) => text.startsWith('Object to AI training'));
    expect(euForm(optOutsIn('DE')).length).toBe(1);
    expect(euForm(optOutsIn('US'))).toEqual([]);
  });

  it('weighs a deleted dataset at nothing: OkCupid\'s history is listed, not counted', () => {
    const okcupid = assess(signalsFor({ site: 'okcupid' }), rules.knowledge);
    const history = okcupid.factors.find((factor) => factor.id === 'site-datasets');
    expect(history?.points).toBe(0);
    expect(history?.evidence.some((evidence) => typeof evidence.text === 'object' && evidence.text.key === 'evidence_dataset_deleted')).toBe(true);
  });
});

describe('what the site does with a photo\'s own metadata (where a reservation lives)', () => {
  const base = site('okcupid');
  const fact = (value: string, where?: ['eu-eea']) => ({
    topic: 'upload-metadata' as const,
    value,
    summary: `The site's copies have the metadata ${value}.`,
    source: 'https://okcupid.com/help',
    reviewed: '2026-11-30',
    ...(where ? { where } : {}),
  });
  const withFacts = (...terms: ReturnType<typeof fact>[]): Signals => ({ ...signalsFor({ site: 'okcupid' }), site: { ...base, terms: [...base.terms, ...terms] } });

  it('is unknown where the rules say nothing, never assumed kept', () => {
    expect(assess({ ...signalsFor({ site: 'okcupid' }), site: { ...base, terms: base.terms.filter((term) => term.topic !== 'upload-metadata') } }, rules.knowledge).metadataOnSite).toEqual({ value: 'unknown' });
    expect(assess(signalsFor({ site: null }), rules.knowledge).metadataOnSite).toEqual({ value: 'unknown' });
  });

  it('names the fact and its source, and holds only where the fact holds', () => {
    const stripped = assess(withFacts(fact('stripped')), rules.knowledge).metadataOnSite;
    expect(stripped).toMatchObject({ value: 'stripped', evidence: { kind: 'term', source: 'https://okcupid.com/help' } });
    const euOnly = withFacts(fact('kept', ['eu-eea']));
    expect(assess({ ...euOnly, regions: regionsOf('DE') }, rules.knowledge).metadataOnSite.value).toBe('kept');
    expect(assess({ ...euOnly, regions: regionsOf('US') }, rules.knowledge).metadataOnSite.value).not.toBe('kept');
  });

  it('never changes the level: a reservation explains, it does not protect by itself', () => {
    const levels = ['kept', 'stripped', 'partly'].map((value) => assess(withFacts(fact(value)), rules.knowledge).points);
    expect(new Set(levels).size).toBe(1);
  });
});
