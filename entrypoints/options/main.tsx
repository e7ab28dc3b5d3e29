import { render } from 'preact';
import { browser } from 'wxt/browser';
import { settingsStringsFor, uiLocaleFor } from '../../components/i18n/settings-strings';
import { Options, type CommandInfo } from '../../components/options/Options';
import type { PackImportResult } from '../../components/options/PacksSection';
import '../../components/settings-ui/base.css';
import '../../components/options/options.css';
import { bundledDataset } from '../../lib/data/dataset';
import { mergeDatasets } from '../../lib/data/merge';
import { parsePackText, validatePack } from '../../lib/data/packs';
import type { Observation } from '../../lib/data/schema';
import { enabledPackDatasets, PACKS_VERSION, type StoredPacks } from '../../lib/settings/packs';
import { defaultSettings, type Settings } from '../../lib/settings/schema';
import { loadPacks, loadSettings, saveSettings, updatePacks, updateSettings, watchPacks, watchSettings } from '../../platform/settings-store';
import { hasShortcutSettingsApi, openShortcutSettings, shortcutLabel } from '../../platform/shortcuts';

/**
 * The options page. Settings are read and written through platform/settings-store.ts; content
 * scripts, the popup and the background watch storage and follow every change live. Custom fact
 * packs are validated here, in full (Zod + validateDataset + id clashes), before anything is stored.
 */

let settings: Settings | undefined;
let packs: StoredPacks | undefined;
let commands: CommandInfo[] = [];

function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return navigator.language;
  }
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function importPack(file: File): Promise<PackImportResult> {
  const name = file.name || 'pack.json';
  const text = await file.text();
  const parsed = parsePackText(text);
  if (!parsed.ok) return { ok: false, name, errors: parsed.errors };
  const stored = await loadPacks();
  const others = stored.packs.map((p) => ({ label: `pack "${p.name}"`, dataset: p.dataset }));
  const checked = validatePack(parsed.value, bundledDataset, others);
  if (!checked.ok) return { ok: false, name, errors: checked.errors };
  await updatePacks((current) => ({
    version: PACKS_VERSION,
    packs: [...current.packs, { id: crypto.randomUUID(), name, enabled: true, importedAt: new Date().toISOString(), dataset: checked.pack }],
  }));
  return { ok: true, name, summary: checked.summary };
}

function mergedView(stored: StoredPacks) {
  const enabled = stored.packs.filter((p) => p.enabled);
  const dataset = mergeDatasets(bundledDataset, enabledPackDatasets(stored));
  const official = new Set(bundledDataset.metrics.map((m) => m.id));
  const customMetrics = new Map<string, string>();
  const customObservations = new Map<Observation, string>();
  for (const pack of enabled) {
    for (const m of pack.dataset.metrics) {
      if (!official.has(m.id) && !customMetrics.has(m.id)) customMetrics.set(m.id, pack.name);
      for (const o of m.observations) customObservations.set(o, pack.name);
    }
  }
  return { dataset, customMetrics, customObservations };
}

let merged: ReturnType<typeof mergedView> | undefined;

function draw(): void {
  if (!settings || !packs) return;
  merged ??= mergedView(packs);
  const locale = uiLocaleFor(settings.language, uiLanguage());
  document.documentElement.lang = locale;
  document.title = settingsStringsFor(locale).optionsTitle;
  render(
    <Options
      locale={locale}
      settings={settings}
      packs={packs.packs}
      official={bundledDataset}
      merged={merged}
      commands={commands}
      update={async (change) => {
        settings = await updateSettings(change);
        draw();
      }}
      reset={async () => {
        await saveSettings(defaultSettings());
        settings = await loadSettings();
        draw();
      }}
      importPack={importPack}
      setPackEnabled={(id, on) => void updatePacks((p) => ({ ...p, packs: p.packs.map((x) => (x.id === id ? { ...x, enabled: on } : x)) }))}
      removePack={(id) => void updatePacks((p) => ({ ...p, packs: p.packs.filter((x) => x.id !== id) }))}
      exportPack={(id) => {
        const pack = packs?.packs.find((x) => x.id === id);
        if (pack) download(pack.name.endsWith('.json') ? pack.name : `${pack.name}.json`, JSON.stringify(pack.dataset, null, 2) + '\n', 'application/json');
      }}
      download={download}
      openShortcuts={() => void openShortcutSettings()}
      shortcutsInFirefox={hasShortcutSettingsApi()}
    />,
    document.getElementById('app')!,
  );
}

async function start(): Promise<void> {
  watchSettings((s) => {
    settings = s;
    draw();
  });
  watchPacks((p) => {
    packs = p;
    merged = undefined;
    draw();
  });
  const [s, p, c] = await Promise.all([loadSettings(), loadPacks(), browser.commands.getAll().catch(() => [])]);
  settings ??= s;
  packs ??= p;
  commands = c.flatMap((x) => (x.name ? [{ name: x.name, shortcut: shortcutLabel(x.shortcut ?? '') }] : []));
  draw();
}

void start();
