import * as z from 'zod/mini';
import { normalisePattern, type SiteMode, type SiteSettings } from './sites';

/**
 * The extension's settings as stored (storage.local, key "settings"), and how a stored value is
 * read: every field falls back to its own default when it is missing, of the wrong type or out of
 * range, so one bad field (a hand edit, a half-written value) never wipes the others.
 *
 * `zod/mini` rather than `zod`: the content script reads settings too, and the full Zod (~70 kB)
 * must stay out of its bundle (toolchain-notes.md).
 */

export const SETTINGS_VERSION = 1;

export const VERDICT_KEYS = ['exact', 'rounded', 'outdated', 'conflict'] as const;
export type VerdictKey = (typeof VERDICT_KEYS)[number];

export const MARK_STYLES = ['underline-tint', 'underline'] as const;
/** `underline-tint`: the underline and a light background (default); `underline`: the underline only. */
export type MarkStyle = (typeof MARK_STYLES)[number];

export const LANGUAGES = ['auto', 'en', 'zh-CN'] as const;
/** `auto` follows the browser's UI language. */
export type LanguageSetting = (typeof LANGUAGES)[number];

export const CARD_DELAY = { min: 0, max: 3000, default: 350 } as const;

export interface DisplaySettings {
  /** Which verdicts are marked on pages (and counted by the badge and the popup). */
  verdicts: Record<VerdictKey, boolean>;
  markStyle: MarkStyle;
  /** How long the pointer rests on a figure before its card opens, ms. */
  cardDelayMs: number;
  /** The number of figures on the toolbar button. */
  badge: boolean;
}

export interface Settings extends SiteSettings, DisplaySettings {
  version: typeof SETTINGS_VERSION;
  disabledSites: string[];
  enabledSites: string[];
  language: LanguageSetting;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  version: SETTINGS_VERSION,
  enabled: true,
  mode: 'all-except' as SiteMode,
  disabledSites: [],
  enabledSites: [],
  verdicts: { exact: true, rounded: true, outdated: true, conflict: true },
  markStyle: 'underline-tint' as MarkStyle,
  cardDelayMs: CARD_DELAY.default,
  badge: true,
  language: 'auto' as LanguageSetting,
}) as Settings;

/** A fresh copy of the defaults (the frozen one is shared). */
export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, disabledSites: [], enabledSites: [], verdicts: { ...DEFAULT_SETTINGS.verdicts } };
}

/**
 * A site list: entries that are not strings or not sites are dropped one by one (not the whole
 * list), the rest normalised (a hand-typed "https://www.Example.com/" becomes "example.com") and
 * deduplicated, first occurrence first.
 */
export function cleanSiteList(input: unknown): string[] {
  if (!Array.isArray(input)) return [];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const entry of input) {
    if (typeof entry !== 'string') continue;
    const p = normalisePattern(entry);
    if (p && !seen.has(p)) {
      seen.add(p);
      out.push(p);
    }
  }
  return out;
}

const siteList = z.pipe(z.catch(z.array(z.unknown()), () => []), z.transform((list: unknown[]) => cleanSiteList(list)));
const flag = (fallback: boolean) => z.catch(z.boolean(), fallback);

const verdictsSchema = z.catch(
  z.object({
    exact: flag(true),
    rounded: flag(true),
    outdated: flag(true),
    conflict: flag(true),
  }),
  () => ({ ...DEFAULT_SETTINGS.verdicts }),
);

/** The v1 shape, each field with its own fallback. Unknown fields are dropped. */
export const settingsSchema = z.object({
  version: z.catch(z.literal(SETTINGS_VERSION), SETTINGS_VERSION),
  enabled: flag(DEFAULT_SETTINGS.enabled),
  mode: z.catch(z.enum(['all-except', 'only-listed']), DEFAULT_SETTINGS.mode),
  disabledSites: siteList,
  enabledSites: siteList,
  verdicts: verdictsSchema,
  markStyle: z.catch(z.enum(MARK_STYLES), DEFAULT_SETTINGS.markStyle),
  cardDelayMs: z.catch(z.int().check(z.gte(CARD_DELAY.min), z.lte(CARD_DELAY.max)), DEFAULT_SETTINGS.cardDelayMs),
  badge: flag(DEFAULT_SETTINGS.badge),
  language: z.catch(z.enum(LANGUAGES), DEFAULT_SETTINGS.language),
});

/** Reads a v1 value field by field; anything that is not an object at all gives the defaults. */
export function parseSettings(value: unknown): Settings {
  const input = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  return settingsSchema.parse(input) as Settings;
}

/** The settings a content script's marks and card depend on, besides whether its site is on. */
export function displayKey(s: Settings): string {
  return JSON.stringify([s.verdicts, s.markStyle, s.cardDelayMs, s.language]);
}
