import { useId, useLayoutEffect, useMemo, useRef } from 'react';
import type { DayCount } from '../../api';
import { dayKey, formatLongDay, formatMonth, formatMonthYear, parseDay, plural } from '../../lib/format';
import { DataTable } from './ChartFigure';

const DAY_MS = 86_400_000;
const CELL = 12;
const GAP = 3;
const STEP = CELL + GAP;
const LEFT = 30;
const TOP = 18;

/** Colour steps, empty to busiest (literal classes, so Tailwind generates them). */
const LEVELS = [
  'fill-slate-200 dark:fill-slate-800',
  'fill-emerald-200 dark:fill-emerald-900',
  'fill-emerald-400 dark:fill-emerald-700',
  'fill-emerald-600 dark:fill-emerald-500',
  'fill-emerald-800 dark:fill-emerald-300',
];

const WEEKDAYS = [
  { row: 0, label: 'Mon' },
  { row: 2, label: 'Wed' },
  { row: 4, label: 'Fri' },
];

function levelOf(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4)));
}

interface Cell {
  date: string;
  count: number;
  col: number;
  row: number;
}

/** Weeks as columns (Monday on top), from the first to the last day given. */
function layout(days: DayCount[]) {
  const counts = new Map(days.map((d) => [d.date, d.count]));
  const sorted = [...counts.keys()].sort();
  const last = parseDay(sorted[sorted.length - 1] ?? dayKey(new Date()));
  const first = sorted[0] ? parseDay(sorted[0]) : new Date(last.getTime() - 364 * DAY_MS);
  const start = new Date(first.getTime() - ((first.getUTCDay() + 6) % 7) * DAY_MS); // back to Monday
  const cells: Cell[] = [];
  const months: { col: number; label: string }[] = [];
  for (let t = start.getTime(), i = 0; t <= last.getTime(); t += DAY_MS, i++) {
    const date = new Date(t);
    const col = Math.floor(i / 7);
    if (t >= first.getTime()) {
      const key = dayKey(date);
      cells.push({ date: key, count: counts.get(key) ?? 0, col, row: i % 7 });
      // A month label over the first full week of each month.
      if (date.getUTCDate() <= 7 && i % 7 === 0) months.push({ col, label: formatMonth(date) });
    }
  }
  const weeks = Math.floor((last.getTime() - start.getTime()) / DAY_MS / 7) + 1;
  return { cells, months, weeks };
}

/** Reviews per month, for the table alternative. */
function byMonth(days: DayCount[]) {
  const months = new Map<string, { reviews: number; active: number }>();
  for (const d of days) {
    const key = d.date.slice(0, 7);
    const m = months.get(key) ?? { reviews: 0, active: 0 };
    m.reviews += d.count;
    if (d.count > 0) m.active += 1;
    months.set(key, m);
  }
  return [...months.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** A calendar heat-map of the last year's reviews, drawn as SVG; hover a day for its count. */
export function Heatmap({ days }: { days: DayCount[] }) {
  const id = useId();
  const scroller = useRef<HTMLElement>(null);
  const { cells, months, weeks } = useMemo(() => layout(days), [days]);
  const max = useMemo(() => days.reduce((m, d) => Math.max(m, d.count), 0), [days]);
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const active = days.filter((d) => d.count > 0).length;
  const busiest = days.find((d) => d.count === max && max > 0);
  const width = LEFT + weeks * STEP;
  const height = TOP + 7 * STEP;

  // Phones see the most recent weeks first.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el) el.scrollLeft = el.scrollWidth;
  }, []);

  const description =
    total === 0
      ? 'No reviews in the last year yet.'
      : `${plural(total, 'review')} on ${plural(active, 'day')} in the last year.${
          busiest ? ` Busiest day: ${formatLongDay(busiest.date)}, with ${busiest.count}.` : ''
        }`;

  return (
    <div>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">{description}</p>
      <section
        ref={scroller}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        tabIndex={0}
        aria-label="Review calendar (scrolls sideways)"
        className="overflow-x-auto pb-2"
      >
        <svg
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          className="block h-auto w-full max-w-[64rem] min-w-[44rem] text-[10px]"
        >
          <title id={`${id}-title`}>Reviews per day, last 12 months</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {months.map((m) => (
            <text
              key={`${m.col}-${m.label}`}
              x={LEFT + m.col * STEP}
              y={11}
              className="fill-slate-500 dark:fill-slate-400"
            >
              {m.label}
            </text>
          ))}
          {WEEKDAYS.map((w) => (
            <text
              key={w.label}
              x={0}
              y={TOP + w.row * STEP + CELL - 2}
              className="fill-slate-500 dark:fill-slate-400"
            >
              {w.label}
            </text>
          ))}
          {cells.map((c) => (
            <rect
              key={c.date}
              x={LEFT + c.col * STEP}
              y={TOP + c.row * STEP}
              width={CELL}
              height={CELL}
              rx={2}
              className={LEVELS[levelOf(c.count, max)]}
            >
              <title>{`${c.count === 0 ? 'No reviews' : plural(c.count, 'review')} on ${formatLongDay(c.date)}`}</title>
            </rect>
          ))}
        </svg>
      </section>
      <Legend max={max} />
      <div className="sr-only">
        <DataTable
          caption="Reviews per month"
          columns={['Month', 'Reviews', 'Days studied']}
          rows={byMonth(days).map(([month, m]) => ({
            key: month,
            cells: [formatMonthYear(parseDay(`${month}-01`)), m.reviews, m.active],
          }))}
        />
      </div>
    </div>
  );
}

function Legend({ max }: { max: number }) {
  return (
    <div
      aria-hidden="true"
      className="mt-2 flex items-center justify-end gap-1.5 text-xs text-slate-500 dark:text-slate-400"
    >
      <span>Less</span>
      <svg viewBox={`0 0 ${LEVELS.length * STEP} ${CELL}`} aria-hidden="true" className="h-3 w-auto">
        {LEVELS.map((cls, i) => (
          <rect key={cls} x={i * STEP} y={0} width={CELL} height={CELL} rx={2} className={cls} />
        ))}
      </svg>
      <span>More{max > 0 ? ` (up to ${max} a day)` : ''}</span>
    </div>
  );
}
