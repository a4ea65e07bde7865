import type { Translate } from '../shared/i18n';

/** Fills every `[data-i18n]` element's text from the message of that key: for static HTML pages (the demo's sites). */
export function localiseDocument(root: ParentNode, translate: Translate): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = element.dataset.i18n;
    if (key) element.textContent = translate(key);
  }
}
