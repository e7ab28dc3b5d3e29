import type { Finding } from '../../lib/check/check-document';
import { formatPeriod, formatValue, type UiLocale } from '../../lib/format';
import { chartModel, formatAxisValue, type PageValue } from '../../lib/format-card';
import type { Strings } from '../i18n/strings';

/**
 * The metric's official values over time as a small SVG chart (no library): one point per
 * observation, the current one filled, and the page's figure as a dashed line with a diamond at the
 * observation that decided the verdict (a shaded band for currency conversions).
 */

const SIZE = { width: 330, height: 96, left: 58, right: 10, top: 8, bottom: 18 };

export interface ValueChartProps {
  finding: Pick<Finding, 'metric' | 'current' | 'observation' | 'text'>;
  pageValue: PageValue | undefined;
  ui: UiLocale;
  strings: Strings;
}

export function ValueChart({ finding, pageValue, ui, strings }: ValueChartProps) {
  const { metric } = finding;
  const model = chartModel(metric.observations, finding.current, finding.observation, pageValue, SIZE);
  if (!model) return null;
  const { plot } = model;
  const described = model.points.map((p) => `${formatValue(p.observation.value, metric, ui, p.observation.hedge)} (${formatPeriod(p.observation.asOf, ui)})`).join(', ');
  const pathD = model.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)} ${p.y.toFixed(1)}`).join(' ');
  const diamond = (x: number, y: number, r: number) => `M${x} ${y - r} L${x + r} ${y} L${x} ${y + r} L${x - r} ${y} Z`;
  const ordered = [...model.points].sort((a, b) => Number(a.current) - Number(b.current)); // the current point on top
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${model.width} ${model.height}`} width={model.width} height={model.height} role="img" aria-label={`${strings.chartTitle}. ${strings.chartLabel(described, finding.text)}`}>
        <line class="grid" x1={plot.left} x2={plot.right} y1={model.yMaxAt} y2={model.yMaxAt} />
        <line class="grid" x1={plot.left} x2={plot.right} y1={model.yMinAt} y2={model.yMinAt} />
        <text class="axis" x={plot.left - 6} y={model.yMaxAt + 3.5} text-anchor="end">
          {formatAxisValue(model.yMax, metric, ui)}
        </text>
        <text class="axis" x={plot.left - 6} y={model.yMinAt + 3.5} text-anchor="end">
          {formatAxisValue(model.yMin, metric, ui)}
        </text>
        <text class="axis" x={plot.left} y={model.height - 3} text-anchor="start">
          {formatPeriod(model.firstPeriod, ui)}
        </text>
        {model.lastPeriod !== model.firstPeriod && (
          <text class="axis" x={plot.right} y={model.height - 3} text-anchor="end">
            {formatPeriod(model.lastPeriod, ui)}
          </text>
        )}
        {model.page && model.page.yLo !== model.page.yHi && (
          <rect class="page-band" x={plot.left} width={plot.right - plot.left} y={Math.min(model.page.yLo, model.page.yHi)} height={Math.abs(model.page.yLo - model.page.yHi)} />
        )}
        {model.page && <line class="page-line" x1={plot.left} x2={plot.right} y1={model.page.y} y2={model.page.y} />}
        {model.points.length > 1 && <path class="series" d={pathD} />}
        {ordered.map((p) =>
          p.current ? (
            // The current value: a dot with a ring, so the page's diamond on it still shows both.
            <g>
              <circle class="obs-ring" cx={p.x} cy={p.y} r={7} />
              <circle class="obs current" cx={p.x} cy={p.y} r={3} />
            </g>
          ) : (
            <circle class="obs" cx={p.x} cy={p.y} r={3} />
          ),
        )}
        {model.page && <path class="page-mark" d={diamond(model.page.x, model.page.y, 4.5)} />}
      </svg>
      <figcaption class="chart-legend" aria-hidden="true">
        <span>
          <span class="dot" />
          {strings.chartOfficial}
        </span>
        <span>
          <span class="ring" />
          {strings.chartCurrent}
        </span>
        <span>
          <span class="diamond" />
          {strings.chartPage}
        </span>
      </figcaption>
    </figure>
  );
}
