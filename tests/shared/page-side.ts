/**
 * Functions that run IN the page (the page's own world, as any page script could), passed to
 * Playwright's `page.evaluate` (tests/e2e/) and to puppeteer's (tests/firefox/, through
 * `inPage`, which supplies esbuild's `__name` helper). Each must be self-contained: no imports,
 * no closures, plain data in and out. The page's world may iterate the highlight registry and a
 * Highlight; only our content script must not (Firefox throws there).
 */

export interface MarkInPage {
  verdict: string;
  /** The range's text, white space collapsed as the CLI prints it. */
  text: string;
}

/** Every mark in the document: ranges sorted by document order (shadow-tree ranges after, in registry order). */
export function marksInPage(verdicts: readonly string[]): MarkInPage[] {
  const all: Array<{ verdict: string; range: AbstractRange }> = [];
  for (const verdict of verdicts) {
    const h = CSS.highlights.get(`figure-check-${verdict}`);
    if (h) for (const range of h as unknown as Iterable<AbstractRange>) all.push({ verdict, range });
  }
  const live = (r: AbstractRange): r is Range => r instanceof Range;
  all.sort((a, b) => {
    if (!live(a.range) || !live(b.range)) return 0;
    try {
      return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
    } catch {
      return 0; // different trees (a shadow root): keep registry order
    }
  });
  return all.map(({ verdict, range }) => {
    const text = live(range) ? range.toString() : '';
    return { verdict, text: text.replace(/\s+/g, ' ').trim() };
  });
}

/** How many ranges each of our registry entries holds (undefined: no entry), keyed by verdict. */
export function registryCountsInPage(verdicts: readonly string[]): Record<string, number | undefined> {
  const out: Record<string, number | undefined> = {};
  for (const v of verdicts) out[v] = CSS.highlights.get(`figure-check-${v}`)?.size;
  return out;
}

export interface TextAndSpans {
  text: string;
  spans: Array<{ start: number; end: number; verdict: string; text: string }>;
}

/**
 * The page's readable text (text nodes in document order, skipping what extraction skips) and our
 * marks as spans of it: what `matchLabels` compares with the labels.
 */
export function textAndMarksInPage(verdicts: readonly string[]): TextAndSpans {
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'TEMPLATE', 'CODE', 'PRE', 'KBD', 'SAMP', 'SELECT', 'BUTTON', 'SVG', 'MATH', 'IFRAME', 'HEAD']);
  const starts = new Map<Node, number>();
  let text = '';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, (node) => {
    if (node.nodeType !== 1) return NodeFilter.FILTER_ACCEPT;
    const el = node as Element;
    const editable = el.getAttribute('contenteditable');
    if (SKIP.has(el.nodeName.toUpperCase()) || el.nodeName.startsWith('FIGURE-CHECK-') || el.hasAttribute('hidden') || (editable !== null && editable.toLowerCase() !== 'false')) return NodeFilter.FILTER_REJECT;
    return NodeFilter.FILTER_SKIP;
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    starts.set(n, text.length);
    text += n.nodeValue ?? '';
  }
  const spans: TextAndSpans['spans'] = [];
  for (const verdict of verdicts) {
    const h = CSS.highlights.get(`figure-check-${verdict}`);
    if (!h) continue;
    for (const r of h as unknown as Iterable<Range>) {
      const s = starts.get(r.startContainer);
      const e = starts.get(r.endContainer);
      if (s === undefined || e === undefined) spans.push({ start: -1, end: -1, verdict, text: r.toString() });
      else spans.push({ start: s + r.startOffset, end: e + r.endOffset, verdict, text: r.toString().replace(/\s+/g, ' ').trim() });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  return { text, spans };
}

export interface FigureRect {
  verdict: string;
  text: string;
  /** Centre of the figure's first line box, in viewport coordinates (after scrolling it into view). */
  x: number;
  y: number;
  /** The first line box itself. */
  rect: { left: number; top: number; width: number; height: number };
}

/** Scrolls the first marked figure whose text contains `want` (of `verdict`, if given) to the middle of the viewport; where it is then. */
export function locateFigureInPage([want, verdicts]: readonly [string, readonly string[]]): FigureRect | null {
  for (const verdict of verdicts) {
    const h = CSS.highlights.get(`figure-check-${verdict}`);
    if (!h) continue;
    for (const range of h as unknown as Iterable<Range>) {
      const t = range.toString().replace(/\s+/g, ' ').trim();
      if (!t.includes(want)) continue;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      const r = range.getClientRects()[0]!;
      return { verdict, text: t, x: r.left + r.width / 2, y: r.top + r.height / 2, rect: { left: r.left, top: r.top, width: r.width, height: r.height } };
    }
  }
  return null;
}

/** Our last `figure-check:<name>` performance mark's detail and time, if any (`scanned`, `settings`). */
export function lastMarkInPage(name: string): { detail: unknown; at: number } | null {
  const last = performance.getEntriesByName(`figure-check:${name}`).at(-1) as PerformanceMark | undefined;
  return last ? { detail: last.detail, at: last.startTime } : null;
}

/** What the open card shows, read through our host's open shadow root (null: no card open). */
export function cardInPage(): { attrs: Record<string, string | null>; fields: Record<string, string>; link: { text: string; href: string | null; target: string | null; rel: string | null } | null; buttons: string[]; text: string; rect: { left: number; top: number; width: number; height: number } } | null {
  const card = document.querySelector('figure-check-ui')?.shadowRoot?.querySelector<HTMLElement>('.card');
  if (!card) return null;
  const r = card.getBoundingClientRect();
  const visible = r.width > 0 && r.height > 0 && getComputedStyle(card).visibility !== 'hidden' && !card.hidden && (card.matches(':popover-open') || !card.hasAttribute('popover'));
  if (!visible) return null;
  const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const fields: Record<string, string> = {};
  for (const cls of ['verdict', 'metric', 'page-value', 'official-value', 'period', 'source', 'released', 'why', 'status']) {
    const el = card.querySelector(`.${cls}`);
    if (el) fields[cls] = clean(el.textContent);
  }
  const a = card.querySelector('a.source-link');
  return {
    attrs: { role: card.getAttribute('role'), 'data-verdict': card.getAttribute('data-verdict'), 'data-figure-id': card.getAttribute('data-figure-id') },
    fields,
    link: a ? { text: clean(a.textContent), href: a.getAttribute('href'), target: a.getAttribute('target'), rel: a.getAttribute('rel') } : null,
    buttons: [...card.querySelectorAll('button')].map((b) => clean(b.getAttribute('aria-label') ?? b.textContent)),
    text: clean(card.innerText),
    rect: { left: r.left, top: r.top, width: r.width, height: r.height },
  };
}

/** Whether focus is inside our card, and on what (tag and class), seen from the page. */
export function focusInCardInPage(): { inCard: boolean; tag?: string; className?: string } {
  const host = document.querySelector('figure-check-ui');
  if (!host || document.activeElement !== host) return { inCard: false };
  const el = host.shadowRoot?.activeElement;
  return { inCard: true, tag: el?.tagName.toLowerCase(), className: el?.getAttribute('class') ?? undefined };
}

export interface ControlInPage {
  x: number;
  y: number;
  checked: string | null;
  disabled: boolean;
  text: string;
}

/**
 * The first control with this role and accessible name (aria-labelledby, aria-label, a <label for>,
 * a wrapping <label>, else its text; a name ending in "*" is a prefix), scrolled into view: where to click it, and its state. Roles:
 * an explicit `role`, or button / radio / checkbox / textbox / searchbox / link by element.
 */
export function controlInPage([role, name]: readonly [string, string]): ControlInPage | null {
  const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const roleOf = (el: Element): string => {
    const explicit = el.getAttribute('role');
    if (explicit) return explicit;
    const tag = el.localName;
    if (tag === 'button') return 'button';
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    if (tag === 'select') return 'combobox';
    if (tag === 'input') {
      const type = (el.getAttribute('type') ?? 'text').toLowerCase();
      if (type === 'radio' || type === 'checkbox') return type;
      if (type === 'search') return 'searchbox';
      if (type === 'button' || type === 'submit') return 'button';
      return 'textbox';
    }
    if (tag === 'textarea') return 'textbox';
    return '';
  };
  const nameOf = (el: Element): string => {
    const by = el.getAttribute('aria-labelledby');
    if (by) return clean(by.split(/\s+/).map((id) => el.ownerDocument.getElementById(id)?.textContent ?? '').join(' '));
    const aria = el.getAttribute('aria-label');
    if (aria) return clean(aria);
    const labels = (el as HTMLInputElement).labels;
    if (labels && labels.length > 0) return clean([...labels].map((l) => l.textContent).join(' '));
    return clean(el.textContent);
  };
  // A name ending in "*" is a prefix ("Exact*": the checkbox whose label starts with "Exact").
  const matches = (n: string) => (name.endsWith('*') ? n.startsWith(name.slice(0, -1)) : n === name);
  const found = [...document.querySelectorAll('*')].find((el) => roleOf(el) === role && matches(nameOf(el)));
  if (!found) return null;
  found.scrollIntoView({ block: 'center', behavior: 'instant' });
  const r = found.getBoundingClientRect();
  return {
    x: r.left + r.width / 2,
    y: r.top + r.height / 2,
    checked: found.getAttribute('aria-checked') ?? ((found as HTMLInputElement).type === 'radio' || (found as HTMLInputElement).type === 'checkbox' ? String((found as HTMLInputElement).checked) : null),
    disabled: (found as HTMLButtonElement).disabled === true,
    text: clean(found.textContent),
  };
}

/** The text of the first element matching `selector` (null: none). */
export function textInPage(selector: string): string | null {
  const el = document.querySelector(selector);
  return el ? (el.textContent ?? '').replace(/\s+/g, ' ').trim() : null;
}
