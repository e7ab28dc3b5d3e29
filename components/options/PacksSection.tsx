import { useRef, useState } from 'preact/hooks';
import type { PackSummary } from '../../lib/data/packs';
import type { UiLocale } from '../../lib/format';
import { formatPeriod } from '../../lib/format';
import type { StoredPack } from '../../lib/settings/packs';
import { settingsStringsFor } from '../i18n/settings-strings';

export type PackImportResult = { ok: true; name: string; summary: PackSummary } | { ok: false; name: string; errors: string[] };

export interface PacksSectionProps {
  locale: UiLocale;
  packs: readonly StoredPack[];
  onImport(file: File): Promise<PackImportResult>;
  onSetEnabled(id: string, on: boolean): void;
  onRemove(id: string): void;
  onExport(id: string): void;
}

/** Import, list, disable, remove and export custom fact packs. */
export function PacksSection(p: PacksSectionProps) {
  const t = settingsStringsFor(p.locale);
  const [result, setResult] = useState<PackImportResult | undefined>();
  const input = useRef<HTMLInputElement>(null);

  async function onFile(e: Event) {
    const el = e.currentTarget as HTMLInputElement;
    const file = el.files?.[0];
    el.value = '';
    if (file) setResult(await p.onImport(file));
  }

  return (
    <div class="packs">
      <p>{t.packsIntro}</p>
      <div class="row">
        <button type="button" class="button primary" onClick={() => input.current?.click()}>
          {t.importPack}
        </button>
        <input ref={input} type="file" accept=".json,application/json" class="visually-hidden" tabIndex={-1} aria-hidden="true" data-import="pack" onChange={(e) => void onFile(e)} />
      </div>
      <div role="alert" class="pack-result">
        {result?.ok === true && <p class="notice ok">{t.packImported(result.name, result.summary.newMetrics, result.summary.extendedMetrics, result.summary.observations)}</p>}
        {result?.ok === false && (
          <div class="notice error pack-errors">
            <p>
              <strong>{t.packRejected(result.name, result.errors.length)}</strong> {t.packKeptNote}
            </p>
            <ul>
              {result.errors.slice(0, 50).map((e) => (
                <li key={e}>
                  <code>{e}</code>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {p.packs.length === 0 ? (
        <p class="muted">{t.noPacks}</p>
      ) : (
        <table class="pack-table">
          <thead>
            <tr>
              <th scope="col">{t.packName}</th>
              <th scope="col">{t.packVersion}</th>
              <th scope="col">{t.packContents}</th>
              <th scope="col">
                <span class="visually-hidden">{t.exportPack}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.packs.map((pack) => (
              <tr key={pack.id} data-pack={pack.name}>
                <td>
                  <label class="check">
                    <input type="checkbox" checked={pack.enabled} aria-label={t.usePack(pack.name)} onChange={(e) => p.onSetEnabled(pack.id, (e.currentTarget as HTMLInputElement).checked)} />
                    <span>{pack.name}</span>
                  </label>
                </td>
                <td>
                  {pack.dataset.version}
                  <div class="muted">{formatPeriod(pack.dataset.dataAsOf, p.locale)}</div>
                </td>
                <td>
                  {t.packMetrics(
                    pack.dataset.metrics.length,
                    pack.dataset.metrics.reduce((n, m) => n + m.observations.length, 0),
                  )}
                  <div class="muted">{pack.dataset.metrics.map((m) => m.id).join(', ')}</div>
                </td>
                <td class="actions">
                  <button type="button" class="button" onClick={() => p.onExport(pack.id)}>
                    {t.exportPack}
                  </button>
                  <button type="button" class="button danger" aria-label={t.removePack(pack.name)} onClick={() => p.onRemove(pack.id)}>
                    {t.remove}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
