import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface FeatureCardProps {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  /** Where the card leads; without it the card is shown as "coming soon". */
  to?: string;
}

/** A dashboard tile. Linked tiles are one big link; the rest are marked "Coming soon". */
export function FeatureCard({ icon, title, children, to }: FeatureCardProps) {
  const body = (
    <>
      <span
        className={`mb-4 inline-flex size-10 items-center justify-center rounded-lg ${
          to
            ? 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200'
            : 'bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-400'
        }`}
      >
        {icon}
      </span>
      <h3 className="flex flex-wrap items-center gap-2 font-semibold text-slate-900 dark:text-white">
        {title}
        {!to && (
          <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-400">
            Coming soon
          </span>
        )}
      </h3>
      <p className="mt-1.5 text-sm text-slate-600 dark:text-slate-400">{children}</p>
    </>
  );
  const frame = 'block h-full rounded-xl border p-5 shadow-sm';
  if (!to) {
    return (
      <div
        className={`${frame} border-dashed border-slate-300 bg-white/50 dark:border-slate-700 dark:bg-slate-900/40`}
      >
        {body}
      </div>
    );
  }
  return (
    <Link
      to={to}
      className={`${frame} border-slate-200 bg-white transition hover:border-emerald-500 hover:shadow-md dark:border-slate-800 dark:bg-slate-900 dark:hover:border-emerald-500`}
    >
      {body}
    </Link>
  );
}
