import type { Locator, Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { launchWithExtension, test as base } from './fixtures';
import { locateFigureInPage, marksInPage, type MarkInPage } from '../shared/page-side';
import { collapse, VERDICTS } from './registry';

/**
 * Helpers for the card and keyboard specs: the real built extension, driven as a reader would
 * (pointer, clicks, keys), with the page's side of things read from the highlight registry.
 */

/** The card, inside our host's (open) shadow root: Playwright's CSS engine pierces it. */
export const CARD = 'figure-check-ui .card';

/** The fixtures' test, with `test.use({ locale: 'zh-CN' })` launching Chromium in that UI language. */
export const test = base.extend({
  context: async ({ locale }, use) => {
    // launchWithExtension already retries a launch whose service worker never shows up.
    const { context } = await launchWithExtension({ locale });
    await use(context);
    await context.close();
  },
});

export const expect = test.expect;

export async function waitForFigures(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (verdicts) => performance.getEntriesByName('figure-check:scanned').length > 0 && verdicts.some((v) => (CSS.highlights.get(`figure-check-${v}`)?.size ?? 0) > 0),
    VERDICTS as unknown as string[],
    { timeout, polling: 25 },
  );
}

export interface FigureOnPage {
  verdict: string;
  text: string;
  /** Centre of the figure's first line box, in viewport coordinates (after scrolling it into view). */
  x: number;
  y: number;
}

/** The figures marked on the page, in document order, read from the highlight registry. */
export async function figuresOnPage(page: Page): Promise<MarkInPage[]> {
  return page.evaluate(marksInPage, VERDICTS);
}

/** Scrolls the figure whose text contains `text` into the middle of the viewport and returns where it is. */
export async function locateFigure(page: Page, text: string): Promise<FigureOnPage> {
  const found = await page.evaluate(locateFigureInPage, [text, VERDICTS] as const);
  if (!found) throw new Error(`no marked figure contains "${text}"`);
  return found;
}

/** A point on the page with no figure and no card under it (the top-left corner of the body's margin). */
export async function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  const onFigure = await page.evaluate(() => (CSS.highlights as unknown as { highlightsFromPoint?(x: number, y: number): unknown[] }).highlightsFromPoint?.(3, 3).length ?? 0);
  if (onFigure) throw new Error('the top-left corner of this page is a figure');
  return { x: 3, y: 3 };
}

export async function cardText(card: Locator): Promise<string> {
  return collapse(await card.innerText());
}

/** Whether focus is inside our card, and on what (tag and class), seen from the page. */
export async function focusInCard(page: Page): Promise<{ inCard: boolean; tag?: string; className?: string }> {
  return page.evaluate(() => {
    const host = document.querySelector('figure-check-ui');
    if (!host || document.activeElement !== host) return { inCard: false };
    const el = host.shadowRoot?.activeElement;
    return { inCard: true, tag: el?.tagName.toLowerCase(), className: el?.getAttribute('class') ?? undefined };
  });
}

/** A screenshot of the figure and its open card together, with some page around them. */
export async function screenshotCard(page: Page, figure: FigureOnPage, path: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const box = await page.locator(CARD).boundingBox();
  const viewport = page.viewportSize() ?? { width: 1100, height: 800 };
  if (!box) throw new Error('no card to photograph');
  const pad = 32;
  const left = Math.max(0, Math.min(box.x, figure.x - 240) - pad);
  const top = Math.max(0, Math.min(box.y, figure.y - 60) - pad);
  const right = Math.min(viewport.width, Math.max(box.x + box.width, figure.x + 240) + pad);
  const bottom = Math.min(viewport.height, Math.max(box.y + box.height, figure.y + 20) + pad);
  await page.screenshot({ path, clip: { x: left, y: top, width: right - left, height: bottom - top } });
}
