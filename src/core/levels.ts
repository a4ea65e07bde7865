/** How likely a photo is to get an afterlife as training data. The same four words everywhere:
 *  in-page warning, toolbar badge, popup and command line. */
export const LEVELS = ['low', 'medium', 'high', 'very-high'] as const;
export type Level = (typeof LEVELS)[number];

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function maxLevel(a: Level, b: Level): Level {
  return levelRank(a) >= levelRank(b) ? a : b;
}

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}
