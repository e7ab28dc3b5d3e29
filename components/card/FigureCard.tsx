import { useEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../../lib/check/check-document';
import type { UiLocale } from '../../lib/format';
import { cardModel } from './card-model';
import { CloseIcon, VerdictIcon } from './icons';
import { ValueChart } from './ValueChart';

/**
 * One figure's card: verdict (icon + word), the figure beside the official value, period, source,
 * evidence status, earlier values, why it matched, and a citation to copy. A non-modal dialog.
 */

export interface FigureCardProps {
  finding: Finding;
  /** The card's own words. */
  ui: UiLocale;
  /** The numbers, in the page's language. */
  page: UiLocale;
  /** The page writes Chinese in Traditional script. */
  traditional?: boolean;
  onClose(): void;
  /** Writes the citation to the clipboard; resolves to whether it worked. */
  onCopy(text: string): Promise<boolean>;
  /** Receives the heading, where keyboard users land. */
  headingRef?: (el: HTMLElement | null) => void;
}

const COPIED_FOR_MS = 2500;

export function FigureCard({ finding, ui, page, traditional = false, onClose, onCopy, headingRef }: FigureCardProps) {
  const m = cardModel(finding, ui, page, traditional);
  const s = m.strings;
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const resetTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(resetTimer.current), []);
  useEffect(() => setCopyState('idle'), [finding]);

  const copy = async () => {
    const ok = await onCopy(m.citation);
    setCopyState(ok ? 'copied' : 'failed');
    clearTimeout(resetTimer.current);
    resetTimer.current = setTimeout(() => setCopyState('idle'), COPIED_FOR_MS);
  };

  return (
    <div class="body" lang={ui}>
      <div class="head">
        <span class="badge verdict" id="fc-verdict">
          <VerdictIcon verdict={m.verdict} />
          <span class="verdict-word">{m.verdictWord}</span>
        </span>
        <span class="brand" aria-hidden="true">
          {s.appName}
        </span>
        <button type="button" class="close" aria-label={s.close} title={s.close} onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <h2 class="title metric" id="fc-title" tabIndex={-1} ref={headingRef}>
        {m.metricName}
      </h2>
      <p class="summary" id="fc-summary">
        {m.summary}
      </p>
      <dl class="values">
        <dt>{s.onPage}</dt>
        <dd class="page-value" lang={page}>
          {m.pageText}
        </dd>
        <dt>{s.official}</dt>
        <dd>
          <span class="official-value" lang={page}>
            {m.officialValue}
          </span>{' '}
          <span class="period">{m.period}</span>
        </dd>
      </dl>
      {m.earlier && <p class="note earlier">{m.earlier}</p>}
      {m.conversion && <p class="note conversion">{m.conversion}</p>}
      {finding.metric.observations.length > 1 && <ValueChart finding={finding} pageValue={m.pageValue} ui={ui} strings={s} />}
      {m.source && (
        <div class="section source">
          <span class="label">{s.source}</span>
          <span class="publisher">{m.source.publisher}</span>
          {ui === 'en' ? ', ' : '，'}
          {m.source.url ? (
            <a class="source-link" href={m.source.url} target="_blank" rel="noopener noreferrer">
              {m.source.title}
            </a>
          ) : (
            <span class="source-title">{m.source.title}</span>
          )}
          {ui === 'en' ? ', ' : '，'}
          <span class="released">{s.released(m.source.released)}</span>
        </div>
      )}
      {m.evidence.map((e) => (
        <p class="evidence">
          <strong>{s.evidence}:</strong> {e}
        </p>
      ))}
      <div class="section why">
        <span class="label">{s.why}</span>
        {m.why.length > 0 && (
          <ul>
            {m.why.map((w) => (
              <li>
                <span class="lvl">{w.level}</span>
                {w.terms.length > 0 ? `${ui === 'en' ? ': ' : '：'}${w.terms.join(ui === 'en' ? ', ' : '、')}` : ''}
              </li>
            ))}
          </ul>
        )}
        <p class="rule">
          <span class="lvl">{s.rule}</span>
          {ui === 'en' ? ': ' : '：'}
          {m.rule}
        </p>
      </div>
      <div class="foot">
        <button type="button" class="copy" onClick={copy}>
          {s.copy}
        </button>
        <span class={copyState === 'failed' ? 'status failed' : 'status'} role="status" aria-live="polite">
          {copyState === 'copied' ? s.copied : copyState === 'failed' ? s.copyFailed : ''}
        </span>
      </div>
    </div>
  );
}
