import { defineContentScript } from 'wxt/utils/define-content-script';
import { Checker } from './checker';
import { checkWithSettings } from './site-settings';

/**
 * The content script: one Checker per page (see checker.ts). A second injection of this script
 * into the same isolated world (an extension update, a programmatic re-injection) stops the older
 * copy first, through a symbol on the isolated world's window; WXT's context also invalidates it.
 * Registry entries are set by name, so even a copy in another world can never double the marks.
 */

const INSTANCE = Symbol.for('figure-check.content-script');

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    const world = window as unknown as Record<symbol, { stop(): void } | undefined>;
    world[INSTANCE]?.stop();
    // Checks only where and how the settings say, and follows them live (site-settings.ts).
    const checker = checkWithSettings(ctx, (config) => new Checker(ctx, config));
    world[INSTANCE] = checker;
    ctx.onInvalidated(() => {
      checker.stop();
      if (world[INSTANCE] === checker) world[INSTANCE] = undefined;
    });
  },
});
