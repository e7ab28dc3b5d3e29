import { useMemo, useState } from 'preact/hooks';
import { orderObservations } from '../../lib/check/verdict';
import type { Dataset, Metric, Observation, Source } from '../../lib/data/schema';
import { formatPeriod, formatValue, type UiLocale } from '../../lib/format';
import { sourcePublisher, sourceTitle } from '../../lib/format-card';
import { settingsStringsFor } from '../i18n/settings-strings';

/**
 * Every metric of the dataset in use (official plus enabled custom packs) with all its
 * observations, searchable by name, id or cue word in English and Chinese (Simplified and Traditional).
 */

export interface DatasetBrowserProps {
  locale: UiLocale;
  dataset: Dataset;
  /** The official dataset's size, for the introduction line. */
  official: Dataset;
  /** Metrics and observations that came from a custom pack, with the pack's name. */
  customMetrics: ReadonlyMap<string, string>;
  customObservations: ReadonlyMap<Observation, string>;
}

function searchText(m: Metric): string {
  const cues = m.cues.flatMap((g) => [...g.en, ...g.zh, ...g.zhHant]);
  return [m.id, m.name.en, m.name.zh, ...cues].join('\n').toLowerCase();
}

export function DatasetBrowser(p: DatasetBrowserProps) {
  const t = settingsStringsFor(p.locale);
  const [query, setQuery] = useState('');
  const index = useMemo(() => p.dataset.metrics.map((m) => ({ metric: m, text: searchText(m) })), [p.dataset]);
  const sources = useMemo(() => new Map(p.dataset.sources.map((s) => [s.id, s])), [p.dataset]);
  const q = query.trim().toLowerCase();
  const shown = q ? index.filter((e) => q.split(/\s+/).every((word) => e.text.includes(word))) : index;
  const observationCount = p.official.metrics.reduce((n, m) => n + m.observations.length, 0);

  return (
    <div class="dataset">
      <p>{t.dataIntro(p.official.version, formatPeriod(p.official.dataAsOf, p.locale), p.official.metrics.length, observationCount)}</p>
      <div class="row search-row">
        <label for="metric-search">{t.search}</label>
        <input id="metric-search" type="search" placeholder={t.searchPlaceholder} value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} aria-describedby="metric-count" />
        <span id="metric-count" class="muted" role="status">
          {t.metricsShown(shown.length, index.length)}
        </span>
      </div>
      {shown.length === 0 && <p class="muted">{t.noMetricMatches}</p>}
      <div class="metrics">
        {shown.map(({ metric }) => (
          <MetricEntry key={metric.id} locale={p.locale} metric={metric} sources={sources} customPack={p.customMetrics.get(metric.id)} customObservations={p.customObservations} />
        ))}
      </div>
    </div>
  );
}

function MetricEntry(props: { locale: UiLocale; metric: Metric; sources: ReadonlyMap<string, Source>; customPack: string | undefined; customObservations: ReadonlyMap<Observation, string> }) {
  const { locale, metric: m, sources } = props;
  const t = settingsStringsFor(locale);
  const ordered = orderObservations(m.observations, (id) => sources.get(id)?.released ?? '');
  const [primary, secondary] = locale === 'en' ? [m.name.en, m.name.zh] : [m.name.zh, m.name.en];
  const cues = m.cues.map((g) => [...g.en.slice(0, 3), ...g.zh.slice(0, 2)].join(' · '));
  return (
    <article class="metric" data-metric-id={m.id}>
      <header>
        <h3>
          {primary} <span class="muted other-name">{secondary}</span>
        </h3>
        <p class="muted meta">
          <code>{m.id}</code> · {t.group[m.group] ?? m.group} · {t.kind[m.kind] ?? m.kind}
          {m.currency ? ` (${m.currency})` : ''}
          {props.customPack && <span class="tag custom"> {t.customTag(props.customPack)}</span>}
        </p>
        <p class="muted cues">
          {t.cues}: {cues.join(' / ')}
        </p>
      </header>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.colValue}</th>
            <th scope="col">{t.colPeriod}</th>
            <th scope="col">{t.colSource}</th>
            <th scope="col">{t.colStatus}</th>
          </tr>
        </thead>
        <tbody>
          {ordered.map((o, i) => {
            const s = sources.get(o.source);
            const pack = props.customObservations.get(o);
            return (
              <tr key={`${o.asOf}-${o.source}-${i}`}>
                <td class="value">
                  {formatValue(o.value, m, locale, o.hedge)}
                  {i === 0 && <span class="tag current">{t.current}</span>}
                  {pack && !props.customPack && <span class="tag custom">{t.customTag(pack)}</span>}
                </td>
                <td>{formatPeriod(o.asOf, locale)}</td>
                <td>
                  {s ? (
                    <>
                      {sourcePublisher(s, locale)},{' '}
                      {s.url ? (
                        <a href={s.url} target="_blank" rel="noreferrer noopener">
                          {sourceTitle(s, locale)}
                        </a>
                      ) : (
                        sourceTitle(s, locale)
                      )}
                      {s.via && <span class="muted"> ({s.via})</span>}
                    </>
                  ) : (
                    <code>{o.source}</code>
                  )}
                  {o.note && <div class="muted note">{o.note}</div>}
                </td>
                <td>
                  <abbr title={t.status[o.status]}>{o.status}</abbr> <span class="muted">{t.status[o.status]}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}
