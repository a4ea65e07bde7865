import type { UploadPath } from '../../shared/protocol';

/** Called with the files a person chose, however they reached the page, and the input that holds them when there
 *  is one (so a cleaned copy can replace them); or with an image the page is sending by script (`sent`). */
export type FilesFound = (files: readonly File[], path: UploadPath, input?: HTMLInputElement, sent?: SentByScript) => void;

/** Says an image sent by script has been checked; `prepared`, when the person's automatic actions made copies (cleaned,
 *  marked) for the page to send instead, in the same order. */
export type OnChecked = (prepared?: readonly File[]) => void;

/** An image on its way out by script: whether the request can send prepared copies instead (only a `fetch` waits
 *  for them), and whom to tell once it is checked. */
export interface SentByScript {
  replaceable: boolean;
  onChecked: OnChecked;
}

/**
 * "Always clean my photos": given a trusted event carrying files, decides synchronously whether to hold it back
 * from the page (returns true) — it then cleans the files and hands the page the cleaned copy itself.
 */
export type Interceptor = (event: Event, input: HTMLInputElement) => boolean;
