import type { Verdict } from '../../lib/check/verdict';
import type { MarkStyle } from '../../lib/settings/schema';
import { highlightDecorationsPainted, underlineOnlyCss, VERDICTS } from './highlight-styles';
import { HighlightPainter, type WantedMark } from './highlights';

/**
 * The painter with the reader's display settings applied (options page → Display):
 * - verdicts not to mark are left out (`select`), so they get no highlight, no card and no count;
 * - the "underline only" style adds a small sheet that clears the marks' background. It is
 *   `!important` because our main sheet may be adopted after it; it names only our highlights.
 */

// (Where ::highlight() paints no underline — Firefox ESR 140 — it keeps a light tint instead: highlight-styles.ts.)
const UNDERLINE_ONLY_CSS = underlineOnlyCss(highlightDecorationsPainted());

interface StyleSheetHandle {
  ensure(): void;
  remove(): void;
}

function installStyle(doc: Document, css: string): StyleSheetHandle | undefined {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win) return undefined;
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    const ensure = () => {
      if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    };
    ensure();
    return { ensure, remove: () => (doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet)) };
  } catch {
    const style = doc.createElement('style');
    style.setAttribute('data-figure-check', 'style');
    style.textContent = css;
    const ensure = () => {
      if (!style.isConnected) (doc.head ?? doc.documentElement).append(style);
    };
    ensure();
    return { ensure, remove: () => style.remove() };
  }
}

export class SettingsPainter extends HighlightPainter {
  private readonly styles = new Map<Document, StyleSheetHandle>();

  constructor(
    private readonly shown: ReadonlySet<Verdict>,
    private readonly markStyle: MarkStyle,
  ) {
    super();
  }

  protected override select(wanted: readonly WantedMark[]): readonly WantedMark[] {
    const kept = this.shown.size === VERDICTS.length ? wanted : wanted.filter((w) => this.shown.has(w.verdict));
    if (this.markStyle === 'underline') for (const w of kept) this.styleDocument(w.doc);
    return kept;
  }

  override prepare(doc: Document): void {
    super.prepare(doc);
    if (this.markStyle === 'underline') this.styleDocument(doc);
  }

  private styleDocument(doc: Document): void {
    if (this.styles.has(doc)) return;
    const handle = installStyle(doc, UNDERLINE_ONLY_CSS);
    if (handle) this.styles.set(doc, handle);
  }

  override reassert(): void {
    super.reassert();
    for (const [doc, handle] of this.styles) {
      if (doc.defaultView) handle.ensure();
      else this.styles.delete(doc);
    }
  }

  override destroy(): void {
    super.destroy();
    for (const handle of this.styles.values()) {
      try {
        handle.remove();
      } catch {
        // the frame is gone
      }
    }
    this.styles.clear();
  }
}
