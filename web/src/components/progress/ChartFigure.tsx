import type { ChartConfiguration } from 'chart.js';
import { lazy, type ReactNode, Suspense } from 'react';
import { Panel } from '../Panel';
import { Loading } from '../Status';

// Chart.js is loaded only when a chart is shown.
const BarChart = lazy(() => import('../charts/BarChart').then((m) => ({ default: m.BarChart })));

interface ChartFigureProps {
  id: string;
  title: string;
  /** One or two sentences that say what the chart shows (read by everyone). */
  summary: ReactNode;
  config: ChartConfiguration<'bar'>;
  /** Tailwind height class of the drawing area. */
  heightClass: string;
  /** The same data as a table, for screen readers. */
  table: ReactNode;
}

export function ChartFigure({ id, title, summary, config, heightClass, table }: ChartFigureProps) {
  return (
    <Panel title={title} id={id}>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">{summary}</p>
      <div className={`relative ${heightClass}`}>
        <Suspense fallback={<Loading label="Drawing the chart…" />}>
          <BarChart config={config} />
        </Suspense>
      </div>
      <div className="sr-only">{table}</div>
    </Panel>
  );
}

/** A plain data table (shown to screen readers as the alternative to a chart). */
export function DataTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, i) => {
              const key = `${row.key}-${columns[i] ?? i}`;
              return i === 0 ? (
                <th key={key} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={key}>{cell}</td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
