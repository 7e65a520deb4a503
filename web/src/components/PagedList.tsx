import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Paged } from '../api';
import { pageSummary } from '../lib/useListParams';
import { Pagination } from './Pagination';
import { Loading, QueryError } from './Status';

interface PagedListProps<T> {
  result: UseQueryResult<Paged<T>>;
  /** "cards", "exercises" */
  noun: string;
  hrefForPage: (page: number) => string;
  keyOf: (item: T) => string;
  renderItem: (item: T) => ReactNode;
}

/** A result count, the items (dimmed while the next page loads), and pagination. */
export function PagedList<T>({ result, noun, hrefForPage, keyOf, renderItem }: PagedListProps<T>) {
  const meta = result.data?.meta;
  return (
    <>
      <p role="status" aria-live="polite" className="mb-4 min-h-6 text-sm text-slate-600 dark:text-slate-400">
        {meta && pageSummary(meta, noun)}
      </p>
      {result.isPending ? (
        <Loading label={`Loading ${noun}…`} />
      ) : result.isError ? (
        <QueryError error={result.error} onRetry={() => result.refetch()} />
      ) : (
        <div
          aria-busy={result.isPlaceholderData}
          className={result.isPlaceholderData ? 'opacity-60 transition-opacity' : ''}
        >
          <ul className="grid gap-3">
            {result.data.data.map((item) => (
              <li key={keyOf(item)}>{renderItem(item)}</li>
            ))}
          </ul>
          {result.data.data.length === 0 && result.data.meta.total > 0 && (
            <Link
              to={hrefForPage(1)}
              className="font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400"
            >
              Go to the first page
            </Link>
          )}
          <Pagination meta={result.data.meta} hrefFor={hrefForPage} />
        </div>
      )}
    </>
  );
}
