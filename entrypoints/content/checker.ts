import { createEngine, type Engine } from '../../lib/check/engine';
import { bundledDataset } from '../../lib/data/dataset';
import type { FigureUi, FigureUiOptions, MarkedFigure } from './figure-ui';
import { HighlightPainter } from './highlights';
import type { Lifetime } from './lifetime';
import { LiveWatcher, type Change } from './live';
import { Scanner, type ScanOutcome } from './scanner';
import { Cancelled, TaskClock } from './slicing';
import { createFigureUi } from './ui';

/**
 * The checker of one page: scans it with the same engine as the CLI, paints the marks with the
 * CSS Custom Highlight API, keeps them in step with the page (MutationObserver, frames' loads) and
 * hands the figures to the card UI. `stop()` (or the content script's invalidation) removes every
 * highlight, the style sheet, the observer, the listeners and the card.
 *
 * Timing is visible to the page (and the tests, and the benchmark) through performance marks:
 * `figure-check:start` when the checker starts, `figure-check:first-mark` once, when its first
 * highlight is registered, and `figure-check:scanned` after each scan, once its last highlight is
 * registered (detail: { scan, figures, blocks, ms, phases }).
 */

export interface CheckerOptions {
  /** The engine to check with (default: the bundled dataset's). */
  engine?: Engine;
  /** The painter (default: every verdict, the standard style). */
  painter?: HighlightPainter;
  /** Card options (language, hover delay); the checker adds its own abort signal. */
  ui?: Omit<FigureUiOptions, 'signal'>;
  /** Called after every scan with the figures marked, in document order. */
  onFigures?(figures: readonly MarkedFigure[]): void;
}

const FIRST_DELAY_MS = 0;
const SMALL_DELAY_MS = 50;
const HUGE_DELAY_MS = 400;
const MAX_WAIT_MS = 1000;

export class Checker {
  private readonly painter: HighlightPainter;
  /** Made on the first scan, in a task of its own (compiling the cue index takes tens of ms). */
  private scanner: Scanner | undefined;
  private readonly watcher = new LiveWatcher((change) => this.changed(change));
  private ui: FigureUi | undefined;
  private stopped = false;
  /** Bumped by `stop`: a scan in flight sees it at its next pause and gives up. */
  private generation = 0;
  private running = false;
  /** A change arrived while a scan ran: scan again when it ends. */
  private dirty: Change | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waitingSince = 0;
  private scans = 0;
  private lastScanMs = 0;
  private readonly frameLoads = new WeakSet<HTMLIFrameElement>();

  constructor(
    private readonly ctx: Lifetime,
    private readonly options: CheckerOptions = {},
  ) {
    this.painter = options.painter ?? new HighlightPainter();
    this.painter.onFirstMark = () => performance.mark('figure-check:first-mark');
  }

  start(): void {
    performance.mark('figure-check:start');
    this.watcher.observe(document);
    try {
      this.ui = createFigureUi({ ...this.options.ui, signal: this.ctx.signal });
    } catch (e) {
      console.warn('[figure-check] the card UI did not start; marks only', e);
    }
    this.schedule(FIRST_DELAY_MS);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.generation++;
    clearTimeout(this.timer);
    this.watcher.disconnect();
    this.painter.destroy();
    this.ui?.destroy();
    this.ui = undefined;
  }

  private changed(change: Exclude<Change, 'none'>): void {
    if (this.stopped) return;
    if (this.running) {
      if (this.dirty !== 'huge') this.dirty = change;
      return;
    }
    this.schedule(this.delayFor(change));
  }

  /** A quiet spell before rescanning: longer after a storm, and never shorter than the last scan took. */
  private delayFor(change: Change): number {
    return Math.max(change === 'huge' ? HUGE_DELAY_MS : SMALL_DELAY_MS, Math.min(2000, this.lastScanMs * 2));
  }

  /**
   * (Re)starts the quiet spell before a scan. Each new change restarts it, but never past
   * MAX_WAIT_MS after the first change waiting: a page that never stops changing (a ticking clock,
   * a live ticker) still gets rescanned.
   */
  private schedule(delay: number): void {
    const now = performance.now();
    if (this.timer === undefined) this.waitingSince = now;
    const due = Math.min(now + delay, this.waitingSince + Math.max(delay, MAX_WAIT_MS));
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, Math.max(0, due - now));
  }

  private async run(): Promise<void> {
    if (this.stopped || this.running || this.ctx.isInvalid) return;
    this.running = true;
    this.dirty = undefined;
    const generation = this.generation;
    const clock = new TaskClock(() => generation === this.generation && !this.stopped);
    const t0 = performance.now();
    try {
      if (!this.scanner) {
        this.scanner = new Scanner(this.options.engine ?? createEngine(bundledDataset), this.painter);
        await clock.pause();
      }
      const outcome = await this.scanner.scan(document, clock);
      this.follow(outcome);
      await this.paint(clock);
      outcome.phases.paint = performance.now();
      this.scans++;
      this.lastScanMs = performance.now() - t0;
      this.publish(outcome.figures);
      performance.clearMarks('figure-check:scanned');
      performance.mark('figure-check:scanned', { detail: { scan: this.scans, figures: outcome.figures.length, blocks: outcome.blocks, ms: Math.round(this.lastScanMs), phases: outcome.phases } });
    } catch (e) {
      if (!(e instanceof Cancelled)) console.warn('[figure-check] scan failed', e);
    } finally {
      this.running = false;
    }
    if (this.dirty && !this.stopped) this.schedule(this.delayFor(this.dirty));
  }

  /** Watches what the scan found: open shadow roots, same-origin frames (and their next loads). */
  private follow(outcome: ScanOutcome): void {
    for (const root of outcome.discovery.shadowRoots) this.watcher.observe(root);
    for (const { doc } of outcome.documents) this.watcher.observe(doc);
    for (const frame of outcome.discovery.frames) {
      if (this.frameLoads.has(frame)) continue;
      this.frameLoads.add(frame);
      this.ctx.addEventListener(frame, 'load', () => this.changed('small'));
    }
    this.painter.prune(new Set(outcome.documents.map((d) => d.doc)));
  }

  /** Registers the planned highlight changes a batch per frame, visible figures first. */
  private async paint(clock: TaskClock): Promise<void> {
    this.painter.reassert();
    while (this.painter.pending > 0) {
      await clock.frame();
      this.painter.step();
    }
  }

  private publish(figures: readonly MarkedFigure[]): void {
    this.options.onFigures?.(figures);
    if (!this.ui) return;
    this.ui.update(figures);
    // The UI may have written its host: those records are ours, the page's in the same batch still count.
    this.watcher.drain();
  }
}
