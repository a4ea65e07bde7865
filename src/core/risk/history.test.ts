import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATASET_STATUSES } from '../rules/types';
import { datasetWeight, historyPoints, recencyWeight, STATUS_WEIGHT } from './history';

describe('history: a dataset weighs by its status and its age', () => {
  it('weighs a deleted dataset at nothing, whatever its age', () => {
    expect(datasetWeight({ status: 'deleted', year: 2026 }, '2026-11-29')).toBe(0);
  });

  it('weighs a recent, still distributed dataset fully', () => {
    expect(datasetWeight({ status: 'active', year: 2024 }, '2026-11-29')).toBe(1);
  });

  it('weighs older datasets less: within 3 years fully, within 8 half, older a quarter', () => {
    expect(recencyWeight(2023, '2026-11-29')).toBe(1);
    expect(recencyWeight(2018, '2026-11-29')).toBe(0.5);
    expect(recencyWeight(2014, '2026-11-29')).toBe(0.25);
    expect(recencyWeight(2030, '2026-11-29')).toBe(1);
  });

  it('orders the statuses from still distributed to deleted', () => {
    const weights = DATASET_STATUSES.map((status) => STATUS_WEIGHT[status]);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
  });

  it('turns the sum into 0 to 3 points, never fewer for more weight', () => {
    expect([0, 0.1, 0.99, 1, 1.9, 2, 7].map(historyPoints)).toEqual([0, 1, 1, 2, 2, 3, 3]);
    fc.assert(fc.property(fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (a, b) => historyPoints(a + b) >= historyPoints(a)));
  });

  it('never weighs a dataset more for being older or for a weaker status', () => {
    const status = fc.constantFrom(...DATASET_STATUSES);
    const rank = (value: (typeof DATASET_STATUSES)[number]) => DATASET_STATUSES.length - DATASET_STATUSES.indexOf(value);
    fc.assert(
      fc.property(status, status, fc.integer({ min: 1990, max: 2030 }), fc.nat(30), (a, b, year, older) => {
        const [strong, weak] = rank(a) >= rank(b) ? [a, b] : [b, a];
        return datasetWeight({ status: strong, year }, '2026-11-29') >= datasetWeight({ status: weak, year: year - older }, '2026-11-29');
      }),
    );
  });
});
