import { resolve } from 'node:path';
import type { Locator } from '@playwright/test';
import { CARD_EN, CARD_ZH, CARD_ZH_UI_EN_PAGE, CITATION_EN, HOVER_DELAY_MS, type CardScenario } from '../shared/scenarios';
import { CARD, cardText, emptySpot, expect, locateFigure, screenshotCard, test, waitForFigures } from './card-helpers';

/**
 * The hover card, in the built extension, on pages from the fixture server: it opens after the
 * hover delay and not before, says the right things, closes when the reader moves on, pins on a
 * click, copies a citation, speaks Chinese, and looks the same under hostile page CSS.
 */

// The page, figure, card texts and citation are shared with the Firefox suite (tests/firefox/card.test.ts).
const SEED = CARD_EN.page;
const SCREENSHOTS = resolve(import.meta.dirname, '../../out/screenshots');
const HOVER_DELAY = HOVER_DELAY_MS;
const CITATION = CITATION_EN;

/** The card shows what a shared scenario expects (tests/shared/scenarios.ts). */
async function expectCard(card: Locator, scenario: CardScenario): Promise<void> {
  for (const [cls, want] of Object.entries(scenario.fields)) await expect(card.locator(`.${cls}`)).toHaveText(want);
  for (const [cls, wants] of Object.entries(scenario.contains)) for (const want of wants) await expect(card.locator(`.${cls}`)).toContainText(want);
  if (scenario.link) {
    const link = card.locator('a.source-link');
    await expect(link).toHaveText(scenario.link.text);
    await expect(link).toHaveAttribute('href', scenario.link.href);
  }
  for (const name of scenario.buttons) await expect(card.getByRole('button', { name })).toBeVisible();
}

test('hovering a figure opens its card after the delay, not before, with value, period and source', async ({ page, server }) => {
  await page.goto(server.url + SEED);
  await waitForFigures(page);
  const figure = await locateFigure(page, CARD_EN.figure);
  expect(figure.verdict).toBe(CARD_EN.verdict);

  const card = page.locator(CARD);
  await page.mouse.move(figure.x, figure.y);
  const movedAt = Date.now();
  // Not before the delay (checked only while the clock says we are still inside it: a loaded machine may be late).
  for (const at of [20, HOVER_DELAY / 2]) {
    await page.waitForTimeout(Math.max(0, at - (Date.now() - movedAt)));
    const hidden = await card.isHidden();
    if (Date.now() - movedAt < HOVER_DELAY - 60) expect(hidden, `no card ${at} ms after the pointer arrived`).toBe(true);
  }
  await expect(card).toBeVisible({ timeout: 3000 });
  expect(Date.now() - movedAt).toBeGreaterThanOrEqual(HOVER_DELAY - 30);

  await expect(card).toHaveAttribute('role', 'dialog');
  await expect(card).toHaveAttribute('data-verdict', CARD_EN.verdict);
  await expectCard(card, CARD_EN);
  const link = card.locator('a.source-link');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(card.locator('.chart svg')).toHaveAttribute('role', 'img');
  // The dialog is named by its verdict and metric, for screen readers.
  await expect(card).toHaveAccessibleName('Exact Generative AI users');
  // The card never covers the figure it explains.
  const box = (await card.boundingBox())!;
  expect(box.y >= figure.y + 5 || box.y + box.height <= figure.y - 5).toBe(true);

  await screenshotCard(page, await locateFigure(page, '602 million'), resolve(SCREENSHOTS, 'card-en.png'));
});

test('the card stays open over the card, and closes when the pointer moves away', async ({ page, server }) => {
  await page.goto(server.url + SEED);
  await waitForFigures(page);
  const figure = await locateFigure(page, '602 million');
  const card = page.locator(CARD);
  await page.mouse.move(figure.x, figure.y);
  await expect(card).toBeVisible();

  // Across the gap and onto the card: it stays.
  const box = (await card.boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 30, { steps: 5 });
  await page.waitForTimeout(800);
  await expect(card).toBeVisible();

  const away = await emptySpot(page);
  await page.mouse.move(away.x, away.y, { steps: 3 });
  await expect(card).toBeHidden({ timeout: 2000 });
});

test('a figure the pointer only passes over does not open a card', async ({ page, server }) => {
  await page.goto(server.url + SEED);
  await waitForFigures(page);
  const figure = await locateFigure(page, '602 million');
  const away = await emptySpot(page);
  await page.mouse.move(figure.x - 60, figure.y);
  await page.mouse.move(figure.x + 60, figure.y, { steps: 6 }); // sweeps across the figure…
  await page.mouse.move(away.x, away.y); // …and on, without resting on it
  await page.waitForTimeout(HOVER_DELAY * 2);
  await expect(page.locator(CARD)).toBeHidden();
});

test('Esc closes the card', async ({ page, server }) => {
  await page.goto(server.url + SEED);
  await waitForFigures(page);
  const figure = await locateFigure(page, '602 million');
  const card = page.locator(CARD);
  await page.mouse.move(figure.x, figure.y);
  await expect(card).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
});

test('a click pins the card until Esc, the close button or a click elsewhere', async ({ page, server }) => {
  await page.goto(server.url + SEED);
  await waitForFigures(page);
  const card = page.locator(CARD);
  const away = await emptySpot(page);

  let figure = await locateFigure(page, '602 million');
  await page.mouse.click(figure.x, figure.y);
  await expect(card).toBeVisible({ timeout: HOVER_DELAY }); // at once, no hover delay
  await page.mouse.move(away.x, away.y, { steps: 3 });
  await page.waitForTimeout(1000);
  await expect(card).toBeVisible();
  // Hovering another figure does not replace a pinned card.
  const other = await locateFigure(page, '80.1 percent');
  await page.mouse.move(other.x, other.y);
  await page.waitForTimeout(HOVER_DELAY * 2);
  await expect(card.locator('.metric')).toHaveText('Generative AI users');

  await page.mouse.click(away.x, away.y);
  await expect(card).toBeHidden();

  figure = await locateFigure(page, '602 million');
  await page.mouse.click(figure.x, figure.y);
  await expect(card).toBeVisible();
  await card.locator('button.close').click();
  await expect(card).toBeHidden();

  figure = await locateFigure(page, '602 million');
  await page.mouse.click(figure.x, figure.y);
  await expect(card).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
});

test('a tap on a figure opens its card', async ({ page, server, context }) => {
  await page.goto(server.url + SEED);
  await waitForFigures(page);
  const figure = await locateFigure(page, '602 million');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: figure.x, y: figure.y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  const card = page.locator(CARD);
  await expect(card).toBeVisible();
  await expect(card.locator('.metric')).toHaveText('Generative AI users');
});

test('Copy citation puts one line on the clipboard', async ({ page, server, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await page.goto(server.url + SEED);
  await waitForFigures(page);
  const figure = await locateFigure(page, '602 million');
  const card = page.locator(CARD);
  await page.mouse.click(figure.x, figure.y);
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Copy citation' }).click();
  await expect(card.locator('.status')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(CITATION);
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the card speaks the browser language, numbers follow the page', async ({ page, server }) => {
    // A Chinese page: Chinese words and Chinese numbers.
    await page.goto(server.url + CARD_ZH.page);
    await waitForFigures(page);
    const card = page.locator(CARD);
    let figure = await locateFigure(page, CARD_ZH.figure);
    await page.mouse.move(figure.x, figure.y);
    await expect(card).toBeVisible();
    await expectCard(card, CARD_ZH);
    figure = await locateFigure(page, CARD_ZH.figure);
    await screenshotCard(page, figure, resolve(SCREENSHOTS, 'card-zh.png'));

    // An English page: Chinese words, the official value as the page writes numbers.
    await page.goto(server.url + CARD_ZH_UI_EN_PAGE.page);
    await waitForFigures(page);
    figure = await locateFigure(page, CARD_ZH_UI_EN_PAGE.figure);
    await page.mouse.move(figure.x, figure.y);
    await expect(card).toBeVisible();
    await expectCard(card, CARD_ZH_UI_EN_PAGE);
  });
});

test('hostile page CSS changes nothing in the card', async ({ page, server }) => {
  const measure = async (path: string) => {
    await page.goto(server.url + path);
    await waitForFigures(page);
    const figure = await locateFigure(page, '602 million');
    await page.mouse.click(figure.x, figure.y);
    const card = page.locator(CARD);
    await expect(card).toBeVisible();
    // The card's height depends on the room left beside the figure (it scrolls inside itself); its content's does not.
    const box = { width: (await card.boundingBox())!.width, height: (await card.locator('.body').boundingBox())!.height };
    const style = await card.evaluate((el) => {
      const s = getComputedStyle(el);
      const title = getComputedStyle(el.querySelector('.metric')!);
      return { fontSize: s.fontSize, lineHeight: s.lineHeight, color: s.color, background: s.backgroundColor, titleSize: title.fontSize, letterSpacing: title.letterSpacing, transform: title.textTransform, fontFamily: title.fontFamily };
    });
    // On top of everything, the page's fixed overlays with the largest z-index included.
    const cardBox = (await card.boundingBox())!;
    const onTop = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.localName, [cardBox.x + cardBox.width / 2, cardBox.y + 20] as const);
    expect(onTop).toBe('figure-check-ui');
    return { box, style, text: await cardText(card) };
  };
  const plain = await measure('/e2e/pages/card-plain.html');
  const hostile = await measure('/e2e/pages/card-hostile.html');
  expect(hostile.style).toEqual(plain.style);
  expect(hostile.style.fontSize).toBe('13px');
  expect(hostile.text).toBe(plain.text);
  expect(Math.abs(hostile.box.width - plain.box.width)).toBeLessThanOrEqual(1);
  expect(Math.abs(hostile.box.height - plain.box.height)).toBeLessThanOrEqual(1);
});
