import type { UploadPath } from '../../shared/protocol';

/** Called with the files a person chose, however they reached the page. */
export type FilesFound = (files: readonly File[], path: UploadPath) => void;
