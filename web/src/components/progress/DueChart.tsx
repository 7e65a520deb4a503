import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import type { DayCount } from '../../api';
import { baseChartOptions, chartPalette, tooltipColors } from '../../lib/chartTheme';
import { formatLongDay, formatShortDay, plural } from '../../lib/format';
import { useTheme } from '../../lib/theme';
import { ChartFigure, DataTable } from './ChartFigure';

/** Reviews falling due on each of the next 30 days. */
export function DueChart({ days }: { days: DayCount[] }) {
  const theme = useTheme();
  const config = useMemo((): ChartConfiguration<'bar'> => {
    const p = chartPalette(theme);
    return {
      type: 'bar',
      data: {
        labels: days.map((d) => formatShortDay(d.date)),
        datasets: [
          {
            label: 'Reviews due',
            data: days.map((d) => d.count),
            backgroundColor: p.primary,
            borderRadius: 3,
            maxBarThickness: 28,
          },
        ],
      },
      options: {
        ...baseChartOptions(),
        plugins: {
          legend: { display: false },
          tooltip: {
            ...tooltipColors(p),
            displayColors: false,
            callbacks: {
              title: (items) => formatLongDay(days[items[0]?.dataIndex ?? 0]?.date ?? ''),
              label: (item) => `${plural(item.parsed.y ?? 0, 'review')} due`,
            },
          },
        },
        scales: {
          x: { grid: { display: false }, ticks: { color: p.text, maxRotation: 0, autoSkipPadding: 16 } },
          y: { beginAtZero: true, ticks: { color: p.text, precision: 0 }, grid: { color: p.grid } },
        },
      },
    };
  }, [days, theme]);

  const total = days.reduce((sum, d) => sum + d.count, 0);
  const busiest = days.reduce<DayCount | null>((max, d) => (d.count > (max?.count ?? 0) ? d : max), null);

  return (
    <ChartFigure
      id="due-title"
      title="Due in the next 30 days"
      summary={
        total === 0
          ? 'Nothing is scheduled yet: reviews appear here once you rate cards.'
          : `${plural(total, 'review')} in the next 30 days; the busiest day is ${formatLongDay(busiest?.date ?? '')} with ${busiest?.count ?? 0}.`
      }
      config={config}
      heightClass="h-56 sm:h-64"
      table={
        <DataTable
          caption="Reviews due per day, next 30 days"
          columns={['Day', 'Reviews due']}
          rows={days.map((d) => ({ key: d.date, cells: [formatLongDay(d.date), d.count] }))}
        />
      }
    />
  );
}
