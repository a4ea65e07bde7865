import type { Level } from '../levels';
import { appliesIn } from '../region';
import type { LicenceRule, SiteCategory, TermFact } from '../rules/types';
import { historyFactor, ongoingFactor } from './dataset-factors';
import { msg } from './message';
import { elsewhereOf, metadataOnSiteOf, termEvidence, termsOn } from './terms';
import type { Action, Assessment, Evidence, Factor, Knowledge, Signals } from './types';

export type { Knowledge } from './types';

/** Points at which each level starts. See docs/risk-model.md for why. */
const THRESHOLDS: ReadonlyArray<[Level, number]> = [
  ['very-high', 6],
  ['high', 4],
  ['medium', 2],
  ['low', 0],
];

export function levelForPoints(points: number): Level {
  for (const [level, from] of THRESHOLDS) if (points >= from) return level;
  return 'low';
}


/** Where no reviewed fact gives a site's default visibility, its kind of service does: files in cloud storage and
 *  messages are private until shared, and dating profiles are shown to the service's members. */
const CATEGORY_EXPOSURE: Partial<Record<SiteCategory, 'members' | 'private'>> = {
  'cloud-storage': 'private',
  messaging: 'private',
  dating: 'members',
};

/** Who can see the photo once uploaded: what the page's picker says, else the site's default, else unknown. */
function exposureOf(signals: Signals): Signals['visibility'] {
  if (signals.visibility !== 'unknown') return signals.visibility;
  // Where the rules give more than one default (Instagram: public for adults, private for under-18s) the widest
  // counts: the model does not know the person's age, and unknown is never treated as safe.
  const defaults = termsOn(signals, 'default-visibility').map((term) => term.value);
  for (const widest of ['public', 'members', 'private'] as const) if (defaults.includes(widest)) return widest;
  return (signals.site && CATEGORY_EXPOSURE[signals.site.category]) ?? 'unknown';
}

function exposureFactors(signals: Signals): Factor[] {
  const exposure = exposureOf(signals);
  const defaults = termsOn(signals, 'default-visibility').map(termEvidence);
  if (defaults.length === 0 && signals.visibility === 'unknown' && signals.site && CATEGORY_EXPOSURE[signals.site.category]) {
    defaults.push({ kind: 'baseline', text: msg(`evidence_category_exposure_${signals.site.category.replace('-', '_')}`) });
  }
  const chosen: Evidence[] =
    signals.visibility === 'unknown' ? [] : [{ kind: 'page', text: msg(`evidence_visibility_${signals.visibility}`) }];
  if (exposure === 'private') return [];
  if (exposure === 'members') {
    return [{ id: 'members-only', points: 1, reason: msg('factor_members_only'), evidence: [...chosen, ...defaults] }];
  }
  return [
    {
      id: 'public-web',
      points: 2,
      reason: msg(exposure === 'public' ? 'factor_public_web' : 'factor_public_web_unknown'),
      evidence: [...chosen, ...defaults, { kind: 'baseline', text: msg('evidence_public_web_crawled') }],
    },
  ];
}

function termFactors(signals: Signals): Factor[] {
  const factors: Factor[] = [];
  const licensing = termsOn(signals, 'ai-licensing', 'yes');
  if (licensing.length > 0) {
    factors.push({ id: 'ai-licensing', points: 2, reason: msg('factor_ai_licensing'), evidence: licensing.map(termEvidence) });
  }
  const training = termsOn(signals, 'ai-training', 'yes');
  if (training.length > 0) {
    factors.push({ id: 'ai-training', points: 1, reason: msg('factor_ai_training'), evidence: training.map(termEvidence) });
  }
  const biometrics = termsOn(signals, 'biometrics', 'yes');
  if (biometrics.length > 0) {
    factors.push({ id: 'biometrics', points: 1, reason: msg('factor_biometrics'), evidence: biometrics.map(termEvidence) });
  }
  const category = signals.site?.category;
  if (category === 'dating' || category === 'professional') {
    factors.push({
      id: 'face-centric-site',
      points: 1,
      reason: msg(`factor_face_centric_${category}`),
      evidence: [{ kind: 'baseline', text: msg('evidence_profile_photos_show_faces') }],
    });
  }
  return factors;
}

type LicenceOrigin = 'page' | 'photo' | 'site';

/** The licences this upload will carry: the one picked on the page, else the site's default for uploads; and any
 *  licence written inside the photo file, which travels with every copy. */
function licencesOf(signals: Signals): Array<{ id: string; from: LicenceOrigin; term?: TermFact }> {
  const found: Array<{ id: string; from: LicenceOrigin; term?: TermFact }> = [];
  if (signals.pageLicence) found.push({ id: signals.pageLicence, from: 'page' });
  else for (const term of termsOn(signals, 'content-licence')) found.push({ id: term.value, from: 'site', term });
  const embedded = signals.photo.embeddedLicence;
  if (embedded && embedded !== 'unknown') found.push({ id: embedded, from: 'photo' });
  return found;
}

const LICENCE_EVIDENCE: Record<LicenceOrigin, string> = {
  page: 'evidence_licence_chosen',
  photo: 'evidence_licence_embedded',
  site: 'evidence_licence_site_default',
};

function licenceFactor(signals: Signals, knowledge: Knowledge): Factor[] {
  const open = licencesOf(signals)
    .map((candidate) => ({ ...candidate, licence: knowledge.licences.get(candidate.id) }))
    .filter((candidate): candidate is typeof candidate & { licence: LicenceRule } => !!candidate.licence?.openLicence);
  if (open.length === 0) return [];
  // A licence that also allows commercial reuse passed every licence filter dataset builders are known to have used.
  const commercial = open.find((candidate) => candidate.licence.commercial);
  const evidence: Evidence[] = [];
  for (const { licence, from, term } of open) {
    evidence.push(
      term
        ? termEvidence(term)
        : { kind: 'licence', text: msg(LICENCE_EVIDENCE[from], licence.name), source: licence.url },
    );
    evidence.push({ kind: 'licence', text: licence.datasetUse, source: licence.sources[0]?.url, reviewed: licence.reviewed });
  }
  const named = commercial ?? open[0];
  return [
    {
      id: 'open-licence',
      points: commercial ? 3 : 2,
      reason: msg(commercial ? 'factor_open_licence_commercial' : 'factor_open_licence', named?.licence.name ?? ''),
      evidence,
    },
  ];
}

/** What is in the photo matters once others can see it; a private file's content does not make it easier to scrape. */
function photoFactors(signals: Signals): Factor[] {
  const { photo } = signals;
  const factors: Factor[] = [];
  if (exposureOf(signals) === 'private') return factors;
  if (typeof photo.faces === 'number' && photo.faces > 0) {
    factors.push({
      id: 'faces',
      points: 1,
      reason: msg(photo.faces === 1 ? 'factor_faces_one' : 'factor_faces_many', photo.faces),
      evidence: [{ kind: 'photo', text: msg('evidence_faces_detected', photo.faces) }],
    });
  }
  if (photo.location === true) {
    factors.push({
      id: 'location',
      points: 1,
      reason: msg('factor_location'),
      evidence: [{ kind: 'photo', text: msg('evidence_location') }],
    });
  }
  const identifying: Evidence[] = [];
  if (photo.cameraSerial === true) identifying.push({ kind: 'photo', text: msg('evidence_camera_serial') });
  if (photo.creatorName === true) identifying.push({ kind: 'photo', text: msg('evidence_creator_name') });
  if (identifying.length > 0) {
    factors.push({ id: 'identifying-metadata', points: 1, reason: msg('factor_identifying_metadata'), evidence: identifying });
  }
  return factors;
}

function actionsFor(signals: Signals, factors: Factor[]): Action[] {
  const actions: Action[] = [];
  const has = (id: Factor['id']) => factors.some((factor) => factor.id === id);
  for (const optOut of signals.site?.optOuts ?? []) {
    if (!appliesIn(optOut, signals.regions)) continue;
    actions.push({ id: 'site-opt-out', text: `${optOut.name}: ${optOut.summary}`, path: optOut.path, url: optOut.url, source: optOut.source });
  }
  if (has('open-licence')) actions.push({ id: 'choose-restrictive-licence', text: msg('action_choose_restrictive_licence') });
  if (has('public-web')) actions.push({ id: 'make-private', text: msg('action_make_private') });
  if (has('location') || has('identifying-metadata')) actions.push({ id: 'remove-location', text: msg('action_remove_location') });
  if (signals.site?.id === 'flickr' && has('site-datasets')) {
    actions.push({ id: 'check-exposing-ai', text: msg('action_check_exposing_ai'), url: 'https://exposing.ai/search/' });
  }
  if (!signals.site) actions.push({ id: 'avoid-public-face-photos', text: msg('action_avoid_public_face_photos') });
  return actions;
}

/**
 * The assessment of one upload: deterministic, and monotonic — every factor adds zero or more points, so more
 * evidence of risk can only keep or raise the level. A site missing from the rules starts from the same public-web
 * baseline as any other public page: unknown is not safe.
 */
export function assess(signals: Signals, knowledge: Knowledge): Assessment {
  const factors: Factor[] = [
    ...(signals.site ? [] : [{ id: 'unknown-site' as const, points: 0, reason: msg('factor_unknown_site', signals.host), evidence: [{ kind: 'baseline' as const, text: msg('evidence_unknown_site') }] }]),
    ...exposureFactors(signals),
    ...historyFactor(signals, knowledge, exposureOf(signals)),
    ...ongoingFactor(signals, knowledge, exposureOf(signals)),
    ...termFactors(signals),
    ...licenceFactor(signals, knowledge),
    ...photoFactors(signals),
  ];
  const points = factors.reduce((sum, factor) => sum + factor.points, 0);
  const level = levelForPoints(points);
  const siteName = signals.site?.name ?? signals.host;
  // The one line of the warning: the strongest reason, and on a tie the one about this very upload (its licence,
  // what is in the photo) rather than about the site in general.
  const specific = (factor: Factor) => (['open-licence', 'location', 'faces', 'identifying-metadata'].includes(factor.id) ? 1 : 0);
  const strongest = [...factors].sort((a, b) => b.points - a.points || specific(b) - specific(a))[0];
  return {
    level,
    points,
    siteId: signals.site?.id ?? 'unknown',
    site: signals.site ? { id: signals.site.id, name: signals.site.name, category: signals.site.category } : null,
    host: signals.host,
    photoCount: signals.photoCount,
    summary: msg(`summary_${level.replace('-', '_')}`, siteName),
    reason: strongest?.reason ?? msg('factor_public_web_unknown'),
    factors,
    actions: actionsFor(signals, factors),
    regions: [...signals.regions],
    elsewhere: elsewhereOf(signals),
    metadataOnSite: metadataOnSiteOf(signals),
  };
}
