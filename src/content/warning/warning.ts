import type { Level } from '../../core/levels';
import type { Assessment } from '../../core/risk/types';
import type { WarningText } from '../../shared/protocol';
import { element } from '../dom';
import { PANEL_CSS } from '../scraper-view/styles';
import { WARNING_CSS } from './styles';

export interface WarningHandlers {
  onWhy(): void;
  /** The page keeps removing the warning: show the explanation somewhere the page cannot reach. */
  onSuppressed(): void;
  onMute(): void;
  /** The licence nudge: selects "All rights reserved" in the page's own picker. */
  onSwitchLicence?: { label: string; act(): void } | undefined;
  /** This warning follows a licence switch: say so. */
  switched?: boolean;
  /** "Remove location and camera data": replaces the files the page holds with cleaned copies. */
  onClean?: (() => void) | undefined;
  /** This warning follows a cleaning of this many photos: say so. */
  cleanedCount?: number;
  /** "Mark it not for AI training": replaces the files the page holds with copies carrying a reservation. */
  onReserve?: (() => void) | undefined;
  /** This warning follows writing a reservation into this many photos: say so. */
  reservedCount?: number;
  /** "See what they see": opens the panel (src/content/scraper-view/) in the warning's panel slot. */
  onSee?: (() => void) | undefined;
}

const MARKS: Record<Level, string> = { low: 'i', medium: '!', high: '!!', 'very-high': '!!!' };

let current: { host: HTMLElement; dismiss(): void } | null = null;

/** How many times the warning is put back after a page removes it — enough for a framework re-rendering the body.
 *  A page that keeps removing it is fighting it: the explanation then opens where the page cannot reach. */
const MAX_REINSERTIONS = 3;
const MAX_RESTORATIONS = 50;
const HOST_ATTRIBUTES = ['data-afterlife', 'data-afterlife-level', 'data-afterlife-site'] as const;

/**
 * Keeps the warning in the page while the person has not dismissed it: a page that removes it gets it back, and a
 * page that hides or restyles the host element has its change undone. It watches only the warning's parent and the
 * host itself, so it costs nothing on busy pages.
 */
function guard(host: HTMLElement, attributes: Record<string, string>, onSuppressed: () => void): () => void {
  let reinsertions = 0;
  // A page that answers every restoration with another change would keep both sides busy forever: after this many
  // rounds the page is fighting the warning, and we stop (without a loop that could freeze the page).
  let restorations = 0;
  const style = host.getAttribute('style') ?? '';
  // Only differences are written back, so restoring never triggers itself.
  const restore = () => {
    if (++restorations > MAX_RESTORATIONS) {
      observer.disconnect();
      onSuppressed();
      return;
    }
    for (const [name, value] of Object.entries(attributes)) if (host.getAttribute(name) !== value) host.setAttribute(name, value);
    for (const name of host.getAttributeNames()) if (!(name in attributes) && name !== 'style') host.removeAttribute(name);
    if (host.getAttribute('style') !== style) host.setAttribute('style', style);
  };
  const observer = new MutationObserver(() => {
    if (!host.isConnected) {
      if (reinsertions >= MAX_REINSERTIONS) {
        observer.disconnect();
        onSuppressed();
        return;
      }
      reinsertions++;
      (document.body ?? document.documentElement).append(host);
      watchParent();
    }
    restore();
  });
  const watchParent = () => {
    if (host.parentNode) observer.observe(host.parentNode, { childList: true });
    observer.observe(document.documentElement, { childList: true });
  };
  observer.observe(host, { attributes: true });
  watchParent();
  return () => observer.disconnect();
}

/** Inline declarations marked important on the host outrank any page stylesheet, so a page cannot hide or move it
 *  with CSS; everything inside lives in a shadow root. */
function styleHost(host: HTMLElement): void {
  const declarations: Record<string, string> = {
    all: 'initial',
    display: 'block',
    position: 'fixed',
    right: '16px',
    bottom: '16px',
    'z-index': '2147483647',
    visibility: 'visible',
    opacity: '1',
  };
  for (const [name, value] of Object.entries(declarations)) host.style.setProperty(name, value, 'important');
}

function adoptStyles(root: ShadowRoot): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WARNING_CSS + PANEL_CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Constructable stylesheets can be unavailable to extension code; a style element works there.
    root.append(element('style', { text: WARNING_CSS + PANEL_CSS }));
  }
}

/** Shows the in-page warning for an assessment in this frame's document, replacing any earlier one. It never takes
 *  focus and never blocks the page: the upload goes on whatever the person does with it. */
export function showWarning(assessment: Assessment, text: WarningText, handlers: WarningHandlers): HTMLElement {
  // A warning updated while the person is on one of its buttons (the face count arrived) keeps them there.
  const focused = current?.host.shadowRoot?.activeElement;
  const focusedLabel = focused?.closest('.card') ? focused.textContent : null;
  // An update of a warning still on screen replaces it in place, without arriving again.
  const updating = current?.host.isConnected === true;
  current?.dismiss();
  const host = document.createElement('div');
  const attributes: Record<(typeof HOST_ATTRIBUTES)[number], string> = {
    'data-afterlife': 'warning',
    'data-afterlife-level': assessment.level,
    'data-afterlife-site': assessment.siteId,
  };
  for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
  styleHost(host);
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root);

  const [before, level, after] = text.title;
  const title = element('p', { className: 'title' });
  title.append(before, element('strong', { text: level }), after, ' ', element('span', { className: 'site', text: text.site }));
  const reason = element('p', { className: 'reason', text: text.reason });
  const found = [text.sent, text.found].filter(Boolean).map((line) => element('p', { className: 'found', text: line }));
  if (handlers.switched) found.push(element('p', { className: 'found', text: text.switched }));
  if (handlers.cleanedCount) found.push(element('p', { className: 'found', text: text.cleaned.replace('\u2063count\u2063', String(handlers.cleanedCount)) }));
  if (handlers.reservedCount) found.push(element('p', { className: 'found', text: text.reserved.replace('\u2063count\u2063', String(handlers.reservedCount)) }));
  const clean = handlers.onClean ? element('button', { text: text.clean, attrs: { type: 'button', 'data-action': 'clean' } }) : null;
  const reserve = handlers.onReserve ? element('button', { text: text.reserve, attrs: { type: 'button', 'data-action': 'reserve' } }) : null;
  const nudge = handlers.onSwitchLicence
    ? element('button', { className: 'primary', text: handlers.onSwitchLicence.label, attrs: { type: 'button', 'data-action': 'switch-licence' } })
    : null;

  const why = element('button', { className: 'primary', text: text.why, attrs: { type: 'button' } });
  const see = handlers.onSee ? element('button', { text: text.see, attrs: { type: 'button', 'data-action': 'see' } }) : null;
  const mute = element('button', { text: text.mute, attrs: { type: 'button' } });
  const close = element('button', {
    className: 'close',
    text: '\u00d7',
    attrs: { type: 'button', 'aria-label': text.close, title: text.close },
  });
  const announcement = element('div', { className: 'text', attrs: { role: 'alert' } }, [title, reason, ...found]);
  const card = element(
    'section',
    { className: updating ? 'card updated' : 'card', attrs: { 'data-level': assessment.level, 'aria-label': text.label, lang: text.lang } },
    [
      element('div', { className: 'head' }, [
        element('span', { className: 'mark', text: MARKS[assessment.level], attrs: { 'aria-hidden': 'true' } }),
        announcement,
        close,
      ]),
      element('div', { className: 'actions' }, [
        ...(nudge ? [nudge] : []),
        ...(clean ? [clean] : []),
        ...(reserve ? [reserve] : []),
        ...(see ? [see] : []),
        why,
        ...(text.mute ? [mute] : []),
      ]),
    ],
  );
  // The "what a scraper sees" panel opens here, above the card.
  root.append(element('div', { attrs: { 'data-slot': 'panel' } }), card);

  let unguard = () => {};
  const dismiss = () => {
    unguard();
    host.remove();
    if (current?.host === host) current = null;
  };
  // Only a person's own clicks and keys count: page scripts can reach into an open shadow root and click.
  const onTrusted = (button: HTMLButtonElement, action: () => void) =>
    button.addEventListener('click', (event) => {
      if (event.isTrusted) action();
    });
  onTrusted(close, dismiss);
  onTrusted(why, handlers.onWhy);
  if (nudge && handlers.onSwitchLicence) onTrusted(nudge, handlers.onSwitchLicence.act);
  if (clean && handlers.onClean) onTrusted(clean, handlers.onClean);
  if (reserve && handlers.onReserve) onTrusted(reserve, handlers.onReserve);
  if (see && handlers.onSee) onTrusted(see, handlers.onSee);
  onTrusted(mute, () => {
    handlers.onMute();
    reason.textContent = text.muted;
    mute.remove();
    window.setTimeout(dismiss, 6000);
  });
  root.addEventListener('keydown', (event) => {
    if (event instanceof KeyboardEvent && event.isTrusted && event.key === 'Escape') dismiss();
  });

  (document.body ?? document.documentElement).append(host);
  if (focusedLabel !== null) [...card.querySelectorAll('button')].find((button) => button.textContent === focusedLabel)?.focus();
  unguard = guard(host, attributes, handlers.onSuppressed);
  current = { host, dismiss };
  return host;
}
