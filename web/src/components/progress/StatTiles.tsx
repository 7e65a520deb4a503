import type { ReactNode } from 'react';
import type { ProgressSummary } from '../../api';
import { plural } from '../../lib/format';
import { CalendarIcon, ChartIcon, CheckIcon, FlameIcon } from '../Icons';

function Tile({
  icon,
  label,
  value,
  note,
}: {
  icon: ReactNode;
  label: string;
  value: string;
  note?: string;
}) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900">
      <dt className="flex items-center gap-2 text-sm font-medium text-slate-600 dark:text-slate-400">
        <span className="text-emerald-700 dark:text-emerald-400">{icon}</span>
        {label}
      </dt>
      <dd className="mt-2 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl dark:text-white">
        {value}
      </dd>
      {note && <dd className="text-sm text-slate-600 dark:text-slate-400">{note}</dd>}
    </div>
  );
}

/** Streaks and review counts at a glance. */
export function StatTiles({ summary }: { summary: ProgressSummary }) {
  const { streak } = summary;
  return (
    <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
      <Tile
        icon={<FlameIcon className="size-4" />}
        label="Current streak"
        value={plural(streak.current, 'day')}
        note={streak.current > 0 && summary.reviewsToday === 0 ? 'Review today to keep it.' : undefined}
      />
      <Tile
        icon={<CalendarIcon className="size-4" />}
        label="Longest streak"
        value={plural(streak.longest, 'day')}
      />
      <Tile
        icon={<CheckIcon className="size-4" />}
        label="Reviews today"
        value={summary.reviewsToday.toLocaleString('en-GB')}
      />
      <Tile
        icon={<ChartIcon className="size-4" />}
        label="All reviews"
        value={summary.totalReviews.toLocaleString('en-GB')}
      />
    </dl>
  );
}
