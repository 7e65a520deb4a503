import { Link } from 'react-router';
import type { PageMeta } from '../api';
import { ChevronLeftIcon, ChevronRightIcon } from './Icons';

const linkClass =
  'inline-flex min-h-10 items-center gap-1 rounded-lg border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800';
const disabledClass =
  'inline-flex min-h-10 items-center gap-1 rounded-lg border border-slate-200 px-3 text-sm font-medium text-slate-500 dark:border-slate-800 dark:text-slate-500';

/** Previous / next links that keep the rest of the query string. */
export function Pagination({ meta, hrefFor }: { meta: PageMeta; hrefFor: (page: number) => string }) {
  if (meta.pages <= 1) return null;
  const prev = meta.page > 1 ? meta.page - 1 : null;
  const next = meta.page < meta.pages ? meta.page + 1 : null;
  return (
    <nav aria-label="Pagination" className="mt-8 flex items-center justify-between gap-4">
      {prev ? (
        <Link to={hrefFor(prev)} className={linkClass} rel="prev">
          <ChevronLeftIcon className="size-4" /> Previous
        </Link>
      ) : (
        <span className={disabledClass} aria-hidden="true">
          <ChevronLeftIcon className="size-4" /> Previous
        </span>
      )}
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Page {meta.page} of {meta.pages}
      </p>
      {next ? (
        <Link to={hrefFor(next)} className={linkClass} rel="next">
          Next <ChevronRightIcon className="size-4" />
        </Link>
      ) : (
        <span className={disabledClass} aria-hidden="true">
          Next <ChevronRightIcon className="size-4" />
        </span>
      )}
    </nav>
  );
}
