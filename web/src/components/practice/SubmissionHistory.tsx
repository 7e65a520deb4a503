import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { api, type Submission } from '../../api';
import { Button } from '../Button';
import { Loading, QueryError } from '../Status';
import { statusText } from './RunResult';

const PAGE_SIZE = 5;
const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const LANGUAGES = { javascript: 'JavaScript', typescript: 'TypeScript' } as const;

/** The learner's own submissions of one exercise, newest first; each can be loaded back into the editor. */
export function SubmissionHistory({
  exerciseId,
  onLoad,
}: {
  exerciseId: string;
  onLoad: (submission: Submission) => void;
}) {
  const [page, setPage] = useState(1);
  const submissions = useQuery({
    queryKey: ['submissions', exerciseId, page],
    queryFn: ({ signal }) => api.submissions(exerciseId, { page, limit: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });

  let body: ReactNode;
  if (submissions.isPending) body = <Loading label="Loading your submissions…" />;
  else if (submissions.isError)
    body = <QueryError error={submissions.error} onRetry={() => submissions.refetch()} />;
  else if (submissions.data.data.length === 0)
    body = (
      <p className="text-sm text-slate-600 dark:text-slate-400">You have not submitted this exercise yet.</p>
    );
  else {
    const { meta } = submissions.data;
    body = (
      <>
        <ul className="divide-y divide-slate-200 dark:divide-slate-800">
          {submissions.data.data.map((s) => {
            const { passed, total, status } = s.result;
            const label = when.format(new Date(s.createdAt));
            return (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="text-sm font-medium text-slate-900 dark:text-white">
                    {total > 0 ? `${passed} of ${total} tests passed` : statusText(status, 'submit', 0).title}
                    {status === 'ok' && <span className="sr-only"> (all)</span>}
                  </p>
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    <time dateTime={s.createdAt}>{label}</time> · {LANGUAGES[s.language] ?? s.language}
                  </p>
                </div>
                <Button variant="secondary" className="min-h-9 px-3 py-1" onClick={() => onLoad(s)}>
                  Load into editor<span className="sr-only">: submission of {label}</span>
                </Button>
              </li>
            );
          })}
        </ul>
        {meta.pages > 1 && (
          <div className="mt-3 flex items-center justify-between gap-3 text-sm">
            <Button variant="ghost" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              Newer
            </Button>
            <span className="text-slate-600 dark:text-slate-400">
              Page {meta.page} of {meta.pages}
            </span>
            <Button variant="ghost" disabled={page >= meta.pages} onClick={() => setPage((p) => p + 1)}>
              Older
            </Button>
          </div>
        )}
      </>
    );
  }

  return (
    <section
      aria-labelledby="history-title"
      aria-busy={submissions.isPlaceholderData}
      className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="history-title" className="mb-2 text-lg font-semibold text-slate-900 dark:text-white">
        Your submissions
      </h2>
      {body}
    </section>
  );
}
