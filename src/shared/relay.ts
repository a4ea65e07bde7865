/**
 * The one channel from the page's main world to the isolated content script. The main-world hook dispatches a
 * MouseEvent of this type on `window` whose `relatedTarget` is a file input; DOM nodes are shared between worlds,
 * so the content script receives the very element, and reads its files with its own, untampered prototypes.
 *
 * Anything the page can say on this channel, it could also do by giving the person a file input: the content
 * script only ever watches that input for a person's choice, or assesses the files already in it. It never takes
 * settings, sites or results from the relay.
 */
export const RELAY_EVENT = 'afterlife-relay';

/** `detail` of the relay event. */
export const RelayKind = {
  /** The page opened the picker of this input (often one never attached to the document): watch it. */
  WatchInput: 1,
  /** The input holds files the page obtained from a picker (File System Access): assess them. */
  FilesPicked: 2,
  /** The input holds an image the page is sending by script (fetch, XMLHttpRequest, sendBeacon, WebSocket): check its
   *  bytes, and assess it if it is a photo. The content script answers with {@link RELAY_CHECKED_EVENT}. */
  ScriptSent: 3,
  /** As ScriptSent, for an image the page took from the camera. */
  CameraSent: 4,
} as const;
export type RelayKind = (typeof RelayKind)[keyof typeof RelayKind];

/** Dispatched by the content script on a ScriptSent or CameraSent carrier once it has checked the image (and shown
 *  the warning, if there is one): a `fetch` waits for it, at most a moment, before it sends (src/main-world/). */
export const RELAY_CHECKED_EVENT = 'afterlife-relay-checked';

/** On a ScriptSent or CameraSent carrier: the request waits and can send prepared copies ("always clean", "always
 *  mark") in place of the image; without it, the image is sent as it is, so none are made. */
export const REPLACEABLE_ATTRIBUTE = 'data-afterlife-replaceable';

/**
 * The other way, once: the content script dispatches this on `window` at the person's first step on the page
 * (src/content/first-step.ts), and the main-world hook wraps the file pickers then. One listener in the hook instead
 * of its own set of six, each of which every page load paid for. A page can dispatch it too; all that does is have
 * the pickers wrapped earlier.
 */
export const FIRST_STEP_EVENT = 'afterlife-first-step';
