import { Link } from 'react-router';
import type { TopicSummary } from '../api';
import { PageHeader } from '../components/PageHeader';
import { Loading, QueryError } from '../components/Status';
import { useTopics } from '../lib/queries';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function TopicsPage() {
  useDocumentTitle('Topics');
  const topics = useTopics();
  return (
    <>
      <PageHeader
        title="Topics"
        lead="Thirteen areas an interviewer for a Node.js backend role is likely to probe. Each has a short guide and a deck of cards."
      />
      {topics.isPending ? (
        <Loading label="Loading topics…" />
      ) : topics.isError ? (
        <QueryError error={topics.error} onRetry={() => topics.refetch()} />
      ) : topics.data.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">No topics have been published yet.</p>
      ) : (
        <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {topics.data.map((topic) => (
            <li key={topic.id}>
              <TopicCard topic={topic} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function TopicCard({ topic }: { topic: TopicSummary }) {
  return (
    <article className="flex h-full flex-col rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-emerald-500 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-emerald-500">
      <p
        className="font-mono text-xs font-semibold text-emerald-700 dark:text-emerald-400"
        aria-hidden="true"
      >
        {String(topic.order).padStart(2, '0')}
      </p>
      <h2 className="mt-1 text-lg font-semibold text-slate-900 dark:text-white">
        <Link
          to={`/topics/${topic.id}`}
          className="rounded hover:text-emerald-700 hover:underline dark:hover:text-emerald-400"
        >
          {topic.title}
        </Link>
      </h2>
      <p className="mt-2 flex-1 text-sm text-slate-600 dark:text-slate-400">{topic.summary}</p>
      <div className="mt-4 flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 pt-3 text-sm dark:border-slate-800">
        <span className="text-slate-600 dark:text-slate-400">
          {topic.cardCount} {topic.cardCount === 1 ? 'card' : 'cards'}
          {topic.predictCount > 0 && ` · ${topic.predictCount} predict`}
        </span>
        <Link
          to={`/cards?topic=${encodeURIComponent(topic.id)}`}
          className="font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400"
          aria-label={`Browse the cards of ${topic.title}`}
        >
          Browse cards
        </Link>
      </div>
    </article>
  );
}
