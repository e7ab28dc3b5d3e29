/**
 * Draws the extension's icons: `public/icon/<size>.png` (16, 32, 48, 96, 128: the manifest's
 * `icons`, the Chrome toolbar and the stores) and the Firefox toolbar's theme variants
 * `public/icon/light-<size>.png` / `dark-<size>.png` (16, 32: `action.theme_icons`).
 *
 * The PNGs are committed; run this only after changing the drawing:
 *   npx tsx scripts/icons/make-icons.ts
 * It renders the SVGs below with Debian's Chromium (Playwright, never a downloaded browser).
 *
 * The drawing: a check mark above an underline (a figure, marked and checked). The full icon puts
 * it in white and amber on a blue rounded square; the theme variants are the bare glyph in one
 * colour (dark for light toolbars, light for dark toolbars). Small sizes get heavier strokes so
 * the 16 px icon still reads.
 */
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const OUT = resolve(import.meta.dirname, '../../public/icon');
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
export const THEME_ICON_SIZES = [16, 32] as const;

/** Stroke widths in 128-unit drawing space, heavier when small (the 16 and 32 px bars are 2 and 4 whole pixels). */
function strokes(size: number): { check: number; bar: number } {
  if (size <= 16) return { check: 22, bar: 16 };
  if (size <= 32) return { check: 19, bar: 16 };
  return { check: 16, bar: 13 };
}

export function fullIconSvg(size: number): string {
  const s = strokes(size);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <rect x="2" y="2" width="124" height="124" rx="28" fill="#1f4fbf"/>
  <path d="M31 52 L54 75 L98 28" fill="none" stroke="#ffffff" stroke-width="${s.check}" stroke-linecap="round" stroke-linejoin="round"/>
  <line x1="32" y1="104" x2="96" y2="104" stroke="#fbbf24" stroke-width="${s.bar}" stroke-linecap="round"/>
</svg>`;
}

export function glyphSvg(size: number, color: string): string {
  const s = strokes(size);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <path d="M20 54 L50 84 L106 22" fill="none" stroke="${color}" stroke-width="${s.check + 2}" stroke-linecap="round" stroke-linejoin="round"/>
  <line x1="20" y1="112" x2="108" y2="112" stroke="${color}" stroke-width="${s.bar}" stroke-linecap="round"/>
</svg>`;
}

/** Firefox's own toolbar icon colours (Photon): dark glyph on light toolbars, light glyph on dark ones. */
const DARK = '#15141a';
const LIGHT = '#fbfbfe';

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const render = async (svg: string, size: number, file: string) => {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
      const png = await page.locator('svg').screenshot({ omitBackground: true });
      writeFileSync(join(OUT, file), png);
      console.log(`public/icon/${file}`);
    };
    for (const size of ICON_SIZES) await render(fullIconSvg(size), size, `${size}.png`);
    for (const size of THEME_ICON_SIZES) {
      await render(glyphSvg(size, DARK), size, `dark-${size}.png`);
      await render(glyphSvg(size, LIGHT), size, `light-${size}.png`);
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
