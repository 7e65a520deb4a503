import { Link } from 'react-router';
import type { CardSummary } from '../api';
import { Difficulty, KindBadge, LevelBadge, Tag } from './Badges';

interface CardListItemProps {
  card: CardSummary;
  topicTitle: string | undefined;
  /** Query string of the list, so the detail page can link back to the same results. */
  listSearch: string;
}

function tagHref(listSearch: string, tag: string): string {
  const params = new URLSearchParams(listSearch);
  params.set('tag', tag);
  params.delete('page');
  return `/cards?${params.toString()}`;
}

export function CardListItem({ card, topicTitle, listSearch }: CardListItemProps) {
  return (
    <article className="relative rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-emerald-500 sm:p-5 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-emerald-500">
      <div className="mb-2 flex flex-wrap items-center gap-2 text-xs">
        <span className="font-medium text-slate-600 dark:text-slate-400">{topicTitle ?? card.topicId}</span>
        <LevelBadge level={card.level} />
        <KindBadge kind={card.kind} />
        <Difficulty value={card.difficulty} />
      </div>
      <h2 className="text-base font-semibold text-slate-900 dark:text-white">
        {/* The link covers the whole card (after:absolute) but only the question is its name. */}
        <Link
          to={`/cards/${encodeURIComponent(card.id)}`}
          state={{ listSearch }}
          className="rounded after:absolute after:inset-0 after:rounded-xl hover:text-emerald-700 dark:hover:text-emerald-400"
        >
          {card.question}
        </Link>
      </h2>
      {card.tags.length > 0 && (
        <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Tags">
          {card.tags.map((t) => (
            <li key={t}>
              <Link
                to={tagHref(listSearch, t)}
                className="relative z-10 rounded-md hover:underline"
                aria-label={`Show cards tagged ${t}`}
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
