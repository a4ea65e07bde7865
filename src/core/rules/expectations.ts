import * as v from 'valibot';
import { LEVELS } from '../levels';
import { isCountrySetting } from '../region';
import { Id, LicenceId } from './schema';

/**
 * What maintainers expect the model to say about each site: the test that comes with every rule. A case gives the
 * signals of one upload (by default: one photo, nothing read from the page or the photo, no region) and the level
 * and factors the assessment must show. History is weighed as of the day the rules were last reviewed (meta.json),
 * so the table does not drift with the calendar.
 */
const FACTOR_IDS = [
  'public-web',
  'members-only',
  'unknown-site',
  'site-datasets',
  'ongoing-collection',
  'ai-licensing',
  'ai-training',
  'biometrics',
  'face-centric-site',
  'open-licence',
  'faces',
  'location',
  'identifying-metadata',
] as const;

export const ExpectationSchema = v.strictObject({
  site: Id,
  licence: v.optional(LicenceId),
  visibility: v.optional(v.picklist(['public', 'members', 'private', 'unknown'], 'must be public, members, private or unknown')),
  faces: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  location: v.optional(v.boolean()),
  /** Where the person is: an ISO 3166 code such as `DE` or `US-IL`. Without it, only facts that hold everywhere count. */
  region: v.optional(v.pipe(v.string(), v.check((value: string) => isCountrySetting(value), 'must be an ISO 3166 code such as DE, GB, US or US-IL'))),
  level: v.picklist(LEVELS, `must be one of ${LEVELS.join(', ')}`),
  factors: v.optional(v.array(v.picklist(FACTOR_IDS, `must be a factor id: ${FACTOR_IDS.join(', ')}`))),
  why: v.optional(v.pipe(v.string(), v.maxLength(500))),
});

export const ExpectationsFileSchema = v.array(ExpectationSchema, 'must be a list of expected assessments');

export type SiteExpectation = v.InferOutput<typeof ExpectationSchema>;
