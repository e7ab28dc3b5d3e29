import { parseSettings, SETTINGS_VERSION, type Settings } from './schema';

/**
 * Stored settings carry their own version (`version: 1`), inside the value, so that a value that
 * was exported, synced or edited by hand still says what shape it is. Reading a stored value:
 *
 *   raw ──migrateSettings──▶ current shape ──parseSettings──▶ Settings (each field checked)
 *
 * A migration takes the value of one version and returns the next version's value. It should be
 * forgiving (the value may be damaged): it maps what it recognises and leaves the rest to the
 * field-by-field fallbacks of the schema. A new release that changes the shape adds one entry to
 * MIGRATIONS, bumps SETTINGS_VERSION and adds stored examples to tests/unit/settings-migrate.test.ts.
 *
 * Pure: no storage here. The background writes the migrated value back once (platform/settings-store.ts);
 * every other reader migrates in memory, so a reader that runs before the background still sees v1.
 */

type Json = Record<string, unknown>;

export interface Migration {
  /** The version this migration produces; it reads version `to - 1`. */
  to: number;
  up(old: Json): Json;
}

/**
 * Version 0: the unreleased 0.0.x builds (before the popup existed) stored, under the same key,
 * an unversioned object:
 *
 * ```json
 * { "on": true, "whitelistMode": false, "blacklist": ["example.com"], "whitelist": [],
 *   "hideExact": false, "underlineOnly": false, "hoverDelay": 350, "lang": "zh" }
 * ```
 *
 * - `on` → `enabled`; `whitelistMode` → `mode` (`only-listed` / `all-except`);
 * - `blacklist` / `whitelist` → `disabledSites` / `enabledSites` (entries may be full URLs: the
 *   schema normalises them);
 * - `hideExact: true` → `verdicts.exact: false` (0.0.x could hide only exact figures);
 * - `underlineOnly` → `markStyle`; `hoverDelay` (ms, sometimes a string) → `cardDelayMs`;
 * - `lang` `"zh"` → `"zh-CN"`; `"en"` and `"auto"` stay.
 * The badge did not exist: it is on.
 */
export interface SettingsV0 {
  on?: boolean;
  whitelistMode?: boolean;
  blacklist?: string[];
  whitelist?: string[];
  hideExact?: boolean;
  underlineOnly?: boolean;
  hoverDelay?: number | string;
  lang?: 'auto' | 'en' | 'zh';
}

function v0ToV1(old: Json): Json {
  const v0 = old as SettingsV0 & Json;
  const next: Json = { version: 1 };
  if ('on' in v0) next.enabled = v0.on;
  if ('whitelistMode' in v0) next.mode = v0.whitelistMode === true ? 'only-listed' : v0.whitelistMode === false ? 'all-except' : undefined;
  if ('blacklist' in v0) next.disabledSites = v0.blacklist;
  if ('whitelist' in v0) next.enabledSites = v0.whitelist;
  if (typeof v0.hideExact === 'boolean') next.verdicts = { exact: !v0.hideExact, rounded: true, outdated: true, conflict: true };
  if (typeof v0.underlineOnly === 'boolean') next.markStyle = v0.underlineOnly ? 'underline' : 'underline-tint';
  if ('hoverDelay' in v0) {
    const ms = typeof v0.hoverDelay === 'string' ? Number(v0.hoverDelay.trim()) : v0.hoverDelay;
    next.cardDelayMs = typeof ms === 'number' && Number.isFinite(ms) ? Math.round(ms) : undefined;
  }
  if ('lang' in v0) next.language = v0.lang === 'zh' ? 'zh-CN' : v0.lang;
  next.badge = true;
  return next;
}

export const MIGRATIONS: readonly Migration[] = [{ to: 1, up: v0ToV1 }];

/** The version a stored value says it has: its `version` field, or 0 for the unversioned pre-release shape. */
export function storedVersion(raw: unknown): number {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return SETTINGS_VERSION; // nothing usable: defaults
  const v = (raw as Json).version;
  if (v === undefined) return 0;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : SETTINGS_VERSION;
}

export interface MigrationResult {
  value: unknown;
  from: number;
  /** Whether any migration ran (the stored value should be written back). */
  migrated: boolean;
}

/**
 * Brings a stored value to the current version. A value from a newer release (a downgrade) is
 * left as it is: the schema reads the fields it knows, and nothing is written back over it.
 */
export function migrateSettings(raw: unknown, migrations: readonly Migration[] = MIGRATIONS, target = SETTINGS_VERSION): MigrationResult {
  const from = storedVersion(raw);
  if (from >= target) return { value: raw, from, migrated: false };
  let value = raw as Json;
  for (let v = from + 1; v <= target; v++) {
    const step = migrations.find((m) => m.to === v);
    if (!step) throw new Error(`no settings migration to version ${v}`);
    value = step.up(value);
  }
  return { value, from, migrated: true };
}

/** What every reader does with a stored value: migrate in memory, then read field by field. */
export function readSettings(raw: unknown): Settings {
  return parseSettings(migrateSettings(raw).value);
}
