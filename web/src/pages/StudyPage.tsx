import { type ReactNode, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../api';
import { UndoIcon } from '../components/Icons';
import { Loading, QueryError } from '../components/Status';
import { ShortcutHints } from '../components/study/ShortcutHints';
import { StudyCard } from '../components/study/StudyCard';
import { StudyEmpty } from '../components/study/StudyEmpty';
import { StudyFilters } from '../components/study/StudyFilters';
import { SyncStatus } from '../components/study/SyncStatus';
import { TimeZoneNotice } from '../components/study/TimeZoneNotice';
import { plural } from '../lib/format';
import { useTopics } from '../lib/queries';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useShortcuts } from '../lib/useShortcuts';
import { useStudySession } from '../lib/useStudySession';

const linkClass = 'font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400';

function TodayCounts({
  today,
  ratedCount,
}: {
  today: { due: number; new: number } | null;
  ratedCount: number;
}) {
  if (!today) return null;
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400">
      Left today: {plural(today.due, 'review')} due, {plural(today.new, 'new card')}
      {ratedCount > 0 && ` · ${ratedCount} rated in this session`}
    </p>
  );
}

export function StudyPage() {
  useDocumentTitle('Study');
  const [params, setParams] = useSearchParams();
  const topic = params.get('topic') ?? '';
  const level = params.get('level') ?? '';
  const topics = useTopics();
  const session = useStudySession(topic, level);
  const { queue, current } = session;
  const [announcement, setAnnouncement] = useState('');
  const undoing = useRef(false);
  const topicTitles = useMemo(() => new Map((topics.data ?? []).map((t) => [t.id, t.title])), [topics.data]);

  const setFilters = (change: { topic?: string; level?: string }) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  const undo = async () => {
    if (undoing.current) return;
    undoing.current = true;
    setAnnouncement('');
    try {
      const outcome = await session.undo();
      setAnnouncement(
        outcome.status === 'undone' ? 'Rating undone: the card is back.' : 'There is nothing to undo.',
      );
    } catch (err) {
      setAnnouncement(`Could not undo: ${errorMessage(err)}`);
    } finally {
      undoing.current = false;
    }
  };
  useShortcuts({ u: () => void undo() });

  let body: ReactNode;
  if (queue.isPending) body = <Loading label="Loading your queue…" />;
  else if (!queue.data) body = <QueryError error={queue.error} onRetry={() => queue.refetch()} />;
  else if (current) {
    body = (
      <StudyCard
        key={`${current.card.id}:${session.round}`}
        item={current}
        topicTitle={topicTitles.get(current.card.topicId)}
        note={session.noteOf(current)}
        focusOnShow={session.round > 0}
        onNoteSaved={(text) => session.setNote(current.card.id, text)}
        onRate={(input) => {
          setAnnouncement('');
          session.rate(current, input);
        }}
      />
    );
  } else if (queue.isFetching || session.loadingMore) body = <Loading label="Loading more cards…" />;
  else
    body = (
      <StudyEmpty
        meta={queue.data.meta}
        ratedCount={session.ratedCount}
        filtered={Boolean(topic || level)}
        onClearFilters={() => setFilters({ topic: '', level: '' })}
      />
    );

  return (
    <div className="mx-auto max-w-3xl">
      <header className="mb-6 flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
        <div>
          <h1
            tabIndex={-1}
            className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl dark:text-white"
          >
            Study
          </h1>
          <TodayCounts today={session.today} ratedCount={session.ratedCount} />
        </div>
        <nav aria-label="Study" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <button
            type="button"
            onClick={() => void undo()}
            aria-keyshortcuts="U"
            className="inline-flex min-h-10 items-center gap-1.5 rounded-lg px-2 font-medium text-slate-700 hover:bg-slate-200/70 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            <UndoIcon className="size-4" /> Undo last rating
          </button>
          <Link to="/study/plan" className={linkClass}>
            Plan
          </Link>
          <Link to="/progress" className={linkClass}>
            Progress
          </Link>
        </nav>
      </header>

      <div className="mb-6 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:p-4 dark:border-slate-800 dark:bg-slate-900">
        <StudyFilters topic={topic} level={level} topics={topics.data ?? []} onChange={setFilters} />
      </div>

      <div className="mb-4 space-y-2">
        <TimeZoneNotice />
        <SyncStatus />
        <p role="status" aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
          {announcement}
        </p>
        {queue.isError && queue.data && (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Could not load more cards ({errorMessage(queue.error)}).{' '}
            <button type="button" onClick={() => void queue.refetch()} className={linkClass}>
              Try again
            </button>
          </p>
        )}
      </div>

      {body}
      <ShortcutHints />
    </div>
  );
}
