import { OWN_ELEMENT_PREFIX } from '../../lib/text/extract-dom';

/**
 * Watches the page for text that appears, changes or goes (infinite scroll, SPA navigation, late
 * hydration) and says when a rescan is due. One MutationObserver for the document, each
 * same-origin frame's document and each open shadow root of the page.
 *
 * What never asks for a rescan: mutations inside our own `figure-check-*` hosts (and adding or
 * removing the hosts themselves), and changes outside the body (the head's scripts, styles,
 * title). A storm (Dark Reader's "huge mutation": thousands of records or added nodes at once)
 * is not inspected record by record; it asks for one deferred rescan.
 */

export type Change = 'none' | 'small' | 'huge';

/** Past this many records or added nodes in one callback, the page is rebuilding: wait, then rescan once. */
const HUGE_RECORDS = 500;
const HUGE_NODES = 1000;

const OBSERVE: MutationObserverInit = {
  subtree: true,
  childList: true,
  characterData: true,
  attributes: true,
  // Extraction reads only these attributes (skipped subtrees).
  attributeFilter: ['hidden', 'contenteditable'],
};

function isOwn(node: Node | null): boolean {
  for (let n = node; n; n = n.parentNode) {
    if (n.nodeType === 1 && n.nodeName.toUpperCase().startsWith(OWN_ELEMENT_PREFIX)) return true;
    if (n.nodeType === 1 && (n as Element).hasAttribute('data-figure-check')) return true;
  }
  return false;
}

function allOwn(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) if (!isOwn(nodes[i]!)) return false;
  return true;
}

/** Is the node where the page's readable text lives (in the body, a shadow root; the body replaced), not the head? */
function inReadableTree(node: Node): boolean {
  const root = node.getRootNode();
  if (root.nodeType === 11) return true; // a shadow root we observe
  const doc = node.ownerDocument ?? (node as Document);
  const body = doc.body ?? doc.documentElement;
  return !body || body.contains(node) || node.contains(body);
}

export function classify(records: readonly MutationRecord[]): Change {
  if (records.length > HUGE_RECORDS) return 'huge';
  let change: Change = 'none';
  let added = 0;
  for (const r of records) {
    added += r.addedNodes.length;
    if (added > HUGE_NODES) return 'huge';
    if (change !== 'none') continue;
    if (isOwn(r.target)) continue;
    if (r.type === 'childList' && r.addedNodes.length + r.removedNodes.length > 0 && allOwn(r.addedNodes) && allOwn(r.removedNodes)) continue;
    if (!inReadableTree(r.target)) continue;
    change = 'small';
  }
  return change;
}

export class LiveWatcher {
  private readonly observer: MutationObserver;
  private readonly observed = new WeakSet<Node>();

  constructor(private readonly onChange: (change: Exclude<Change, 'none'>) => void) {
    this.observer = new MutationObserver((records) => this.handle(records));
  }

  /** Starts watching a document or shadow root (once; safe to call on every scan). */
  observe(root: Document | ShadowRoot): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, OBSERVE);
  }

  /** Takes the records queued so far (call right after our own DOM writes): ours are dropped, the page's still count. */
  drain(): void {
    const records = this.observer.takeRecords();
    if (records.length > 0) this.handle(records);
  }

  disconnect(): void {
    this.observer.takeRecords();
    this.observer.disconnect();
  }

  private handle(records: readonly MutationRecord[]): void {
    const change = classify(records);
    if (change !== 'none') this.onChange(change);
  }
}
