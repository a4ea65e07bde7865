import type { Message } from './types';

/** A message for the interface: its key in `_locales` and positional substitutions. */
export const msg = (key: string, ...params: Array<string | number>): Message => ({ key, params: params.map(String) });
