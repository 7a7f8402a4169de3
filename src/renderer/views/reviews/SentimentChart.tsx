/** Stacked bars of review sentiment per period, drawn as inline SVG (colours from the theme's variables). */
import type { Sentiment, SentimentPeriod } from '../../../shared/types.ts';
import { formatPeriod } from '../../components/format.ts';
import { useLanguage, useT } from '../../i18n/i18n.tsx';

const barWidth = 28;
/** Wide enough that neighbouring labels ("Aug 2026", "2026年12月", "2026-W34") do not touch. */
const gap = 40;
const plotHeight = 140;
const labelHeight = 34;
/** Bottom to top: negative first, so the part an agent watches sits on the axis. */
const stack: Sentiment[] = ['negative', 'neutral', 'positive'];

export function SentimentChart({ series }: { series: SentimentPeriod[] }) {
  const t = useT();
  const language = useLanguage();
  const largest = Math.max(1, ...series.map((entry) => entry.positive + entry.neutral + entry.negative));
  const width = series.length * (barWidth + gap) + gap;
  return (
    <figure className="sentiment-chart" data-testid="sentiment-chart">
      <svg viewBox={`0 0 ${width} ${plotHeight + labelHeight}`} width={width} height={plotHeight + labelHeight} role="img" aria-label={t('reviews.summary.chart')}>
        <line className="chart-axis" x1={0} x2={width} y1={plotHeight + 0.5} y2={plotHeight + 0.5} />
        {series.map((entry, position) => {
          const x = gap + position * (barWidth + gap);
          const label = formatPeriod(entry.period, language);
          let top = plotHeight;
          return (
            <g key={entry.period} data-testid="chart-bar">
              {stack.map((sentiment) => {
                const height = (entry[sentiment] / largest) * (plotHeight - 8);
                top -= height;
                return height > 0 ? (
                  <rect key={sentiment} className={`chart-${sentiment}`} x={x} y={top} width={barWidth} height={height} rx={2}>
                    <title>{`${label} · ${t(`reviews.sentiment.${sentiment}`)}: ${entry[sentiment]}`}</title>
                  </rect>
                ) : null;
              })}
              <text className="chart-label" x={x + barWidth / 2} y={plotHeight + 14} textAnchor="middle" data-testid="chart-period">
                {label}
              </text>
              <text className="chart-label" x={x + barWidth / 2} y={plotHeight + 28} textAnchor="middle">
                {entry.positive + entry.neutral + entry.negative}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="chips">
        {[...stack].reverse().map((sentiment) => (
          <span key={sentiment} className={`chip sentiment-${sentiment}`}>
            {t(`reviews.sentiment.${sentiment}`)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
