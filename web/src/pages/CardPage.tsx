import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError, type CardDetail } from '../api';
import { Difficulty, KindBadge, LevelBadge, Tag } from '../components/Badges';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { Button } from '../components/Button';
import { CardAnswer } from '../components/CardAnswer';
import { PredictCode } from '../components/PredictCode';
import { Loading, QueryError } from '../components/Status';
import { useCard, useTopics } from '../lib/queries';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { NotFoundPage } from './NotFoundPage';

export function CardPage() {
  const { id = '' } = useParams();
  const card = useCard(id);
  useDocumentTitle(card.data ? truncate(card.data.question, 60) : 'Card');

  if (card.isPending) return <Loading label="Loading the card…" />;
  if (card.isError) {
    if (card.error instanceof ApiError && card.error.status === 404) return <NotFoundPage what="card" />;
    return <QueryError error={card.error} onRetry={() => card.refetch()} />;
  }
  // key: a new card starts hidden again.
  return <CardView key={card.data.id} card={card.data} />;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Space reveals the answer, unless the user is typing or on a control that uses Space itself. */
function useSpaceToReveal(onReveal: () => void, enabled: boolean) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== ' ' || e.repeat || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, button, a, summary, [contenteditable], [role="button"]'))
        return;
      e.preventDefault();
      onReveal();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onReveal, enabled]);
}

function CardView({ card }: { card: CardDetail }) {
  const location = useLocation();
  const topics = useTopics();
  const [revealed, setRevealed] = useState(false);
  const answerRef = useRef<HTMLHeadingElement>(null);
  const topicTitle = topics.data?.find((t) => t.id === card.topicId)?.title ?? card.topicId;
  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch;
  const backHref = listSearch ? `/cards?${listSearch}` : '/cards';

  const reveal = useCallback(() => {
    setRevealed(true);
    // Move focus to the answer so screen reader users hear it next.
    window.setTimeout(() => answerRef.current?.focus(), 0);
  }, []);
  useSpaceToReveal(reveal, !revealed);

  return (
    <div className="max-w-3xl">
      <Breadcrumbs
        items={[
          { to: backHref, label: 'Cards' },
          { to: `/topics/${card.topicId}`, label: topicTitle },
          { label: 'Card' },
        ]}
      />
      <article aria-labelledby="card-question">
        <div className="mb-3 flex flex-wrap items-center gap-2 text-xs">
          <LevelBadge level={card.level} />
          <KindBadge kind={card.kind} />
          <Difficulty value={card.difficulty} />
        </div>
        <h1
          id="card-question"
          tabIndex={-1}
          className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl dark:text-white"
        >
          {card.question}
        </h1>
        {card.tags.length > 0 && (
          <ul className="mt-4 flex flex-wrap gap-1.5" aria-label="Tags">
            {card.tags.map((t) => (
              <li key={t}>
                <Link
                  to={`/cards?tag=${encodeURIComponent(t)}`}
                  className="rounded-md hover:underline"
                  aria-label={`Show cards tagged ${t}`}
                >
                  <Tag>{t}</Tag>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <PredictCode card={card} />

        {revealed ? (
          <CardAnswer card={card} headingRef={answerRef} />
        ) : (
          <div className="mt-8 flex flex-col items-start gap-3 rounded-xl border border-dashed border-slate-300 bg-white/60 p-6 sm:flex-row sm:items-center sm:justify-between dark:border-slate-700 dark:bg-slate-900/50">
            <p className="text-slate-600 dark:text-slate-400">
              Answer it out loud first, then check yourself.
            </p>
            <Button onClick={reveal} aria-keyshortcuts="Space">
              Reveal answer
              <kbd className="rounded border border-white/40 px-1.5 font-mono text-xs dark:border-slate-950/40">
                Space
              </kbd>
            </Button>
          </div>
        )}
      </article>
      <p className="mt-10">
        <Link
          to={backHref}
          className="font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400"
        >
          ← Back to the cards
        </Link>
      </p>
    </div>
  );
}
