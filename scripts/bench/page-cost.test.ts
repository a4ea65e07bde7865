import { describe, expect, it } from 'vitest';
import { loadOrder } from './page-cost';

describe('loadOrder', () => {
  it('gives every side each place equally often over as many loads as there are sides (three or more)', () => {
    const sides = 5;
    const places = Array.from({ length: sides }, () => new Array<number>(sides).fill(0));
    for (let load = 0; load < sides * 4; load++) loadOrder(sides, load).forEach((side, place) => places[side]![place]!++);
    for (const counts of places) expect(counts).toEqual([4, 4, 4, 4, 4]);
  });

  it('never lets a side load twice in a row, within a load or across two', () => {
    for (const sides of [2, 3, 4, 5]) {
      const sequence = Array.from({ length: 12 }, (_, load) => loadOrder(sides, load)).flat();
      for (let turn = 1; turn < sequence.length; turn++) expect(sequence[turn]).not.toBe(sequence[turn - 1]);
    }
  });

  it('visits every side once per load', () => {
    expect(loadOrder(4, 0)).toEqual([0, 1, 2, 3]);
    expect(loadOrder(4, 1)).toEqual([1, 2, 3, 0]);
    expect(loadOrder(4, 6).sort()).toEqual([0, 1, 2, 3]);
  });
});
