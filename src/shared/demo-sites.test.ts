import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_SITE_RULES, DEMO_SITES } from './demo-sites';

describe("the demo's simulated sites", () => {
  it('each page names the site rule the handout and the worker use for it', () => {
    for (const site of DEMO_SITES) {
      const html = readFileSync(join(import.meta.dirname, `../demo/sites/${site}.html`), 'utf8');
      expect(html.match(/data-demo-site="([^"]+)"/)?.[1], site).toBe(DEMO_SITE_RULES[site] ?? 'unknown');
    }
  });
});
