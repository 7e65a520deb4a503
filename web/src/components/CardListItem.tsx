import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CardSummary } from '../api';
import { Difficulty, KindBadge, LevelBadge, Tag } from './Badges';

interface CardListItemProps {
  card: CardSummary;
  topicTitle: string | undefined;
  /** Query string of the list, so the detail page can link back to the same results. */
  listSearch: string;
}

/** The list's URL with one tag as its filter, keeping the other filters. */
export function tagHref(listPath: string, listSearch: string, tag: string): string {
  const params = new URLSearchParams(listSearch);
  params.set('tag', tag);
  params.delete('page');
  return `${listPath}?${params.toString()}`;
}

export function CardListItem({ card, topicTitle, listSearch }: CardListItemProps) {
  return (
    <ListItem
      to={`/cards/${encodeURIComponent(card.id)}`}
      title={card.question}
      listPath="/cards"
      listSearch={listSearch}
      tags={card.tags}
      tagLabel={(t) => `Show cards tagged ${t}`}
      badges={
        <>
          <span className="font-medium text-slate-600 dark:text-slate-400">{topicTitle ?? card.topicId}</span>
          <LevelBadge level={card.level} />
          <KindBadge kind={card.kind} />
          <Difficulty value={card.difficulty} />
        </>
      }
    />
  );
}

interface ListItemProps {
  to: string;
  title: string;
  badges: ReactNode;
  tags: string[];
  tagLabel: (tag: string) => string;
  listPath: string;
  listSearch: string;
}

/** One result of a paged list: badges, a title that links to the item, and tag filter links. */
export function ListItem({ to, title, badges, tags, tagLabel, listPath, listSearch }: ListItemProps) {
  return (
    <article className="relative rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-emerald-500 sm:p-5 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-emerald-500">
      <div className="mb-2 flex flex-wrap items-center gap-2 text-xs">{badges}</div>
      <h2 className="text-base font-semibold text-slate-900 dark:text-white">
        {/* The link covers the whole card (after:absolute) but only the title is its name. */}
        <Link
          to={to}
          state={{ listSearch }}
          className="rounded after:absolute after:inset-0 after:rounded-xl hover:text-emerald-700 dark:hover:text-emerald-400"
        >
          {title}
        </Link>
      </h2>
      {tags.length > 0 && (
        <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Tags">
          {tags.map((t) => (
            <li key={t}>
              <Link
                to={tagHref(listPath, listSearch, t)}
                className="relative z-10 rounded-md hover:underline"
                aria-label={tagLabel(t)}
              >
                <Tag>{t}</Tag>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
