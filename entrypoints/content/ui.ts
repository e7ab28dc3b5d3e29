import { autoUpdate, computePosition, flip, inline, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import { FigureCard } from '../../components/card/FigureCard';
import { CARD_CSS } from '../../components/card/styles';
import { uiLocaleFrom } from '../../components/i18n/strings';
import { isTraditionalPage, pageLocaleOf } from '../../lib/format-card';
import type { FigureUi, FigureUiOptions, MarkedFigure, UiLocale } from './figure-ui';
import { figureAtPoint, indexFigures, type FigureIndex } from './hit-test';
import { isUiMessage } from './messages';

/**
 * The hover card and keyboard navigation. The scanner paints the highlights and hands us the
 * figures (`update`); we own one host element, <figure-check-ui>, at the end of <body>, and a
 * Preact card inside its shadow root. Listeners are passive and never cancel or stop a page event.
 */

export type { FigureUi, FigureUiOptions };

/** How long the pointer rests on a figure before its card opens: long enough not to ambush a reader passing by. */
export const HOVER_OPEN_DELAY_MS = 350;
/** How long an unpinned card survives the pointer leaving (to cross the gap between figure and card). */
export const HOVER_CLOSE_GRACE_MS = 300;
export const HOST_TAG = 'figure-check-ui';
/** Gap between the figure's text box and the card, px. */
const CARD_OFFSET = 10; // clears the marks' underline (offset 3px, wavy for conflicts)
const VIEWPORT_PADDING = 8;

// Captured when the module loads, before any page script could replace them. The isolated world
// already shields a content script from the page's prototypes; this keeps us safe if it ever does not.
// (Guarded: WXT imports entrypoints in Node at build time to read their options.)
const nativeAttachShadow = typeof Element === 'undefined' ? undefined : Element.prototype.attachShadow;
const popoverSupported = typeof HTMLElement !== 'undefined' && typeof HTMLElement.prototype.showPopover === 'function';

type OpenedBy = 'hover' | 'click' | 'touch' | 'keyboard';

interface OpenCard {
  figure: MarkedFigure;
  pinned: boolean;
  stopPositioning: () => void;
}

interface PointerSample {
  doc: Document;
  x: number;
  y: number;
  buttons: number;
}

function browserUiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return navigator.language;
  }
}

type RectLike = { x: number; y: number; top: number; left: number; right: number; bottom: number; width: number; height: number };

function shifted(r: DOMRectReadOnly, dx: number, dy: number): RectLike {
  return { x: r.left + dx, y: r.top + dy, left: r.left + dx, top: r.top + dy, right: r.right + dx, bottom: r.bottom + dy, width: r.width, height: r.height };
}

/** Offset of a (same-origin) iframe's viewport within the host document's viewport. */
function frameOffset(doc: Document, hostDoc: Document): { dx: number; dy: number } {
  let dx = 0;
  let dy = 0;
  try {
    let win = doc.defaultView;
    while (win && win.document !== hostDoc) {
      const frame = win.frameElement;
      if (!frame) break;
      const r = frame.getBoundingClientRect();
      dx += r.left + frame.clientLeft;
      dy += r.top + frame.clientTop;
      win = frame.ownerDocument.defaultView;
    }
  } catch {
    // A cross-origin parent: the figure's own viewport is the best we know.
  }
  return { dx, dy };
}

function startElement(f: MarkedFigure): Element | null {
  const node = f.range.startContainer;
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

export function createFigureUi(options: FigureUiOptions = {}): FigureUi {
  const hostDoc = document;
  const ui: UiLocale = options.locale ?? uiLocaleFrom(browserUiLanguage());
  const hoverDelay = options.hoverDelayMs ?? HOVER_OPEN_DELAY_MS;
  const listeners = new AbortController();
  const listenedDocs = new Set<Document>();

  let destroyed = false;
  let figures: readonly MarkedFigure[] = [];
  let index: FigureIndex = indexFigures([]);
  let host: HTMLElement | undefined;
  let shadow: ShadowRoot | undefined;
  let card: HTMLElement | undefined;
  let heading: HTMLElement | null = null;
  let current: OpenCard | undefined;
  let pending: { id: string; timer: ReturnType<typeof setTimeout> } | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let pointer: PointerSample | undefined;
  let frameRequested = false;
  let frameCloseOnly = false;
  let lastVisitedId: string | undefined;
  let returnFocusTo: Element | null = null;

  const byId = (id: string) => figures.find((f) => f.id === id);

  // ---- host and card --------------------------------------------------------------------------

  function ensureHost(): HTMLElement {
    if (!host || !shadow || !card) {
      host = hostDoc.createElement(HOST_TAG);
      shadow = (nativeAttachShadow ?? Element.prototype.attachShadow).call(host, { mode: 'open' });
      const style = hostDoc.createElement('style');
      style.textContent = CARD_CSS;
      card = hostDoc.createElement('div');
      card.className = 'card';
      card.setAttribute('role', 'dialog');
      card.setAttribute('aria-modal', 'false');
      card.setAttribute('aria-labelledby', 'fc-verdict fc-title');
      card.setAttribute('aria-describedby', 'fc-summary');
      // The top layer keeps the card above every stacking context and out of transformed ancestors.
      if (popoverSupported) card.setAttribute('popover', 'manual');
      else card.hidden = true;
      // Keys typed in our card are ours: the page's shortcuts should not fire while the reader is in it.
      for (const type of ['keydown', 'keyup', 'keypress'] as const) card.addEventListener(type, (e) => e.stopPropagation());
      shadow.append(style, card);
    }
    if (!host.isConnected) (hostDoc.body ?? hostDoc.documentElement).append(host);
    return card;
  }

  function showCardElement(el: HTMLElement) {
    if (popoverSupported) {
      if (!el.matches(':popover-open')) el.showPopover();
    } else el.hidden = false;
  }

  function hideCardElement(el: HTMLElement) {
    if (popoverSupported) {
      if (el.matches(':popover-open')) el.hidePopover();
    } else el.hidden = true;
  }

  function reference(f: MarkedFigure): VirtualElement {
    const local = f.doc === hostDoc;
    const ctx = startElement(f);
    return {
      getBoundingClientRect: () => {
        const { dx, dy } = local ? { dx: 0, dy: 0 } : frameOffset(f.doc, hostDoc);
        return shifted(f.range.getBoundingClientRect(), dx, dy);
      },
      getClientRects: () => {
        const { dx, dy } = local ? { dx: 0, dy: 0 } : frameOffset(f.doc, hostDoc);
        return Array.from(f.range.getClientRects(), (r) => shifted(r, dx, dy));
      },
      contextElement: local && ctx ? ctx : undefined,
    };
  }

  function position(f: MarkedFigure, el: HTMLElement) {
    const ref = reference(f);
    return autoUpdate(
      ref,
      el,
      () => {
        void computePosition(ref, el, {
          strategy: 'fixed',
          placement: 'bottom-start',
          middleware: [
            offset(CARD_OFFSET),
            inline(),
            flip({ padding: VIEWPORT_PADDING, fallbackStrategy: 'bestFit' }),
            shift({ padding: VIEWPORT_PADDING }),
            size({
              padding: VIEWPORT_PADDING,
              apply({ availableHeight }) {
                // Never over the figure: when neither side has room, the card scrolls inside itself.
                el.style.maxHeight = `${Math.max(160, Math.floor(availableHeight))}px`;
              },
            }),
          ],
        }).then(({ x, y }) => {
          if (!current || current.figure.id !== f.id) return; // a stale answer for a card since closed
          el.style.left = `${Math.round(x)}px`;
          el.style.top = `${Math.round(y)}px`;
        });
      },
      // Figures in an iframe move with scrolls we do not see from here: follow them frame by frame.
      { animationFrame: f.doc !== hostDoc },
    );
  }

  function renderCard(f: MarkedFigure, el: HTMLElement) {
    el.dataset.verdict = f.finding.verdict;
    el.dataset.figureId = f.id;
    el.setAttribute('lang', ui);
    const lang = f.doc.documentElement.getAttribute('lang');
    const page = pageLocaleOf(lang, f.finding.text);
    render(
      h(FigureCard, {
        key: f.id,
        finding: f.finding,
        ui,
        page,
        traditional: page === 'zh-CN' && isTraditionalPage(lang, f.finding.text),
        onClose: () => close({ restoreFocus: true }),
        onCopy: copyText,
        headingRef: (node: HTMLElement | null) => {
          heading = node;
        },
      }),
      el,
    );
  }

  async function copyText(text: string): Promise<boolean> {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // No async clipboard (an http page, a permissions policy): the older path, inside our own shadow root.
    }
    if (!shadow) return false;
    const before = shadow.activeElement as HTMLElement | null;
    const area = hostDoc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;left:-10000px;top:0;opacity:0;';
    shadow.append(area);
    try {
      area.select();
      return hostDoc.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
      before?.focus({ preventScroll: true });
    }
  }

  // ---- open and close -------------------------------------------------------------------------

  function cancelPending() {
    if (pending) clearTimeout(pending.timer);
    pending = undefined;
  }

  function cancelClose() {
    if (closeTimer !== undefined) clearTimeout(closeTimer);
    closeTimer = undefined;
  }

  function scheduleClose() {
    if (closeTimer !== undefined || !current || current.pinned) return;
    closeTimer = setTimeout(() => {
      closeTimer = undefined;
      if (current && !current.pinned) close();
    }, HOVER_CLOSE_GRACE_MS);
  }

  function show(f: MarkedFigure, by: OpenedBy) {
    if (destroyed) return;
    cancelPending();
    cancelClose();
    const el = ensureHost();
    const pinned = by !== 'hover';
    if (current && current.figure.id === f.id) {
      current.pinned ||= pinned;
      if (current.figure !== f) {
        current.stopPositioning();
        current.figure = f;
        renderCard(f, el);
        current.stopPositioning = position(f, el);
      }
      showCardElement(el); // the page may have removed and re-added our host, which hides a popover
    } else {
      current?.stopPositioning();
      current = { figure: f, pinned, stopPositioning: () => {} };
      renderCard(f, el);
      showCardElement(el);
      current.stopPositioning = position(f, el);
    }
    if (by === 'keyboard') heading?.focus({ preventScroll: true });
  }

  function focusIsInCard(): boolean {
    return !!host && hostDoc.activeElement === host;
  }

  function close(opts: { restoreFocus?: boolean } = {}) {
    cancelPending();
    cancelClose();
    if (!current || !card) return;
    const hadFocus = focusIsInCard();
    current.stopPositioning();
    current = undefined;
    hideCardElement(card);
    render(null, card);
    heading = null;
    if (hadFocus) {
      const back = returnFocusTo as HTMLElement | null;
      if (opts.restoreFocus && back && back.isConnected && back !== hostDoc.body && typeof back.focus === 'function') back.focus({ preventScroll: true });
      else (shadow?.activeElement as HTMLElement | null)?.blur();
    }
    returnFocusTo = null;
  }

  // ---- keyboard navigation --------------------------------------------------------------------

  function viewportHeight(): number {
    return hostDoc.defaultView?.innerHeight ?? hostDoc.documentElement.clientHeight;
  }

  function firstFrom(direction: 1 | -1): number {
    const vh = viewportHeight();
    if (direction === 1) {
      const i = figures.findIndex((f) => reference(f).getBoundingClientRect().bottom >= 0);
      return i >= 0 ? i : 0;
    }
    for (let i = figures.length - 1; i >= 0; i--) if (reference(figures[i]!).getBoundingClientRect().top <= vh) return i;
    return figures.length - 1;
  }

  function go(f: MarkedFigure) {
    lastVisitedId = f.id;
    if (!focusIsInCard()) returnFocusTo = hostDoc.activeElement;
    // 'instant' overrides a page's `scroll-behavior: smooth`: the card must open where the figure is.
    startElement(f)?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    const keep = returnFocusTo;
    show(f, 'keyboard');
    returnFocusTo = keep;
  }

  function step(direction: 1 | -1) {
    if (destroyed || figures.length === 0) return;
    const fromId = current?.figure.id ?? lastVisitedId;
    const at = fromId ? figures.findIndex((f) => f.id === fromId) : -1;
    const next = at < 0 ? firstFrom(direction) : (at + direction + figures.length) % figures.length;
    go(figures[next]!);
  }

  function openById(id: string) {
    const f = byId(id);
    if (f && !destroyed) go(f);
  }

  // ---- pointer, click, keys, scroll -----------------------------------------------------------

  function hovered(sample: PointerSample, closeOnly: boolean) {
    if (sample.buttons !== 0) {
      cancelPending(); // selecting text: never open anything under a drag
      return;
    }
    const target = sample.doc.elementFromPoint(sample.x, sample.y);
    if (host && target === host) {
      cancelClose();
      cancelPending();
      return;
    }
    const f = figureAtPoint(sample.doc, sample.x, sample.y, index, target);
    if (f && current?.figure.id === f.id) {
      cancelClose();
      cancelPending();
      return;
    }
    if (current && !current.pinned) scheduleClose();
    if (!f || closeOnly || current?.pinned) {
      cancelPending();
      return;
    }
    if (pending?.id === f.id) return;
    cancelPending();
    const id = f.id;
    pending = {
      id,
      timer: setTimeout(() => {
        pending = undefined;
        const still = byId(id);
        if (still) show(still, 'hover');
      }, hoverDelay),
    };
  }

  function requestFrame(closeOnly: boolean) {
    frameCloseOnly = frameRequested ? frameCloseOnly && closeOnly : closeOnly;
    if (frameRequested) return;
    frameRequested = true;
    const win = hostDoc.defaultView ?? window;
    win.requestAnimationFrame(() => {
      frameRequested = false;
      if (!destroyed && pointer) hovered(pointer, frameCloseOnly);
    });
  }

  // Only the reader's own input opens a card: a page's synthetic events (isTrusted false) could
  // otherwise open cards at will and read them from our (open) shadow root.
  const onPointerMove = (e: PointerEvent) => {
    if (!e.isTrusted || e.pointerType === 'touch') return; // a tap opens through `click`
    pointer = { doc: (e.currentTarget as Document) ?? hostDoc, x: e.clientX, y: e.clientY, buttons: e.buttons };
    requestFrame(false);
  };

  const onClick = (e: MouseEvent) => {
    if (!e.isTrusted) return;
    if (host && e.target === host) return; // inside our card
    if (e.detail === 0) return; // Enter on a link or button: not a pointer gesture
    const doc = (e.currentTarget as Document) ?? hostDoc;
    const selection = doc.getSelection();
    if (selection && !selection.isCollapsed) return; // the end of a text selection
    const target = e.target && (e.target as Node).nodeType === Node.ELEMENT_NODE ? (e.target as Element) : null;
    const f = figureAtPoint(doc, e.clientX, e.clientY, index, target);
    if (f) show(f, (e as PointerEvent).pointerType === 'touch' ? 'touch' : 'click');
    else if (current) close();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isTrusted && e.key === 'Escape' && !e.isComposing && current) close({ restoreFocus: true });
  };

  const onScroll = () => {
    cancelPending(); // a figure that scrolled under a resting pointer was not chosen by the reader
    if (!current) return;
    const r = reference(current.figure).getBoundingClientRect();
    const vh = viewportHeight();
    const far = current.pinned ? vh : 0;
    if (r.bottom < -far || r.top > vh + far) close();
    else if (!current.pinned && pointer) requestFrame(true);
  };

  function listen(doc: Document) {
    if (listenedDocs.has(doc)) return;
    listenedDocs.add(doc);
    const opts = { capture: true, passive: true, signal: listeners.signal };
    doc.addEventListener('pointermove', onPointerMove, opts);
    doc.addEventListener('click', onClick, opts);
    doc.addEventListener('keydown', onKeyDown, opts);
    doc.addEventListener('scroll', onScroll, opts);
  }

  // ---- messages from the background -----------------------------------------------------------

  const onMessage = (message: unknown) => {
    if (!isUiMessage(message)) return undefined;
    if (message.type === 'figure-check:step') step(message.direction);
    else openById(message.id);
    return undefined;
  };

  let messagesOn = false;
  try {
    browser.runtime.onMessage.addListener(onMessage);
    messagesOn = true;
  } catch {
    // Not in an extension (a test page): step() and open() still work when called directly.
  }

  listen(hostDoc);

  function destroy() {
    if (destroyed) return;
    close();
    destroyed = true;
    listeners.abort();
    if (card) render(null, card);
    host?.remove();
    try {
      if (messagesOn) browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // An orphan (the extension was reloaded): "Extension context invalidated", and the listener is dead anyway.
    }
    host = shadow = card = undefined;
    figures = [];
    index = indexFigures([]);
  }

  if (options.signal) {
    if (options.signal.aborted) destroy();
    else options.signal.addEventListener('abort', destroy, { once: true });
  }

  return {
    update(next) {
      if (destroyed) return;
      figures = next;
      index = indexFigures(next);
      for (const f of next) listen(f.doc);
      if (pending && !byId(pending.id)) cancelPending();
      if (current) {
        const f = byId(current.figure.id);
        if (!f) close();
        else if (f !== current.figure) show(f, current.pinned ? 'click' : 'hover');
      }
    },
    step,
    open: openById,
    destroy,
  };
}
