import type { ReactNode } from 'react';

/** A titled section of a page (its own landmark via aria-labelledby). */
export function Panel({
  title,
  id,
  children,
  tone = 'default',
}: {
  title: string;
  id: string;
  children: ReactNode;
  tone?: 'default' | 'danger';
}) {
  const border =
    tone === 'danger' ? 'border-red-300 dark:border-red-900' : 'border-slate-200 dark:border-slate-800';
  return (
    <section
      aria-labelledby={id}
      className={`rounded-xl border bg-white p-5 shadow-sm sm:p-6 dark:bg-slate-900 ${border}`}
    >
      <h2 id={id} className="mb-4 text-lg font-semibold text-slate-900 dark:text-white">
        {title}
      </h2>
      {children}
    </section>
  );
}
