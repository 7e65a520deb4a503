import type { ReactNode } from 'react';

/** The page's h1 (focus target after navigation) with an optional lead paragraph. */
export function PageHeader({
  title,
  lead,
  children,
}: {
  title: ReactNode;
  lead?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="mb-8">
      <h1
        tabIndex={-1}
        className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl dark:text-white"
      >
        {title}
      </h1>
      {lead && <p className="mt-3 max-w-[65ch] text-lg text-slate-600 dark:text-slate-400">{lead}</p>}
      {children}
    </header>
  );
}
