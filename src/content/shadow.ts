/** The shadow root of an element, open or closed. Pages hide upload widgets in closed shadow roots; extensions may
 *  see into them (Chromium: chrome.dom.openOrClosedShadowRoot; Firefox: element.openOrClosedShadowRoot). */
export function shadowRootOf(element: Element): ShadowRoot | null {
  if (element.shadowRoot) return element.shadowRoot;
  const firefox = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  if (firefox) return firefox;
  const dom = (globalThis as { chrome?: { dom?: { openOrClosedShadowRoot?: (e: HTMLElement) => ShadowRoot | null } } })
    .chrome?.dom;
  if (dom?.openOrClosedShadowRoot && element instanceof HTMLElement) {
    try {
      return dom.openOrClosedShadowRoot(element);
    } catch {
      return null;
    }
  }
  return null;
}

/** File inputs inside a shadow root and any shadow roots nested in it, at most `limit` of them, so a hostile page
 *  with a deep or huge tree cannot keep us busy. */
export function fileInputsWithin(root: ShadowRoot, limit = 200): HTMLInputElement[] {
  const found: HTMLInputElement[] = [];
  const pending: ParentNode[] = [root];
  let visited = 0;
  while (pending.length > 0 && visited < 5000 && found.length < limit) {
    const node = pending.pop() as ParentNode;
    for (const element of node.querySelectorAll('*')) {
      visited++;
      if (element instanceof HTMLInputElement && element.type === 'file') found.push(element);
      const inner = shadowRootOf(element);
      if (inner) pending.push(inner);
    }
  }
  return found;
}
