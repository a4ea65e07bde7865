/** Only the "always clean" choice from stored settings, read as parseSettings reads it: for the content script,
 *  which needs nothing else and should not carry the rest of the parsing into every page. */
export function alwaysCleanOf(raw: unknown): boolean {
  return raw !== null && typeof raw === 'object' && (raw as Record<string, unknown>).alwaysClean === true;
}
