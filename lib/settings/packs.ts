import * as z from 'zod/mini';
import type { Dataset } from '../data/schema';

/**
 * Custom fact packs as stored (storage.local, key "packs"): each validated in full when it was
 * imported (lib/data/packs.ts, in the options page). Reading them back checks only their envelope,
 * pack by pack, so that a damaged entry drops that pack and no other — and keeps Zod's full
 * schema out of the content script.
 */

export const PACKS_VERSION = 1;

export interface StoredPack {
  /** Random id given at import. */
  id: string;
  /** The file name it was imported from. */
  name: string;
  enabled: boolean;
  /** ISO time of the import. */
  importedAt: string;
  dataset: Dataset;
}

export interface StoredPacks {
  version: typeof PACKS_VERSION;
  packs: StoredPack[];
}

const envelope = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.catch(z.string(), 'pack.json'),
  enabled: z.catch(z.boolean(), true),
  importedAt: z.catch(z.string(), ''),
  dataset: z.looseObject({
    version: z.string(),
    dataAsOf: z.string(),
    sources: z.array(z.looseObject({ id: z.string() })),
    metrics: z.array(z.looseObject({ id: z.string(), observations: z.array(z.unknown()) })),
  }),
});

export function emptyPacks(): StoredPacks {
  return { version: PACKS_VERSION, packs: [] };
}

export function parseStoredPacks(raw: unknown): StoredPacks {
  const list = typeof raw === 'object' && raw !== null && Array.isArray((raw as { packs?: unknown }).packs) ? (raw as { packs: unknown[] }).packs : [];
  const packs: StoredPack[] = [];
  const ids = new Set<string>();
  for (const entry of list) {
    const r = envelope.safeParse(entry);
    if (!r.success || ids.has(r.data.id)) continue;
    ids.add(r.data.id);
    packs.push(r.data as unknown as StoredPack);
  }
  return { version: PACKS_VERSION, packs };
}

/** The datasets of the enabled packs, in import order. */
export function enabledPackDatasets(stored: StoredPacks): Dataset[] {
  return stored.packs.filter((p) => p.enabled).map((p) => p.dataset);
}
