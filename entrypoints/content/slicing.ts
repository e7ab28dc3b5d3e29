/**
 * Time slicing: long work gives the main thread back every few milliseconds, so no task of ours
 * comes near 50 ms (the "long task" line) however large the page.
 */

export class Cancelled extends Error {
  constructor() {
    super('scan cancelled');
  }
}

type Scheduler = { postTask?: (callback: () => void, options?: { priority?: string }) => Promise<void> };

/**
 * A fresh task at normal priority: `scheduler.postTask` where it exists, else `setTimeout`.
 * Not `scheduler.yield()`: its continuations run ahead of rendering, and measured in Chromium a
 * loop of 8 ms slices then paints only every 100-200 ms; `postTask` ('user-visible') and
 * `setTimeout` let a frame through every 16-50 ms (a MessageChannel round trip starves frames too).
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.postTask === 'function') return scheduler.postTask(() => {}, { priority: 'user-visible' });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The next frame (or a short timeout in a hidden tab, where frames never come). */
export function nextFrame(doc: Document = document): Promise<void> {
  return new Promise((resolve) => {
    if (doc.visibilityState === 'hidden') setTimeout(resolve, 16);
    else requestAnimationFrame(() => resolve());
  });
}

/** Measures a slice of work and says when to give the thread back. */
export class TaskClock {
  private deadline: number;

  /** `alive` answers whether the work is still wanted; it is asked after every pause. */
  constructor(
    private readonly alive: () => boolean,
    private readonly budgetMs = 8,
  ) {
    this.deadline = performance.now() + budgetMs;
  }

  get due(): boolean {
    return performance.now() >= this.deadline;
  }

  /** Gives the thread back now; throws `Cancelled` if the work is no longer wanted when it resumes. */
  async pause(): Promise<void> {
    await yieldToMain();
    this.resume();
  }

  /** Gives the thread back if this slice has used its budget. */
  async maybePause(): Promise<void> {
    if (performance.now() >= this.deadline) await this.pause();
  }

  /** Waits for the next frame (painting work is paced by frames). */
  async frame(doc?: Document): Promise<void> {
    await nextFrame(doc);
    this.resume();
  }

  private resume(): void {
    if (!this.alive()) throw new Cancelled();
    this.deadline = performance.now() + this.budgetMs;
  }
}
