import { describe, expect, it } from 'vitest';
import { pagePlans, scaled } from './bench-page-cost';

describe('scaled', () => {
  it('keeps a plan as it is without reductions', () => {
    expect(scaled({ rounds: 2, loadsPerRound: 15 }, {})).toEqual({ rounds: 2, loadsPerRound: 15 });
  });

  it('spreads the loads asked for over the rounds asked for, at least one a round', () => {
    expect(scaled({ rounds: 4, loadsPerRound: 20 }, { AFTERLIFE_BENCH_LOADS: '30', AFTERLIFE_BENCH_ROUNDS: '3' })).toEqual({ rounds: 3, loadsPerRound: 10 });
    expect(scaled({ rounds: 2, loadsPerRound: 15 }, { AFTERLIFE_BENCH_LOADS: '2', AFTERLIFE_BENCH_ROUNDS: '4' })).toEqual({ rounds: 4, loadsPerRound: 1 });
  });

  it('ignores values that are not positive whole numbers', () => {
    expect(scaled({ rounds: 2, loadsPerRound: 15 }, { AFTERLIFE_BENCH_LOADS: 'lots', AFTERLIFE_BENCH_ROUNDS: '0' })).toEqual({ rounds: 2, loadsPerRound: 15 });
  });
});

describe('pagePlans', () => {
  it('measures the heavy, infinite-scroll and near-empty pages, each reduced alike', () => {
    const plans = pagePlans({ AFTERLIFE_BENCH_LOADS: '2', AFTERLIFE_BENCH_ROUNDS: '1' });
    expect(plans.map((plan) => [plan.kind, plan.rounds * plan.loadsPerRound])).toEqual([
      ['heavy', 2],
      ['scroll', 2],
      ['near-empty', 2],
    ]);
  });
});
