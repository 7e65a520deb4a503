import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import type { AreaMastery } from '../../api';
import {
  baseChartOptions,
  chartPalette,
  rowsHeightClass,
  tooltipColors,
  topLegend,
} from '../../lib/chartTheme';
import { plural } from '../../lib/format';
import { useTheme } from '../../lib/theme';
import { ChartFigure, DataTable } from './ChartFigure';

const share = (part: number, total: number) => (total > 0 ? Math.round((part / total) * 1000) / 10 : 0);

/** Per area: cards mastered, seen but not yet mastered, and not seen, as shares of the area. */
export function MasteryChart({ areas }: { areas: AreaMastery[] }) {
  const theme = useTheme();
  const config = useMemo((): ChartConfiguration<'bar'> => {
    const p = chartPalette(theme);
    const parts = [
      { label: 'Mastered', color: p.mastered, count: (a: AreaMastery) => a.mastered },
      { label: 'Seen', color: p.seen, count: (a: AreaMastery) => Math.max(0, a.seen - a.mastered) },
      { label: 'Not seen', color: p.unseen, count: (a: AreaMastery) => Math.max(0, a.total - a.seen) },
    ];
    return {
      type: 'bar',
      data: {
        labels: areas.map((a) => a.title),
        datasets: parts.map((part) => ({
          label: part.label,
          data: areas.map((a) => share(part.count(a), a.total)),
          backgroundColor: part.color,
          maxBarThickness: 18,
        })),
      },
      options: {
        indexAxis: 'y',
        ...baseChartOptions(),
        plugins: {
          legend: topLegend(p),
          tooltip: {
            ...tooltipColors(p),
            callbacks: {
              label: (item) => {
                const area = areas[item.dataIndex];
                const part = parts[item.datasetIndex];
                if (!area || !part) return '';
                return `${part.label}: ${part.count(area)} of ${plural(area.total, 'card')}`;
              },
            },
          },
        },
        scales: {
          x: {
            stacked: true,
            min: 0,
            max: 100,
            ticks: { color: p.text, callback: (v) => `${v}%` },
            grid: { color: p.grid },
          },
          y: { stacked: true, ticks: { color: p.text }, grid: { display: false } },
        },
      },
    };
  }, [areas, theme]);

  const total = areas.reduce((sum, a) => sum + a.total, 0);
  const mastered = areas.reduce((sum, a) => sum + a.mastered, 0);
  const seen = areas.reduce((sum, a) => sum + a.seen, 0);

  return (
    <ChartFigure
      id="mastery-title"
      title="Mastery by area"
      summary={`You have seen ${seen} of ${plural(total, 'card')} and mastered ${mastered}.`}
      config={config}
      heightClass={rowsHeightClass(areas.length)}
      table={
        <DataTable
          caption="Mastery by area"
          columns={['Area', 'Mastered', 'Seen', 'Cards']}
          rows={areas.map((a) => ({ key: a.topicId, cells: [a.title, a.mastered, a.seen, a.total] }))}
        />
      }
    />
  );
}
