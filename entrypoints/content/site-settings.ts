import { browser } from 'wxt/browser';
import { uiLocaleFor } from '../../components/i18n/locale';
import { createEngine, type Engine } from '../../lib/check/engine';
import type { Verdict } from '../../lib/check/verdict';
import { bundledDataset } from '../../lib/data/dataset';
import { mergeDatasets } from '../../lib/data/merge';
import { enabledPackDatasets, type StoredPacks } from '../../lib/settings/packs';
import { displayKey, VERDICT_KEYS, type Settings } from '../../lib/settings/schema';
import { isEnabled } from '../../lib/settings/sites';
import { countVerdicts, isSummaryRequest, type CountsReport, type PageSummary } from '../../platform/messages';
import { loadPacks, loadSettings, watchPacks, watchSettings } from '../../platform/settings-store';
import type { FigureUiOptions, MarkedFigure } from './figure-ui';
import type { HighlightPainter } from './highlights';
import type { Lifetime } from './lifetime';
import { SettingsPainter } from './settings-painter';

/**
 * The content script's settings: whether this page is checked at all (`isEnabled(location.href,
 * settings)`), with which dataset (the bundled one plus the enabled custom fact packs) and how
 * (marked verdicts, mark style, card delay, language). It watches both in storage and applies a
 * change live: turning the site off stops the checker (every highlight removed, the card closed),
 * turning it on starts a fresh one that scans again, and any other change that matters to this
 * page restarts it with the new configuration.
 *
 * It also answers the popup's `figure-check:summary` and tells the background the counts per
 * verdict for the toolbar badge. No full Zod here (settings are read with zod/mini): packs were
 * validated when they were imported. The page can see a performance mark `figure-check:settings`
 * (detail: { enabled }) each time the settings are applied.
 */

export interface CheckingConfig {
  engine: Engine;
  painter: HighlightPainter;
  ui: Pick<FigureUiOptions, 'locale' | 'hoverDelayMs'>;
  /** Called after every scan with the figures marked, in document order. */
  onFigures(figures: readonly MarkedFigure[]): void;
}

export interface Checking {
  start(): void;
  stop(): void;
}

function browserUiLanguage(): string {
  try {
    return browser.i18n.getUILanguage();
  } catch {
    return navigator.language;
  }
}

function packsKey(packs: StoredPacks): string {
  return packs.packs
    .filter((p) => p.enabled)
    .map((p) => `${p.id}@${p.importedAt}`)
    .join(' ');
}

class SiteSettingsGate {
  private settings: Settings | undefined;
  private packs: StoredPacks | undefined;
  private engine: { key: string; engine: Engine } | undefined;
  private checking: Checking | undefined;
  /** What the running checker was made from; undefined while checking is off. */
  private runningKey: string | undefined;
  private figures: readonly MarkedFigure[] = [];
  private scanned = false;
  private lastReport = '';
  private stopped = false;
  private readonly unwatch: Array<() => void> = [];

  constructor(private readonly create: (config: CheckingConfig) => Checking) {}

  async start(): Promise<void> {
    try {
      browser.runtime.onMessage.addListener(this.onMessage);
      this.unwatch.push(() => browser.runtime.onMessage.removeListener(this.onMessage));
    } catch {
      // not in an extension
    }
    this.unwatch.push(
      watchSettings((s) => {
        this.settings = s;
        this.apply();
      }),
      watchPacks((p) => {
        this.packs = p;
        this.apply();
      }),
    );
    const [settings, packs] = await Promise.all([loadSettings(), loadPacks()]);
    // A change that arrived while loading is newer than what was loaded.
    this.settings ??= settings;
    this.packs ??= packs;
    this.apply();
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    // The marks first: in an orphan (the extension reloaded), removing a storage or message
    // listener throws "Extension context invalidated".
    this.checking?.stop();
    this.checking = undefined;
    for (const u of this.unwatch.splice(0)) {
      try {
        u();
      } catch {
        // an orphan: its listeners are dead anyway
      }
    }
  }

  private get enabled(): boolean {
    return !!this.settings && isEnabled(location.href, this.settings);
  }

  private apply(): void {
    if (this.stopped || !this.settings || !this.packs) return;
    const key = this.enabled ? `${displayKey(this.settings)}\u0000${packsKey(this.packs)}` : undefined;
    if (key !== this.runningKey) {
      this.checking?.stop();
      this.checking = undefined;
      this.figures = [];
      this.scanned = false;
      this.runningKey = key;
      if (key !== undefined) {
        const checking = this.create(this.config(this.settings, this.packs));
        this.checking = checking;
        checking.start();
      }
    }
    this.report(true);
    // For tests and the curious: when the settings were (re)applied, and whether this page is checked.
    performance.clearMarks('figure-check:settings');
    performance.mark('figure-check:settings', { detail: { enabled: key !== undefined } });
  }

  private config(settings: Settings, packs: StoredPacks): CheckingConfig {
    const shown = new Set<Verdict>(VERDICT_KEYS.filter((v) => settings.verdicts[v]));
    return {
      engine: this.engineFor(packs),
      painter: new SettingsPainter(shown, settings.markStyle),
      ui: { locale: uiLocaleFor(settings.language, browserUiLanguage()), hoverDelayMs: settings.cardDelayMs },
      onFigures: (figures) => {
        this.figures = figures;
        this.scanned = true;
        this.report(false);
      },
    };
  }

  private engineFor(packs: StoredPacks): Engine {
    const key = packsKey(packs);
    if (this.engine?.key === key) return this.engine.engine;
    let engine: Engine;
    try {
      engine = createEngine(mergeDatasets(bundledDataset, enabledPackDatasets(packs)));
    } catch (e) {
      // A stored pack damaged after it was imported: check with the official data alone.
      console.warn('[figure-check] custom fact packs not used', e);
      engine = createEngine(bundledDataset);
    }
    this.engine = { key, engine };
    return engine;
  }

  private summary(): PageSummary {
    return {
      url: location.href,
      enabled: this.enabled,
      scanned: this.scanned,
      figures: this.figures.map((f) => ({
        id: f.id,
        text: f.finding.text,
        verdict: f.finding.verdict,
        metricId: f.finding.metric.id,
        metricName: { en: f.finding.metric.name.en, zh: f.finding.metric.name.zh },
      })),
    };
  }

  /** Tells the background the counts (badge, context menu); `always` also after a settings change, which may change the badge alone. */
  private report(always: boolean): void {
    const locale = uiLocaleFor(this.settings?.language ?? 'auto', browserUiLanguage());
    const report: CountsReport = { type: 'figure-check:counts', enabled: this.enabled, scanned: this.scanned, counts: countVerdicts(this.figures.map((f) => f.finding)), locale };
    const text = JSON.stringify(report);
    if (!always && text === this.lastReport) return;
    this.lastReport = text;
    try {
      void browser.runtime.sendMessage(report).catch(() => {});
    } catch {
      // the extension was reloaded: this script is an orphan and will be invalidated
    }
  }

  private readonly onMessage = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void): undefined => {
    if (isSummaryRequest(message) && !this.stopped) sendResponse(this.summary());
    return undefined;
  };
}

/**
 * Runs the checker only where and how the settings say, until `ctx` is invalidated or `stop`.
 * `create` makes a checker for one configuration; it is stopped, never reconfigured.
 */
export function checkWithSettings(ctx: Lifetime, create: (config: CheckingConfig) => Checking): { stop(): void } {
  const gate = new SiteSettingsGate(create);
  ctx.onInvalidated(() => gate.stop());
  void gate.start().catch((e) => console.warn('[figure-check] settings could not be read', e));
  return gate;
}
