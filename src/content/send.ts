import type { Request } from '../shared/protocol';

/** How the content script talks to the extension's worker: injected, so the demo's simulated sites add their own. */
export type Send = (request: Request) => Promise<unknown>;
