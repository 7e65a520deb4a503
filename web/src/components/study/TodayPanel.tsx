import { Link } from 'react-router';
import { errorMessage } from '../../api';
import { plural } from '../../lib/format';
import { useOutbox } from '../../lib/outbox';
import { useStudyPlan, useStudySummary } from '../../lib/study';
import { ButtonLink } from '../Button';
import { CalendarIcon } from '../Icons';

const linkClass = 'font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400';

/** Dashboard: what is due today, a way in, and the plan in one sentence. */
export function TodayPanel() {
  const summary = useStudySummary();
  const plan = useStudyPlan();
  const { pending } = useOutbox();
  const meta = summary.data;
  const total = meta ? meta.dueToday + meta.newToday : 0;

  return (
    <section
      aria-labelledby="today-title"
      className="mb-10 rounded-xl border border-emerald-200 bg-white p-5 shadow-sm sm:p-6 dark:border-emerald-900 dark:bg-slate-900"
    >
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <h2
            id="today-title"
            className="text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400"
          >
            Today
          </h2>
          {summary.isPending ? (
            <p className="mt-1 text-slate-600 dark:text-slate-400">Counting what is due…</p>
          ) : summary.isError ? (
            <p className="mt-1 text-slate-600 dark:text-slate-400">
              Today's queue could not be loaded ({errorMessage(summary.error)}).
            </p>
          ) : (
            <p className="mt-1 text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
              {plural(meta?.dueToday ?? 0, 'review')} due
              <span className="text-slate-400 dark:text-slate-500" aria-hidden="true">
                {' '}
                ·{' '}
              </span>
              <span className="sr-only">, </span>
              {plural(meta?.newToday ?? 0, 'new card')}
            </p>
          )}
          {pending > 0 && (
            <p className="mt-1 text-sm text-amber-800 dark:text-amber-200">
              {pending === 1 ? '1 rating waiting to sync' : `${pending} ratings waiting to sync`}
            </p>
          )}
        </div>
        <ButtonLink
          to="/study"
          variant={total > 0 ? 'primary' : 'secondary'}
          className="min-h-12 px-6 text-base"
        >
          {total > 0 ? 'Start studying' : 'Open study'}
        </ButtonLink>
      </div>
      <div className="mt-5 flex gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
        <CalendarIcon className="mt-0.5 size-5 shrink-0 text-emerald-700 dark:text-emerald-400" />
        <p className="text-slate-700 dark:text-slate-300">
          {plan.data ? (
            <span className="font-medium">{plan.data.sentence}</span>
          ) : plan.isError ? (
            'Your plan could not be loaded.'
          ) : (
            'Loading your plan…'
          )}{' '}
          <Link to="/study/plan" className={linkClass}>
            {plan.data?.enabled ? 'Adjust your plan' : 'Plan for an interview date'}
          </Link>
        </p>
      </div>
    </section>
  );
}
