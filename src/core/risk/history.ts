import type { DatasetRule, DatasetStatus } from '../rules/types';

/**
 * How much one dataset built from a site's photos says about a photo uploaded there today. Two things decide it,
 * and both are written down with their reasons in docs/risk-model.md:
 * - its status: a dataset still handed out keeps feeding new models and new datasets built from it; one withdrawn
 *   but still passed around (MegaFace, MS-Celeb-1M) almost as much; one given only on request reaches fewer hands;
 *   one withdrawn with no known copies still shows the site was a target; one deleted under an order, with the
 *   deletion certified (OkCupid → Clarifai, 2026), no longer exists to use.
 * - its age: a recent dataset shows that builders take photos from this site now; an old one shows what they did
 *   under the terms and practices of its time, and a photo uploaded today cannot be in it.
 */
export const STATUS_WEIGHT: Readonly<Record<DatasetStatus, number>> = {
  active: 1,
  'withdrawn-circulating': 0.75,
  restricted: 0.5,
  withdrawn: 0.25,
  deleted: 0,
};

/** Ages in whole years, and the weight a dataset of at most that age keeps; older ones keep the last weight. */
export const RECENCY_WEIGHT: ReadonlyArray<readonly [maxAge: number, weight: number]> = [
  [3, 1],
  [8, 0.5],
];
const OLDEST_WEIGHT = 0.25;

export function recencyWeight(year: number, asOf: string): number {
  const age = Math.max(0, Number(asOf.slice(0, 4)) - year);
  for (const [maxAge, weight] of RECENCY_WEIGHT) if (age <= maxAge) return weight;
  return OLDEST_WEIGHT;
}

/** A dataset's weight in a site's history: its status weight times its age weight, between 0 and 1. */
export function datasetWeight(dataset: Pick<DatasetRule, 'status' | 'year'>, asOf: string): number {
  return STATUS_WEIGHT[dataset.status] * recencyWeight(dataset.year, asOf);
}

/**
 * The points a site's history adds, from the sum of its datasets' weights: nothing when every dataset is deleted;
 * 1 for faint history (only old or withdrawn datasets); 2 for the weight of one recent, still distributed dataset;
 * 3 from twice that. More datasets, a later year or a stronger status never lower the sum, so never the points.
 */
export function historyPoints(totalWeight: number): number {
  if (totalWeight <= 0) return 0;
  if (totalWeight < 1) return 1;
  if (totalWeight < 2) return 2;
  return 3;
}
