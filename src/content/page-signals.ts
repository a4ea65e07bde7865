import { pageSignalsOf, type PageSignals } from '../core/page-signals';

/** The page's own meta tags to AI crawlers (src/core/page-signals.ts), read when a photo is chosen, not at load. */
export function readPageSignals(doc: Document = document): PageSignals {
  const tags = [...doc.querySelectorAll('meta[name]')].slice(0, 200).map((meta) => ({ name: meta.getAttribute('name') ?? '', content: meta.getAttribute('content') ?? '' }));
  return pageSignalsOf(tags);
}
