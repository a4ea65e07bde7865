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
} as const;
export type RelayKind = (typeof RelayKind)[keyof typeof RelayKind];
