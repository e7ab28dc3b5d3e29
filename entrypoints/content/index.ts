import { defineContentScript } from 'wxt/utils/define-content-script';
import { Checker } from './checker';
import { ScriptLifetime } from './lifetime';
import { checkWithSettings } from './site-settings';

/**
 * The content script: one Checker per page (see checker.ts). A second injection of this script
 * into the same isolated world (a programmatic re-injection) stops the older copy first, through a
 * symbol on the isolated world's window, which the page cannot reach. An orphan (the extension was
 * reloaded, updated or removed) removes its marks and card and stops (lifetime.ts). WXT's own
 * "a newer script started" event is not trusted on its own: any page can send it.
 * Registry entries are set by name, so even a copy in another world can never double the marks.
 */

const INSTANCE = Symbol.for('figure-check.content-script');

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main(ctx) {
    const world = window as unknown as Record<symbol, { stop(): void } | undefined>;
    world[INSTANCE]?.stop();
    const lifetime = new ScriptLifetime(ctx);
    // Checks only where and how the settings say, and follows them live (site-settings.ts).
    checkWithSettings(lifetime, (config) => new Checker(lifetime, config));
    const instance = { stop: () => lifetime.end() };
    world[INSTANCE] = instance;
    lifetime.onInvalidated(() => {
      if (world[INSTANCE] === instance) world[INSTANCE] = undefined;
    });
  },
});
