import type { UiLocale } from '../../lib/format';
import { formatPeriod } from '../../lib/format';
import type { NoAccess } from '../../lib/settings/page-access';
import { VERDICT_KEYS, type Settings } from '../../lib/settings/schema';
import type { SiteMode } from '../../lib/settings/sites';
import type { PageSummary } from '../../platform/messages';
import { countVerdicts } from '../../platform/messages';
import { settingsStringsFor, verdictName } from '../i18n/settings-strings';
import { Switch } from '../settings-ui/Switch';

/** What the popup knows about its tab. */
export type PageState =
  | { kind: 'loading' }
  /** A page with our content script: `summary` is its answer. */
  | { kind: 'page'; site: string; siteOn: boolean; summary: PageSummary }
  /** No content script. `site` is set for ordinary web pages (opened before we were installed): their switch still works. */
  | { kind: 'no-access'; reason: NoAccess; site?: string; siteOn?: boolean };

export interface PopupProps {
  locale: UiLocale;
  settings: Settings;
  page: PageState;
  /** The `toggle-site` shortcut; '' when none is set; undefined while unknown. */
  shortcut: string | undefined;
  dataset: { version: string; dataAsOf: string };
  packsInUse: number;
  onSiteSwitch(on: boolean): void;
  onGlobalSwitch(on: boolean): void;
  onMode(mode: SiteMode): void;
  onOpenFigure(id: string): void;
  onOpenOptions(): void;
  onChangeShortcut(): void;
  onReload(): void;
  onOpenExtensionSettings(): void;
}

export function Popup(p: PopupProps) {
  const t = settingsStringsFor(p.locale);
  const { settings, page } = p;
  const site = page.kind === 'page' ? page.site : page.kind === 'no-access' ? page.site : undefined;
  const siteOn = page.kind === 'page' ? page.siteOn : page.kind === 'no-access' ? page.siteOn : undefined;
  const hint = !settings.enabled ? t.globalOffHint : settings.mode === 'only-listed' && siteOn === false ? t.onlyListedHint : undefined;

  return (
    <main class="popup" lang={p.locale}>
      <header class="popup-header">
        <h1>{t.appName}</h1>
        <button type="button" class="link-button" onClick={p.onOpenOptions}>
          {t.openOptions}
        </button>
      </header>

      {page.kind !== 'loading' && site !== undefined && siteOn !== undefined && (
        <section class="site" aria-label={site}>
          <p class="host" title={site}>
            {site}
          </p>
          <Switch id="site-switch" label={t.siteSwitch(site)} checked={siteOn} disabled={!settings.enabled} describedBy={hint ? 'site-hint' : undefined} onChange={p.onSiteSwitch} />
          {hint && (
            <p id="site-hint" class="muted hint">
              {hint}
            </p>
          )}
          <p class="shortcut muted">
            {t.shortcut}: {p.shortcut ? <kbd>{p.shortcut}</kbd> : <span>{p.shortcut === '' ? t.shortcutNotSet : '…'}</span>}{' '}
            <button type="button" class="link-button" onClick={p.onChangeShortcut}>
              {t.changeShortcut}
            </button>
          </p>
        </section>
      )}

      {page.kind === 'no-access' && (
        <section class="notice no-access" role="status">
          <p>{t.unavailable[page.reason]}</p>
          {page.reason === 'not-loaded' && (
            <button type="button" class="button" onClick={p.onReload}>
              {t.reload}
            </button>
          )}
          {page.reason === 'file-access' && (
            <button type="button" class="button" onClick={p.onOpenExtensionSettings}>
              {t.openExtensionSettings}
            </button>
          )}
        </section>
      )}

      {page.kind === 'page' && <PageFigures locale={p.locale} summary={page.summary} onOpenFigure={p.onOpenFigure} />}

      <section class="global">
        <Switch id="global-switch" label={t.globalSwitch} checked={settings.enabled} onChange={p.onGlobalSwitch} />
        <fieldset class="mode" disabled={!settings.enabled}>
          <legend>{t.modeLegend}</legend>
          {(['all-except', 'only-listed'] as const).map((mode) => (
            <label key={mode} class="radio">
              <input type="radio" name="mode" value={mode} checked={settings.mode === mode} onChange={() => p.onMode(mode)} />
              {mode === 'all-except' ? t.modeAllExcept : t.modeOnlyListed}
            </label>
          ))}
        </fieldset>
      </section>

      <footer class="muted popup-footer">
        {t.dataVersion(p.dataset.version, formatPeriod(p.dataset.dataAsOf, p.locale))}
        {p.packsInUse > 0 && <span> {t.packsInUse(p.packsInUse)}</span>}
      </footer>
    </main>
  );
}

function PageFigures(props: { locale: UiLocale; summary: PageSummary; onOpenFigure(id: string): void }) {
  const { locale, summary } = props;
  const t = settingsStringsFor(locale);
  const counts = countVerdicts(summary.figures);
  let body;
  if (!summary.enabled) body = <p class="muted">{t.siteOff}</p>;
  else if (!summary.scanned) body = <p class="muted">{t.checking}</p>;
  else if (summary.figures.length === 0) body = <p class="muted">{t.noFigures}</p>;
  else
    body = (
      <>
        <p class="counts" aria-label={`${t.figureCount(summary.figures.length)}: ${VERDICT_KEYS.map((v) => t.verdictCount(counts[v], verdictName(locale, v))).join(', ')}`}>
          <strong>{t.figureCount(summary.figures.length)}</strong>
          {VERDICT_KEYS.map((v) => (
            <span key={v} class={`verdict ${v}`} data-verdict={v}>
              {t.verdictCount(counts[v], verdictName(locale, v))}
            </span>
          ))}
        </p>
        <p id="figures-hint" class="muted small">
          {t.openFigureHint}
        </p>
        <ul class="figures" aria-describedby="figures-hint">
          {summary.figures.map((f) => (
            <li key={f.id}>
              <button type="button" class="figure" data-figure-id={f.id} onClick={() => props.onOpenFigure(f.id)}>
                <span class="figure-text">{f.text}</span>
                <span class="figure-metric">{locale === 'en' ? f.metricName.en : f.metricName.zh}</span>
                <span class={`verdict ${f.verdict}`}>{verdictName(locale, f.verdict)}</span>
              </button>
            </li>
          ))}
        </ul>
      </>
    );
  return (
    <section class="page-figures" aria-labelledby="page-figures-title">
      <h2 id="page-figures-title">{t.onThisPage}</h2>
      {body}
    </section>
  );
}
