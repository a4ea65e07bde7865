import type { UploadPath } from '../../shared/protocol';

/** Called with the files a person chose, however they reached the page, and the input that holds them when there
 *  is one (so a cleaned copy can replace them). */
export type FilesFound = (files: readonly File[], path: UploadPath, input?: HTMLInputElement) => void;

/**
 * "Always clean my photos": given a trusted event carrying files, decides synchronously whether to hold it back
 * from the page (returns true) — it then cleans the files and hands the page the cleaned copy itself.
 */
export type Interceptor = (event: Event, input: HTMLInputElement) => boolean;
