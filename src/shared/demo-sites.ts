/** The trainer demo's simulated sites, and the site rule each one stands for (null: a blog that is in no rule). The
 *  pages in src/demo/sites/ carry the same rule in `data-demo-site`, which a unit test checks. */
export const DEMO_SITE_RULES = {
  photo: 'flickr',
  dating: 'okcupid',
  selfie: 'okcupid',
  social: 'facebook',
  blog: null,
  archive: 'wikimedia-commons',
} as const satisfies Record<string, string | null>;

export type DemoSite = keyof typeof DEMO_SITE_RULES;

export const DEMO_SITES = Object.keys(DEMO_SITE_RULES) as DemoSite[];
