import { useSearchParams } from 'react-router';
import type { PageMeta } from '../api';
import { type Filters, RELEVANCE } from '../components/CardFilters';

/**
 * The filters, sort and page of a paged list, kept in the URL's query string (so the back button
 * and shared links restore them).
 */
export function useListParams(defaultSort: string) {
  const [params, setParams] = useSearchParams();
  // A search lists the best matches first unless another order was chosen.
  const sortFor = (q: string) => (q ? RELEVANCE : defaultSort);
  const q = params.get('q') ?? '';
  const filters: Filters = {
    q,
    topic: params.get('topic') ?? '',
    level: params.get('level') ?? '',
    tag: params.get('tag') ?? '',
    kind: params.get('kind') ?? '',
    sort: params.get('sort') ?? sortFor(q),
  };
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  /** Any filter change starts again at page 1; empty values leave the URL. */
  const updateFilters = (change: Partial<Filters>, options?: { replace?: boolean }) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value && key !== 'sort') next.set(key, value);
      else if (key !== 'sort') next.delete(key);
    }
    // The sort stays in the URL only when it is not the default for the (new) search; without a
    // search there is nothing to rank by relevance.
    const nextQ = next.get('q') ?? '';
    const sort = change.sort ?? next.get('sort') ?? '';
    if (sort && sort !== sortFor(nextQ) && !(sort === RELEVANCE && !nextQ)) next.set('sort', sort);
    else next.delete('sort');
    next.delete('page');
    setParams(next, { replace: options?.replace ?? false });
  };

  const hrefForPage = (n: number) => {
    const next = new URLSearchParams(params);
    if (n > 1) next.set('page', String(n));
    else next.delete('page');
    const s = next.toString();
    return s ? `?${s}` : '?';
  };

  return { params, filters, page, updateFilters, hrefForPage };
}

/** "Showing 1–20 of 314 cards", or why nothing is shown. */
export function pageSummary(meta: PageMeta, noun: string): string {
  const first = (meta.page - 1) * meta.limit + 1;
  const last = Math.min(meta.total, meta.page * meta.limit);
  if (meta.total === 0) return `No ${noun} match these filters.`;
  if (first > meta.total) return `This page is past the end: there are ${meta.total} ${noun}.`;
  return `Showing ${first}–${last} of ${meta.total} ${noun}`;
}
