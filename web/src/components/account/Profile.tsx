import type { User } from '../../api';
import { Panel } from '../Panel';

const ROLE_LABELS: Record<string, string> = {
  learner: 'Learner',
  interviewer: 'Interviewer',
  cohort_lead: 'Cohort lead',
  'cohort-lead': 'Cohort lead',
  admin: 'Admin',
};

export function Profile({ user }: { user: User }) {
  return (
    <Panel title="Profile" id="profile-title">
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="font-medium text-slate-600 dark:text-slate-400">Name</dt>
        <dd className="text-slate-900 dark:text-slate-100">{user.name}</dd>
        <dt className="font-medium text-slate-600 dark:text-slate-400">Email</dt>
        <dd className="break-all text-slate-900 dark:text-slate-100">{user.email}</dd>
        <dt className="font-medium text-slate-600 dark:text-slate-400">Roles</dt>
        <dd>
          <ul className="flex flex-wrap gap-2">
            {user.roles.map((role) => (
              <li
                key={role}
                className="rounded-full bg-emerald-100 px-2.5 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100"
              >
                {ROLE_LABELS[role] ?? role}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </Panel>
  );
}
