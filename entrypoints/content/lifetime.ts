import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * How long this copy of the content script lives, for reasons a page cannot fake.
 *
 * WXT's context (`ctx`) ends when a DOM event `<extension id>:content:wxt:content-script-started`
 * says a newer copy started. A page can send that event too — WXT even posts its name, with our
 * extension id, to the page with `window.postMessage` — and so switch Figure Check off on itself,
 * marks, card and badge counts included (tests/e2e/hostile.spec.ts). So WXT's verdict is only a
 * hint here: this lifetime ends when
 * - the extension was reloaded, updated or removed (`browser.runtime.id` is gone: the script is an
 *   orphan). Chromium tells an orphan nothing, so that is checked on WXT's hint, before each scan
 *   (`isInvalid`) and every few seconds; the orphan then removes its marks and card;
 * - a newer copy of the script in this same isolated world stops this one (index.ts), or `end()`.
 */

export interface Lifetime {
  readonly signal: AbortSignal;
  /** Whether the lifetime has ended (checks for an orphan first). */
  readonly isInvalid: boolean;
  onInvalidated(cb: () => void): () => void;
  /** A listener removed when the lifetime ends. */
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void): void;
}

/** How often an idle script checks whether the extension is still there (a property read). */
const ORPHAN_CHECK_MS = 2000;

function extensionAlive(): boolean {
  try {
    return browser.runtime?.id != null;
  } catch {
    return false;
  }
}

export class ScriptLifetime implements Lifetime {
  private readonly controller = new AbortController();

  constructor(ctx: Pick<ContentScriptContext, 'onInvalidated'>) {
    ctx.onInvalidated(() => this.check());
    const timer = setInterval(() => this.check(), ORPHAN_CHECK_MS);
    this.onInvalidated(() => clearInterval(timer));
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get isInvalid(): boolean {
    this.check();
    return this.signal.aborted;
  }

  /** Ends the lifetime if the extension is gone. */
  check(): void {
    if (!this.signal.aborted && !extensionAlive()) this.end();
  }

  end(): void {
    this.controller.abort();
  }

  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb, { once: true });
    return () => this.signal.removeEventListener('abort', cb);
  }

  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void): void {
    target.addEventListener(type, handler, { signal: this.signal });
  }
}
