import type { StudyPlan } from '../../api';
import { formatLongDay, percent, plural } from '../../lib/format';
import { AlertIcon, CalendarIcon } from '../Icons';

/** The plan in one sentence, prominently, with its numbers underneath. */
export function PlanSummary({ plan }: { plan: StudyPlan }) {
  const warn = plan.enabled && !plan.feasible;
  return (
    <section
      aria-labelledby="plan-sentence"
      className={`rounded-xl border p-5 sm:p-6 ${
        warn
          ? 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40'
          : 'border-emerald-200 bg-emerald-50 dark:border-emerald-900 dark:bg-emerald-950/40'
      }`}
    >
      <div className="flex gap-3">
        {warn ? (
          <AlertIcon className="mt-1 size-6 shrink-0 text-amber-700 dark:text-amber-300" />
        ) : (
          <CalendarIcon className="mt-1 size-6 shrink-0 text-emerald-700 dark:text-emerald-300" />
        )}
        <div>
          <h2 id="plan-sentence" className="text-lg font-semibold text-slate-900 sm:text-xl dark:text-white">
            {plan.sentence}
          </h2>
          {warn && plan.reason && <p className="mt-1 text-amber-900 dark:text-amber-100">{plan.reason}</p>}
        </div>
      </div>
      <dl className="mt-5 grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-4">
        <Fact label="New cards a day" value={String(plan.newPerDay)} />
        <Fact label="Cards not yet seen" value={plan.unseenCards.toLocaleString('en-GB')} />
        <Fact label="Target recall now" value={percent(plan.desiredRetention)} />
        {plan.enabled && plan.finishIntroducingOn && (
          <Fact label="Last new card on" value={formatLongDay(plan.finishIntroducingOn)} />
        )}
        {plan.enabled && plan.percentSeenByInterview !== null && (
          <Fact label="Seen by the interview" value={`${plan.percentSeenByInterview}%`} />
        )}
        {plan.enabled && plan.daysBeforeInterview !== null && plan.daysBeforeInterview >= 0 && (
          <Fact label="Days to spare" value={plural(plan.daysBeforeInterview, 'day')} />
        )}
      </dl>
    </section>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="text-base font-semibold text-slate-900 dark:text-white">{value}</dd>
    </div>
  );
}
