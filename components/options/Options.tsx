import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Dataset, Observation } from '../../lib/data/schema';
import type { UiLocale } from '../../lib/format';
import type { StoredPack } from '../../lib/settings/packs';
import { CARD_DELAY, LANGUAGES, MARK_STYLES, VERDICT_KEYS, type LanguageSetting, type Settings } from '../../lib/settings/schema';
import { settingsStringsFor, verdictName } from '../i18n/settings-strings';
import { STRINGS } from '../i18n/strings';
import { Switch } from '../settings-ui/Switch';
import { DatasetBrowser } from './DatasetBrowser';
import { PacksSection, type PackImportResult } from './PacksSection';
import { SiteListEditor } from './SiteListEditor';

/** The options page: a view of the settings; every change goes through `update` to storage. */

export interface CommandInfo {
  name: string;
  shortcut: string;
}

export interface OptionsProps {
  locale: UiLocale;
  settings: Settings;
  packs: readonly StoredPack[];
  official: Dataset;
  /** The official dataset merged with the enabled packs, and what came from which pack. */
  merged: { dataset: Dataset; customMetrics: ReadonlyMap<string, string>; customObservations: ReadonlyMap<Observation, string> };
  commands: readonly CommandInfo[];
  update(change: (s: Settings) => Settings): Promise<void>;
  reset(): Promise<void>;
  importPack(file: File): Promise<PackImportResult>;
  setPackEnabled(id: string, on: boolean): void;
  removePack(id: string): void;
  exportPack(id: string): void;
  download(name: string, text: string, type: string): void;
  openShortcuts(): void;
  /** Firefox: shortcuts are changed in its Add-ons Manager, not at chrome://extensions/shortcuts. */
  shortcutsInFirefox?: boolean;
}

export function Options(p: OptionsProps) {
  const t = settingsStringsFor(p.locale);
  const s = p.settings;
  const sections = [
    ['general', t.sectionGeneral],
    ['sites', t.sectionSites],
    ['display', t.sectionDisplay],
    ['shortcuts', t.sectionShortcuts],
    ['data', t.sectionData],
    ['packs', t.sectionPacks],
    ['reset', t.sectionReset],
  ] as const;

  return (
    <div class="options" lang={p.locale}>
      <header class="page-header">
        <h1>{t.optionsTitle}</h1>
        <nav aria-label={t.optionsTitle}>
          <ul>
            {sections.map(([id, label]) => (
              <li key={id}>
                <a href={`#${id}`}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      <main>
        <section id="general" aria-labelledby="general-title">
          <h2 id="general-title">{t.sectionGeneral}</h2>
          <Switch id="global-switch" label={t.globalSwitch} checked={s.enabled} onChange={(on) => void p.update((x) => ({ ...x, enabled: on }))} />
          <fieldset class="stack">
            <legend>{t.modeLegend}</legend>
            {(['all-except', 'only-listed'] as const).map((mode) => (
              <label key={mode} class="check">
                <input type="radio" name="mode" value={mode} checked={s.mode === mode} onChange={() => void p.update((x) => ({ ...x, mode }))} />
                {mode === 'all-except' ? t.modeAllExcept : t.modeOnlyListed}
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for="language">{t.language}</label>
            <select id="language" value={s.language} onChange={(e) => {
                // Read now: the event's currentTarget is gone by the time the update runs.
                const language = (e.currentTarget as HTMLSelectElement).value as LanguageSetting;
                void p.update((x) => ({ ...x, language }));
              }}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {l === 'auto' ? t.languageAuto : l === 'en' ? 'English' : '中文（简体）'}
                </option>
              ))}
            </select>
          </div>
        </section>

        <section id="sites" aria-labelledby="sites-title">
          <h2 id="sites-title">{t.sectionSites}</h2>
          <p>{t.sitesIntro}</p>
          <ul class="rules">
            {t.siteRules.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <div class="lists">
            <SiteListEditor
              locale={p.locale}
              listKey="disabledSites"
              title={t.disabledListTitle}
              help={t.disabledListHelp}
              inUse={s.mode === 'all-except'}
              sites={s.disabledSites}
              onChange={(list) => p.update((x) => ({ ...x, disabledSites: list }))}
              onDownload={p.download}
            />
            <SiteListEditor
              locale={p.locale}
              listKey="enabledSites"
              title={t.enabledListTitle}
              help={t.enabledListHelp}
              inUse={s.mode === 'only-listed'}
              sites={s.enabledSites}
              onChange={(list) => p.update((x) => ({ ...x, enabledSites: list }))}
              onDownload={p.download}
            />
          </div>
        </section>

        <section id="display" aria-labelledby="display-title">
          <h2 id="display-title">{t.sectionDisplay}</h2>
          <fieldset class="stack" aria-describedby="verdicts-help">
            <legend>{t.verdictsLegend}</legend>
            {VERDICT_KEYS.map((v) => (
              <label key={v} class="check">
                <input type="checkbox" name={`verdict-${v}`} checked={s.verdicts[v]} onChange={(e) => {
                    const on = (e.currentTarget as HTMLInputElement).checked;
                    void p.update((x) => ({ ...x, verdicts: { ...x.verdicts, [v]: on } }));
                  }} />
                <span class={`verdict ${v}`}>{verdictName(p.locale, v)}</span>
                <span class="muted">{STRINGS[p.locale].verdictSummary[v]}</span>
              </label>
            ))}
            <p id="verdicts-help" class="muted">
              {t.verdictsHelp}
            </p>
          </fieldset>
          <fieldset class="stack">
            <legend>{t.markStyleLegend}</legend>
            {MARK_STYLES.map((style) => (
              <label key={style} class="check">
                <input type="radio" name="mark-style" value={style} checked={s.markStyle === style} onChange={() => void p.update((x) => ({ ...x, markStyle: style }))} />
                {style === 'underline-tint' ? t.markStyleUnderlineTint : t.markStyleUnderline}
                <span class={`mark-sample ${style}`} aria-hidden="true">
                  {p.locale === 'en' ? '602 million' : '6.02亿'}
                </span>
              </label>
            ))}
          </fieldset>
          <CardDelayField locale={p.locale} value={s.cardDelayMs} onCommit={(ms) => void p.update((x) => ({ ...x, cardDelayMs: ms }))} />
          <div class="field">
            <label class="check">
              <input type="checkbox" name="badge" checked={s.badge} aria-describedby="badge-help" onChange={(e) => {
                  const badge = (e.currentTarget as HTMLInputElement).checked;
                  void p.update((x) => ({ ...x, badge }));
                }} />
              {t.badgeOption}
            </label>
            <p id="badge-help" class="muted">
              {t.badgeHelp}
            </p>
          </div>
        </section>

        <section id="shortcuts" aria-labelledby="shortcuts-title">
          <h2 id="shortcuts-title">{t.sectionShortcuts}</h2>
          <table class="shortcuts">
            <tbody>
              {p.commands
                .filter((c) => t.commandNames[c.name])
                .map((c) => (
                  <tr key={c.name} data-command={c.name}>
                    <th scope="row">{t.commandNames[c.name]}</th>
                    <td>{c.shortcut ? <kbd>{c.shortcut}</kbd> : <span class="muted">{t.shortcutNotSet}</span>}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <p class="muted">
            {p.shortcutsInFirefox ? t.shortcutsIntroFirefox : t.shortcutsIntro}{' '}
            <button type="button" class="link-button" onClick={p.openShortcuts}>
              {t.changeShortcut}
            </button>
          </p>
        </section>

        <section id="data" aria-labelledby="data-title">
          <h2 id="data-title">{t.sectionData}</h2>
          <DatasetBrowser locale={p.locale} dataset={p.merged.dataset} official={p.official} customMetrics={p.merged.customMetrics} customObservations={p.merged.customObservations} />
        </section>

        <section id="packs" aria-labelledby="packs-title">
          <h2 id="packs-title">{t.sectionPacks}</h2>
          <PacksSection locale={p.locale} packs={p.packs} onImport={p.importPack} onSetEnabled={p.setPackEnabled} onRemove={p.removePack} onExport={p.exportPack} />
        </section>

        <section id="reset" aria-labelledby="reset-title">
          <h2 id="reset-title">{t.sectionReset}</h2>
          <ResetControl locale={p.locale} onReset={p.reset} />
        </section>
      </main>
    </div>
  );
}

function CardDelayField(props: { locale: UiLocale; value: number; onCommit(ms: number): void }) {
  const t = settingsStringsFor(props.locale);
  const [draft, setDraft] = useState(String(props.value));
  useEffect(() => setDraft(String(props.value)), [props.value]);
  const commit = () => {
    const n = Math.round(Number(draft));
    if (draft.trim() === '' || !Number.isFinite(n)) return setDraft(String(props.value));
    const ms = Math.min(CARD_DELAY.max, Math.max(CARD_DELAY.min, n));
    setDraft(String(ms));
    if (ms !== props.value) props.onCommit(ms);
  };
  return (
    <div class="field">
      <label for="card-delay">{t.cardDelay}</label>
      <input
        id="card-delay"
        type="number"
        min={CARD_DELAY.min}
        max={CARD_DELAY.max}
        step={50}
        value={draft}
        aria-describedby="card-delay-help"
        onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        onChange={commit}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
      />
      <p id="card-delay-help" class="muted">
        {t.cardDelayHelp}
      </p>
    </div>
  );
}

function ResetControl(props: { locale: UiLocale; onReset(): Promise<void> }) {
  const t = settingsStringsFor(props.locale);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const cancelRef = useMemo(() => ({ el: null as HTMLButtonElement | null }), []);
  useEffect(() => {
    if (confirming) cancelRef.el?.focus();
  }, [confirming]);
  return (
    <div class="reset">
      <p>{t.resetIntro}</p>
      {!confirming ? (
        <button
          type="button"
          class="button danger"
          onClick={() => {
            setDone(false);
            setConfirming(true);
          }}
        >
          {t.resetButton}
        </button>
      ) : (
        <div class="notice confirm" role="alertdialog" aria-labelledby="reset-confirm">
          <p id="reset-confirm">{t.resetConfirm}</p>
          <div class="row">
            <button
              type="button"
              class="button danger"
              onClick={() =>
                void props.onReset().then(() => {
                  setConfirming(false);
                  setDone(true);
                })
              }
            >
              {t.resetYes}
            </button>
            <button type="button" class="button" ref={(el) => {
                cancelRef.el = el;
              }} onClick={() => setConfirming(false)}>
              {t.cancel}
            </button>
          </div>
        </div>
      )}
      <p role="status" class="muted">
        {done ? t.resetDone : ''}
      </p>
    </div>
  );
}
