import { describe, expect, it } from 'vitest';
import { atMost, framedPageRow, pageCostRows, ratioToFloor, scriptTimeRow, tracedPeerRow, tracedRatioRow, verdictText } from './goals';

describe('atMost', () => {
  it('is met at or under the limit and not met over it', () => {
    expect(atMost(1.0, 1.01, 0).verdict).toBe('met');
    expect(atMost(1.01, 1.01, 0).verdict).toBe('met');
    expect(atMost(1.02, 1.01, 0).verdict).toBe('not met');
    expect(atMost(Number.NaN, 1.01, 0)).toEqual({ verdict: 'not met', withinNoise: false });
  });

  it('flags a verdict the A/A could flip, either way', () => {
    expect(verdictText(atMost(1.012, 1.01, 0.005))).toBe('not met (inside A/A noise)');
    expect(verdictText(atMost(1.008, 1.01, -0.005))).toBe('met (inside A/A noise)');
    expect(verdictText(atMost(1.03, 1.01, 0.005))).toBe('not met');
  });
});

describe('pageCostRows', () => {
  const medians = { with: 102, a: 100, b: 101, twin: 101.5, twin2: 100.8, peer: 105 };

  it('compares with the peer and checks our share on the heavy page', () => {
    const [peer, share, twin] = pageCostRows('heavy page', 'heavy', medians, '80 loads a side', 'PB');
    expect(peer).toMatchObject({ median: '1.020 vs 1.050', aa: '0.990', goal: 'ours ≤ peer', met: 'met' });
    // Our share's A/A is the twin against the second twin (101.5 / 100.8), not the two bare browsers.
    expect(share).toMatchObject({ median: '1.005', aa: '1.007', goal: '≤ 1.01', met: 'met (inside A/A noise)' });
    expect(twin).toMatchObject({ median: '1.015', goal: 'reported' });
  });

  it('says the peer comparison was skipped without a peer', () => {
    const [first] = pageCostRows('heavy page', 'heavy', { ...medians, peer: undefined }, '80 loads a side');
    expect(first).toMatchObject({ median: '1.020', goal: 'vs peer: skipped', met: '—' });
  });

  it('measures our share in milliseconds on the near-empty page', () => {
    const [, share] = pageCostRows('near-empty page', 'near-empty', { with: 11.6, a: 8.5, b: 8.7, twin: 10.2, twin2: 10.4, peer: 14 }, 'x');
    expect(share).toMatchObject({ median: '1.40', aa: '-0.20 ms', goal: '≤ 1 ms', met: 'not met' });
    const [, close] = pageCostRows('near-empty page', 'near-empty', { with: 11.1, a: 8.5, b: 8.5, twin: 10.2, twin2: 9.8, peer: 14 }, 'x');
    expect(close).toMatchObject({ median: '0.90', aa: '0.40 ms', met: 'met (inside A/A noise)' });
  });

  it('only reports our share on the infinite-scroll page', () => {
    const [, share] = pageCostRows('scroll', 'scroll', medians, 'x');
    expect(share).toMatchObject({ goal: 'reported', met: '—' });
  });
});

describe('ratioToFloor', () => {
  it('takes the median of the per-run ratios and the floor against itself as A/A', () => {
    expect(ratioToFloor([20, 30, 40, 10], [2, 3, 4, 1])).toEqual({ ratio: 10, aa: 3 / 2 });
    expect(ratioToFloor([10, 10], [1, 1])).toEqual({ ratio: 10, aa: 1 });
  });
});

describe('traced rows', () => {
  it('judges our scripts alone against the 1 ms goal, with the twin against a second twin as the A/A', () => {
    expect(scriptTimeRow('near-empty page', { with: 1.9, twin: 0.4, twin2: 0.45 }, '30 loads')).toMatchObject({ median: '1.50', aa: '-0.05 ms', goal: '≤ 1 ms', met: 'not met' });
    expect(scriptTimeRow('near-empty page', { with: 1.3, twin: 0.4, twin2: 0.4 }, '30 loads').met).toBe('met');
  });

  it('sets our scripts alone on the heavy page against the twin page, as the 1.01 goal is set', () => {
    const row = tracedRatioRow('heavy page', { with: 2.3, twin: 0.45, twin2: 0.2 }, 200, '30 loads');
    expect(row).toMatchObject({ median: '1.009', aa: '1.001', goal: '≤ 1.01', met: 'met (inside A/A noise)' });
    expect(tracedRatioRow('heavy page', { with: 4.5, twin: 0.45, twin2: 0.45 }, 200, '30 loads').met).toBe('not met');
  });

  it("compares our scripts with the peer's, both traced, with the twins as the A/A", () => {
    const row = tracedPeerRow('infinite scroll', { with: 1.9, twin: 0.4, twin2: 0.42, peer: 7.6 }, 'PB', '30 traced loads');
    expect(row).toMatchObject({ median: '1.90 vs 7.60', aa: '-0.02 ms', goal: 'ours ≤ peer', met: 'met' });
    expect(row.figure).toContain("our scripts vs PB's");
    expect(tracedPeerRow('x', { with: 7.7, twin: 0.4, twin2: 0.25, peer: 7.6 }, 'PB', '').met).toBe('not met (inside A/A noise)');
  });

  it('reports the framed page with the frames our scripts ran in, and judges nothing', () => {
    const row = framedPageRow('article with four ad frames', { with: 2.9, twin: 0.7, twin2: 0.72 }, { ours: 2, all: 6 }, '16 loads');
    expect(row).toMatchObject({ median: '2.20', aa: '-0.02 ms', goal: 'reported', met: '—' });
    expect(row.spread).toContain('ran in 2 of its 6 frames');
  });
});
