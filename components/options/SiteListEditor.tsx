import { useMemo, useRef, useState } from 'preact/hooks';
import type { UiLocale } from '../../lib/format';
import { addSites, exportSitesJson, exportSitesText, parseSiteLines, parseSiteListFile, type ListKey } from '../../lib/settings/site-lists';
import { settingsStringsFor } from '../i18n/settings-strings';

/** At most this many rows are drawn at once; the filter finds the others (a list may hold thousands). */
const MAX_ROWS = 500;

export interface SiteListEditorProps {
  locale: UiLocale;
  listKey: ListKey;
  title: string;
  help: string;
  inUse: boolean;
  sites: readonly string[];
  onChange(next: string[]): Promise<void>;
  onDownload(name: string, text: string, type: string): void;
}

export function SiteListEditor(p: SiteListEditorProps) {
  const t = settingsStringsFor(p.locale);
  const [draft, setDraft] = useState('');
  const [filter, setFilter] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const id = p.listKey;

  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const matching = q ? p.sites.filter((s) => s.includes(q)) : p.sites;
    return { total: matching.length, rows: matching.slice(0, MAX_ROWS) };
  }, [p.sites, filter]);

  async function add(text: string, fromFile: boolean) {
    const parsed = fromFile ? parseSiteListFile(text, p.listKey) : parseSiteLines(text);
    if (parsed.sites.length === 0) {
      setMessage({ ok: false, text: parsed.rejected.length ? t.notSites(parsed.rejected) : fromFile ? t.importFailed : t.notSites([text.trim()]) });
      return;
    }
    const r = addSites(p.sites, parsed.sites);
    await p.onChange(r.list);
    const parts = [fromFile ? t.imported(r.added) : t.added(r.added, r.skipped)];
    if (parsed.rejected.length) parts.push(t.notSites(parsed.rejected));
    setMessage({ ok: parsed.rejected.length === 0, text: parts.join(' ') });
    if (!fromFile) setDraft('');
  }

  async function onFile(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) await add(await file.text(), true);
  }

  return (
    <section class="site-list" aria-labelledby={`${id}-title`} data-list={id}>
      <h3 id={`${id}-title`}>
        {p.title} {p.inUse && <span class="tag">{t.inUse}</span>}
      </h3>
      <p class="muted">{p.help}</p>
      <form
        class="add-sites"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim()) void add(draft, false);
        }}
      >
        <label for={`${id}-add`}>{t.addSitesLabel}</label>
        <textarea id={`${id}-add`} rows={3} placeholder={t.addSitesPlaceholder} value={draft} onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)} spellcheck={false} />
        <div class="row">
          <button type="submit" class="button primary">
            {t.add}
          </button>
          <button type="button" class="button" onClick={() => fileInput.current?.click()}>
            {t.importList}
          </button>
          <input ref={fileInput} type="file" accept=".txt,.json,text/plain,application/json" class="visually-hidden" tabIndex={-1} aria-hidden="true" data-import={id} onChange={(e) => void onFile(e)} />
          <button type="button" class="button" disabled={p.sites.length === 0} onClick={() => p.onDownload(`figure-check-${id}.txt`, exportSitesText(p.sites), 'text/plain')}>
            {t.exportText}
          </button>
          <button type="button" class="button" disabled={p.sites.length === 0} onClick={() => p.onDownload(`figure-check-${id}.json`, exportSitesJson(p.sites, p.listKey), 'application/json')}>
            {t.exportJson}
          </button>
        </div>
      </form>
      <p class={`notice ${message ? (message.ok ? 'ok' : 'error') : 'empty'}`} role="status" aria-live="polite">
        {message?.text ?? ''}
      </p>
      <div class="row list-head">
        <span class="count" data-count={p.sites.length}>
          {t.siteCount(p.sites.length)}
        </span>
        {p.sites.length > 0 && (
          <>
            <label class="filter">
              <span>{t.filter}</span>
              <input type="search" value={filter} onInput={(e) => setFilter((e.currentTarget as HTMLInputElement).value)} />
            </label>
            <button type="button" class="button danger" onClick={() => void p.onChange([]).then(() => setMessage(undefined))}>
              {t.clearList}
            </button>
          </>
        )}
      </div>
      {shown.total > shown.rows.length && <p class="muted">{t.showing(shown.rows.length, shown.total)}</p>}
      {p.sites.length === 0 ? (
        <p class="muted">{t.listEmpty}</p>
      ) : (
        <ul class="sites">
          {shown.rows.map((site) => (
            <li key={site}>
              <span class="site-name">{site}</span>
              <button type="button" class="button small" aria-label={t.removeSite(site)} onClick={() => void p.onChange(p.sites.filter((s) => s !== site))}>
                {t.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
