import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { worldLandModule, worldLandPath } from './make-world-outline';

describe('the world outline shipped for the panel\'s map', () => {
  it('is what the script makes from Natural Earth (run it after changing it)', () => {
    const shipped = readFileSync(new URL('../../src/content/scraper-view/world-land.ts', import.meta.url), 'utf8');
    expect(shipped).toBe(worldLandModule());
  });

  it("stays small and within the map's height", () => {
    const path = worldLandPath();
    expect(path.length).toBeLessThan(16_000);
    for (const shape of path.split('z').filter(Boolean)) {
      const [start, steps = ''] = shape.slice(1).split('l');
      let [x, y] = start!.split(' ').map(Number) as [number, number];
      const numbers = steps.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
      for (let i = 0; i < numbers.length; i += 2) {
        x += numbers[i]!;
        y += numbers[i + 1]!;
        // A shape across the date line is drawn on both sides, partly outside; the view box clips it.
        expect(x).toBeGreaterThanOrEqual(-200);
        expect(x).toBeLessThanOrEqual(560);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(180);
      }
    }
    // The continents are there: some shapes, many points.
    expect(path.split('M').length - 1).toBeGreaterThan(20);
  });
});
