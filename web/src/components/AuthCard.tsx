import type { ReactNode } from 'react';

/** Centered card layout shared by the sign-in and sign-up pages. */
export function AuthCard({
  title,
  lead,
  footer,
  children,
}: {
  title: string;
  lead: string;
  footer: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-md">
      <div className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8 dark:border-slate-800 dark:bg-slate-900">
        <h1 tabIndex={-1} className="text-2xl font-bold tracking-tight text-slate-900 dark:text-white">
          {title}
        </h1>
        <p className="mt-2 mb-6 text-slate-600 dark:text-slate-400">{lead}</p>
        {children}
      </div>
      <p className="mt-6 text-center text-sm text-slate-600 dark:text-slate-400">{footer}</p>
    </div>
  );
}
