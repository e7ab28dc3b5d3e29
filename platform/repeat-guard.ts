/**
 * Ignores a command repeated too soon for the same key (a tab): a held shortcut sends the command
 * again and again, and must flip the site once. The window restarts with every repeat, so a key
 * held for seconds still counts once; a second press after a pause counts again. Pure: the caller
 * gives the time.
 */
export class RepeatGuard<K> {
  private readonly last = new Map<K, number>();

  constructor(private readonly windowMs = 500) {}

  /** Whether this event should act. */
  accept(key: K, now: number): boolean {
    const before = this.last.get(key);
    this.last.set(key, now);
    if (this.last.size > 200) for (const [k, t] of this.last) if (now - t > this.windowMs) this.last.delete(k);
    return before === undefined || now - before >= this.windowMs;
  }
}
