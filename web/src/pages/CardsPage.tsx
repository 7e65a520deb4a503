import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CardQuery, PageMeta } from '../api';
import { CardFilters, type Filters } from '../components/CardFilters';
import { CardListItem } from '../components/CardListItem';
import { PageHeader } from '../components/PageHeader';
import { Pagination } from '../components/Pagination';
import { Loading, QueryError } from '../components/Status';
import { useCards, useTopics } from '../lib/queries';
import { useDocumentTitle } from '../lib/useDocumentTitle';

const PAGE_SIZE = 20;
const DEFAULT_SORT = 'topic';

function summary(meta: PageMeta, first: number, last: number): string {
  if (meta.total === 0) return 'No cards match these filters.';
  if (first > meta.total) return `This page is past the end: there are ${meta.total} cards.`;
  return `Showing ${first}–${last} of ${meta.total} cards`;
}

export function CardsPage() {
  useDocumentTitle('Cards');
  const [params, setParams] = useSearchParams();
  const filters: Filters = {
    q: params.get('q') ?? '',
    topic: params.get('topic') ?? '',
    level: params.get('level') ?? '',
    tag: params.get('tag') ?? '',
    sort: params.get('sort') ?? DEFAULT_SORT,
  };
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const query: CardQuery = { ...filters, page, limit: PAGE_SIZE };

  const topics = useTopics();
  const cards = useCards(query);
  const topicTitles = useMemo(() => new Map((topics.data ?? []).map((t) => [t.id, t.title])), [topics.data]);

  /** Any filter change starts again at page 1; empty values leave the URL. */
  const updateFilters = (change: Partial<Filters>, options?: { replace?: boolean }) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value && !(key === 'sort' && value === DEFAULT_SORT)) next.set(key, value);
      else next.delete(key);
    }
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

  const meta = cards.data?.meta;
  const first = meta ? (meta.page - 1) * meta.limit + 1 : 0;
  const last = meta ? Math.min(meta.total, meta.page * meta.limit) : 0;

  return (
    <>
      <PageHeader
        title="Cards"
        lead="Every interview question in the curriculum. Open one to see the answer a strong candidate gives."
      />
      <CardFilters filters={filters} topics={topics.data ?? []} onChange={updateFilters} />

      <p role="status" aria-live="polite" className="mb-4 min-h-6 text-sm text-slate-600 dark:text-slate-400">
        {meta && summary(meta, first, last)}
      </p>

      {cards.isPending ? (
        <Loading label="Loading cards…" />
      ) : cards.isError ? (
        <QueryError error={cards.error} onRetry={() => cards.refetch()} />
      ) : (
        <div
          aria-busy={cards.isPlaceholderData}
          className={cards.isPlaceholderData ? 'opacity-60 transition-opacity' : ''}
        >
          <ul className="grid gap-3">
            {cards.data.data.map((card) => (
              <li key={card.id}>
                <CardListItem
                  card={card}
                  topicTitle={topicTitles.get(card.topicId)}
                  listSearch={params.toString()}
                />
              </li>
            ))}
          </ul>
          {cards.data.data.length === 0 && cards.data.meta.total > 0 && (
            <Link
              to={hrefForPage(1)}
              className="font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400"
            >
              Go to the first page
            </Link>
          )}
          <Pagination meta={cards.data.meta} hrefFor={hrefForPage} />
        </div>
      )}
    </>
  );
}
