import { Link } from 'react-router';
import type { StudyMeta } from '../../api';
import { plural } from '../../lib/format';
import { useStudyPlan } from '../../lib/study';
import { ButtonLink } from '../Button';
import { CheckIcon } from '../Icons';

const linkClass = 'font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400';

/** What comes tomorrow, from the queue's meta (and the plan, for how many unseen cards are left). */
export function tomorrowSentence(meta: StudyMeta, unseen: number | undefined): string {
  const fresh = Math.max(0, Math.min(meta.newLimit, unseen ?? meta.newLimit));
  const reviews = meta.forecast[1] ?? 0;
  const parts = [plural(fresh, 'new card')];
  if (reviews > 0) parts.push(plural(reviews, 'review'));
  return `${parts.join(' and ')} tomorrow.`;
}

export function StudyEmpty({
  meta,
  ratedCount,
  filtered,
  onClearFilters,
}: {
  meta: StudyMeta;
  ratedCount: number;
  filtered: boolean;
  onClearFilters: () => void;
}) {
  const plan = useStudyPlan();
  return (
    <section
      aria-labelledby="empty-title"
      className="rounded-xl border border-slate-200 bg-white p-6 text-center shadow-sm sm:p-10 dark:border-slate-800 dark:bg-slate-900"
    >
      <span className="mx-auto mb-4 inline-flex size-12 items-center justify-center rounded-full bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200">
        <CheckIcon className="size-6" />
      </span>
      <h2 id="empty-title" className="text-xl font-semibold text-slate-900 dark:text-white">
        Nothing due{filtered ? ' with these filters' : ''}. {tomorrowSentence(meta, plan.data?.unseenCards)}
      </h2>
      {ratedCount > 0 && (
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          You rated {plural(ratedCount, 'card')} in this session. Well done.
        </p>
      )}
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        Cards you got wrong come back within minutes; this page checks for them every minute.
      </p>
      <div className="mt-6 flex flex-wrap items-center justify-center gap-3">
        <ButtonLink to="/cards" variant="secondary">
          Browse the cards
        </ButtonLink>
        <ButtonLink to="/progress" variant="secondary">
          See your progress
        </ButtonLink>
      </div>
      <p className="mt-6 text-sm">
        {filtered ? (
          <button type="button" onClick={onClearFilters} className={linkClass}>
            Study all your topics instead
          </button>
        ) : (
          <Link to="/study/plan" className={linkClass}>
            Change your daily limits or plan
          </Link>
        )}
      </p>
    </section>
  );
}
