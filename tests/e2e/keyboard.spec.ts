import type { Page, Worker } from '@playwright/test';
import { CARD, expect, figuresOnPage, focusInCard, test, waitForFigures } from './card-helpers';

/**
 * Keyboard users: the "next/previous figure" commands visit the figures in document order (and
 * wrap), scroll each into view, open its card and move focus into it; Tab, Enter and Esc work
 * inside the card, and Esc puts focus back where it was.
 *
 * Headless Chromium cannot press an extension's shortcut, so the test runs the command through the
 * service worker: the same function (`runCommand`) that `browser.commands.onCommand` calls. Keys
 * inside the card are real key presses.
 */

const SEED = '/seed/000_9d474e672f3dc305.txt.html';
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

async function command(serviceWorker: Worker, name: 'next-figure' | 'previous-figure'): Promise<void> {
  const sent = await serviceWorker.evaluate((n) => (globalThis as unknown as { figureCheck: { runCommand(c: string): Promise<boolean> } }).figureCheck.runCommand(n), name);
  expect(sent, `the background delivered ${name} to the active tab`).toBe(true);
}

async function openCardText(page: Page): Promise<string> {
  const card = page.locator(CARD);
  await expect(card).toBeVisible();
  return collapse(await card.locator('.page-value').innerText());
}

/** Whether the figure shown in the open card is inside the viewport. */
async function figureInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const card = document.querySelector('figure-check-ui')?.shadowRoot?.querySelector('.card');
    const id = card?.getAttribute('data-figure-id');
    if (!id) return false;
    const text = card!.querySelector('.page-value')?.textContent ?? '';
    for (const v of ['exact', 'rounded', 'outdated', 'conflict']) {
      const h = CSS.highlights.get(`figure-check-${v}`);
      if (!h) continue;
      for (const r of h as unknown as Iterable<Range>) {
        if (r.toString().replace(/\s+/g, ' ').trim() !== text.replace(/\s+/g, ' ').trim()) continue;
        const b = r.getBoundingClientRect();
        if (b.top >= 0 && b.bottom <= innerHeight) return true;
      }
    }
    return false;
  });
}

test('next and previous visit the figures in document order, wrap, and open their cards', async ({ page, server, serviceWorker }) => {
  await page.goto(server.url + SEED);
  await waitForFigures(page);
  await page.bringToFront();
  const figures = (await figuresOnPage(page)).map((f) => f.text);
  expect(figures.length).toBeGreaterThan(5);

  const visited: string[] = [];
  for (let i = 0; i < figures.length; i++) {
    await command(serviceWorker, 'next-figure');
    await expect(page.locator(CARD).locator('.page-value')).toHaveText(figures[i]!);
    visited.push(await openCardText(page));
    expect(await figureInView(page), `figure ${i} scrolled into view`).toBe(true);
    expect(await focusInCard(page)).toMatchObject({ inCard: true, tag: 'h2' });
  }
  expect(visited).toEqual(figures);

  // Past the last figure: back to the first.
  await command(serviceWorker, 'next-figure');
  await expect(page.locator(CARD).locator('.page-value')).toHaveText(figures[0]!);
  // Before the first: the last.
  await command(serviceWorker, 'previous-figure');
  await expect(page.locator(CARD).locator('.page-value')).toHaveText(figures.at(-1)!);
  await command(serviceWorker, 'previous-figure');
  await expect(page.locator(CARD).locator('.page-value')).toHaveText(figures.at(-2)!);
  expect(await figureInView(page)).toBe(true);
});

test('Tab, Enter and Esc inside the card; Esc returns focus where it was', async ({ page, server, serviceWorker, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.goto(`${server.url}/fixtures/pages/en-01-wire-cnnic-report.html`);
  await waitForFigures(page);
  await page.bringToFront();

  // The reader was on the page's "China" link.
  const link = page.locator('nav a', { hasText: 'China' });
  await link.focus();
  await expect(link).toBeFocused();

  await command(serviceWorker, 'next-figure');
  const card = page.locator(CARD);
  await expect(card).toBeVisible();
  expect(await focusInCard(page)).toMatchObject({ inCard: true, tag: 'h2' });

  // Tab walks the card's controls: the source link, then Copy citation.
  await page.keyboard.press('Tab');
  expect(await focusInCard(page)).toMatchObject({ inCard: true, tag: 'a', className: 'source-link' });
  await page.keyboard.press('Tab');
  expect(await focusInCard(page)).toMatchObject({ inCard: true, tag: 'button', className: 'copy' });
  await page.keyboard.press('Enter');
  await expect(card.locator('.status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Internet users: 1\.125 billion \(Dec 2025\)\. CNNIC, /);

  // Shift+Tab back to the heading's neighbour: the close button sits before the heading.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  expect(await focusInCard(page)).toMatchObject({ inCard: true, tag: 'button', className: 'close' });

  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  await expect(link).toBeFocused();

  // Enter on the close button closes the card too, and focus goes back as well.
  await command(serviceWorker, 'next-figure');
  await expect(card).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  expect(await focusInCard(page)).toMatchObject({ inCard: true, tag: 'button', className: 'close' });
  await page.keyboard.press('Enter');
  await expect(card).toBeHidden();
  await expect(link).toBeFocused();
});

test('keys typed in the card do not reach the page', async ({ page, server, serviceWorker }) => {
  await page.goto(server.url + SEED);
  await waitForFigures(page);
  await page.bringToFront();
  await page.evaluate(() => {
    (window as unknown as { keysSeen: string[] }).keysSeen = [];
    document.addEventListener('keydown', (e) => (window as unknown as { keysSeen: string[] }).keysSeen.push(e.key));
  });
  await command(serviceWorker, 'next-figure');
  await expect(page.locator(CARD)).toBeVisible();
  await page.keyboard.press('j');
  await page.keyboard.press('Escape');
  await expect(page.locator(CARD)).toBeHidden();
  await page.keyboard.press('k'); // focus is back on the page: the page hears it
  expect(await page.evaluate(() => (window as unknown as { keysSeen: string[] }).keysSeen)).toEqual(['k']);
});
