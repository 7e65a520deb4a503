import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import type { AreaRetention } from '../../api';
import {
  baseChartOptions,
  chartPalette,
  rowsHeightClass,
  tooltipColors,
  topLegend,
} from '../../lib/chartTheme';
import { percent, plural } from '../../lib/format';
import { useTheme } from '../../lib/theme';
import { ChartFigure, DataTable } from './ChartFigure';

const asPercent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** Share of reviews recalled per area, next to what the scheduler predicted. */
export function RetentionChart({ areas }: { areas: AreaRetention[] }) {
  const theme = useTheme();
  const config = useMemo((): ChartConfiguration<'bar'> => {
    const p = chartPalette(theme);
    return {
      type: 'bar',
      data: {
        labels: areas.map((a) => a.title),
        datasets: [
          {
            label: 'Actual',
            data: areas.map((a) => asPercent(a.actual)),
            backgroundColor: p.primary,
            borderRadius: 3,
            maxBarThickness: 14,
          },
          {
            label: 'Predicted',
            data: areas.map((a) => asPercent(a.predicted)),
            backgroundColor: p.secondary,
            borderRadius: 3,
            maxBarThickness: 14,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        ...baseChartOptions(),
        plugins: {
          legend: topLegend(p),
          tooltip: {
            ...tooltipColors(p),
            callbacks: {
              label: (item) => `${item.dataset.label}: ${item.parsed.x ?? 0}%`,
              afterBody: (items) => {
                const area = areas[items[0]?.dataIndex ?? 0];
                return area ? plural(area.reviews, 'review') : '';
              },
            },
          },
        },
        scales: {
          x: {
            min: 0,
            max: 100,
            ticks: { color: p.text, callback: (v) => `${v}%` },
            grid: { color: p.grid },
          },
          y: { ticks: { color: p.text }, grid: { display: false } },
        },
      },
    };
  }, [areas, theme]);

  const reviewed = areas.filter((a) => a.actual !== null);
  return (
    <ChartFigure
      id="retention-title"
      title="Retention by area"
      summary={
        reviewed.length === 0
          ? 'Shown once you have reviewed cards a second time: how often you recalled them, against the prediction.'
          : 'How often you recalled a card when it came back (actual), against what the scheduler expected (predicted).'
      }
      config={config}
      heightClass={rowsHeightClass(areas.length)}
      table={
        <DataTable
          caption="Retention by area"
          columns={['Area', 'Reviews', 'Actual', 'Predicted']}
          rows={areas.map((a) => ({
            key: a.topicId,
            cells: [a.title, a.reviews, percent(a.actual), percent(a.predicted)],
          }))}
        />
      }
    />
  );
}
