import type { Message } from './risk/types';

/** A `_locales/<lang>/messages.json` file: what `browser.i18n` reads in the extension. */
export type MessageCatalog = Record<string, { message: string; description?: string }>;

/** Looks up a message and fills `$1`…`$9` the way `browser.i18n.getMessage` does, for code that runs outside the
 *  extension (command line, tests). `$$` is a literal dollar sign. */
export function formatMessage(catalog: MessageCatalog, key: string, params: readonly string[] = []): string {
  const entry = catalog[key];
  if (!entry) return '';
  return entry.message.replace(/\$(\$|[1-9])/g, (_, token: string) => (token === '$' ? '$' : (params[Number(token) - 1] ?? '')));
}

/** Text for a message or a plain string from the rules data. */
export function textOf(text: Message | string, translate: (key: string, params: string[]) => string): string {
  return typeof text === 'string' ? text : translate(text.key, text.params);
}
