import { storage } from 'wxt/utils/storage';
import { migrateSettings, readSettings } from '../lib/settings/migrate';
import { emptyPacks, parseStoredPacks, type StoredPacks } from '../lib/settings/packs';
import type { Settings } from '../lib/settings/schema';

/**
 * The browser side of settings: where they are stored and how they are read, written and watched.
 * What they mean is decided in lib/settings/ (pure). Both items live in storage.local (10 MB),
 * never storage.sync (8 kB an item): a list of a thousand sites, or a fact pack, would not fit.
 */

const settingsItem = storage.defineItem<unknown>('local:settings');
const packsItem = storage.defineItem<unknown>('local:packs');

export async function loadSettings(): Promise<Settings> {
  return readSettings(await settingsItem.getValue());
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settings);
}

/** Read, change, write. The change is a pure function of the settings as stored right now. */
export async function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const before = await loadSettings();
  const after = change(before);
  if (after !== before) await saveSettings(after);
  return after;
}

export function watchSettings(onChange: (s: Settings) => void): () => void {
  return settingsItem.watch((raw) => onChange(readSettings(raw)));
}

/**
 * Writes a value stored by an older version back in the current shape (the background does it
 * once, at install, update and startup). Readers never depend on it: they migrate in memory.
 */
export async function migrateStoredSettings(): Promise<{ from: number; migrated: boolean }> {
  const raw = await settingsItem.getValue();
  if (raw === null || raw === undefined) return { from: 1, migrated: false };
  const { from, migrated } = migrateSettings(raw);
  if (migrated) await saveSettings(readSettings(raw));
  return { from, migrated };
}

export async function loadPacks(): Promise<StoredPacks> {
  return parseStoredPacks(await packsItem.getValue());
}

export async function savePacks(packs: StoredPacks): Promise<void> {
  await packsItem.setValue(packs);
}

export async function updatePacks(change: (p: StoredPacks) => StoredPacks): Promise<StoredPacks> {
  const after = change(await loadPacks());
  await savePacks(after);
  return after;
}

export function watchPacks(onChange: (p: StoredPacks) => void): () => void {
  return packsItem.watch((raw) => onChange(raw === null ? emptyPacks() : parseStoredPacks(raw)));
}
