import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import {
  ApiError,
  api,
  type ExerciseDetail,
  errorMessage,
  type RunLanguage,
  type RunResult,
  type Submission,
} from '../api';
import { FormAlert } from '../components/Alert';
import { Difficulty, ExerciseKindBadge, LevelBadge, Tag } from '../components/Badges';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { Button, ButtonLink } from '../components/Button';
import { HtmlContent } from '../components/HtmlContent';
import { CodeEditor } from '../components/practice/CodeEditor';
import { RunResultView, SubmissionResultView, statusText } from '../components/practice/RunResult';
import { SubmissionHistory } from '../components/practice/SubmissionHistory';
import { Loading, QueryError } from '../components/Status';
import { selectClass } from '../components/TopicLevelSelects';
import { useMe } from '../lib/auth';
import { useExercise, useTopics } from '../lib/queries';
import { useCountdown } from '../lib/useCountdown';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useDraft } from '../lib/useDraft';
import { NotFoundPage } from './NotFoundPage';

const linkClass = 'font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400';
const IS_MAC = /Mac|iPhone|iPad/.test(navigator.userAgent);
const MOD = IS_MAC ? '⌘' : 'Ctrl';

/** The exercise page: prompt, editor, Run and Submit, past submissions. Loaded on demand (CodeMirror). */
export default function ExercisePage() {
  const { id = '' } = useParams();
  const exercise = useExercise(id);
  useDocumentTitle(exercise.data?.title ?? 'Exercise');

  if (exercise.isPending) return <Loading label="Loading the exercise…" />;
  if (exercise.isError) {
    if (exercise.error instanceof ApiError && exercise.error.status === 404)
      return <NotFoundPage what="exercise" />;
    return <QueryError error={exercise.error} onRetry={() => exercise.refetch()} />;
  }
  return <ExerciseView key={exercise.data.id} exercise={exercise.data} />;
}

type Outcome = { kind: 'run'; result: RunResult } | { kind: 'submit'; submission: Submission };

function ExerciseView({ exercise }: { exercise: ExerciseDetail }) {
  const { user, isLoading: userLoading } = useMe();
  const location = useLocation();
  const topics = useTopics();
  const queryClient = useQueryClient();
  const hintId = useId();
  const languageId = useId();
  const { draft, isStarter, setCode, setLanguage, load, reset } = useDraft(exercise.id, exercise.starter);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [retryUntil, setRetryUntil] = useState<number | null>(null);
  const wait = useCountdown(retryUntil);
  const resultRef = useRef<HTMLElement>(null);
  const limitS = Math.round(exercise.timeoutMs / 100) / 10;
  const topicTitle = topics.data?.find((t) => t.id === exercise.topicId)?.title ?? exercise.topicId;
  const listSearch = (location.state as { listSearch?: string } | null)?.listSearch;
  const backHref = listSearch ? `/exercises?${listSearch}` : '/exercises';

  const onError = (err: unknown) => {
    if (err instanceof ApiError && err.status === 429)
      setRetryUntil(Date.now() + (err.retryAfter ?? 30) * 1000);
  };
  const run = useMutation({
    mutationFn: () => api.run({ code: draft.code, language: draft.language }),
    onSuccess: (result) => {
      setOutcome({ kind: 'run', result });
      setAnnouncement(
        `Run: ${statusText(result.status, 'run', Math.round(result.durationMs / 1000)).title}.`,
      );
    },
    onError,
  });
  const submit = useMutation({
    mutationFn: () => api.submit(exercise.id, { code: draft.code, language: draft.language }),
    onSuccess: (submission) => {
      setOutcome({ kind: 'submit', submission });
      const { passed, total } = submission.result;
      setAnnouncement(`Submitted: ${passed} of ${total} tests passed.`);
      void queryClient.invalidateQueries({ queryKey: ['submissions', exercise.id] });
    },
    onError,
  });
  const busy = run.isPending || submit.isPending;
  const error = run.error ?? submit.error;
  const canSend = Boolean(user) && !busy && wait === 0;

  const doRun = useCallback(() => {
    if (!canSend) return;
    submit.reset();
    setAnnouncement('Running your code…');
    run.mutate();
  }, [canSend, run, submit]);
  const doSubmit = useCallback(() => {
    if (!canSend) return;
    run.reset();
    setAnnouncement('Running the tests…');
    submit.mutate();
  }, [canSend, run, submit]);

  // Ctrl/Cmd+Enter and Ctrl/Cmd+Shift+Enter also work when the focus is outside the editor.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      if (e.shiftKey) doSubmit();
      else doRun();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [doRun, doSubmit]);

  // Bring a new result into view (it sits below the editor on a phone).
  useEffect(() => {
    if (outcome) resultRef.current?.scrollIntoView({ block: 'nearest' });
  }, [outcome]);

  const loadSubmission = (submission: Submission) => {
    load({ code: submission.code, language: submission.language });
    setOutcome({ kind: 'submit', submission });
    setAnnouncement(`Loaded your submission into the editor. ${MOD}+Z takes it back.`);
  };

  const resetToStarter = () => {
    reset();
    setAnnouncement(`The editor holds the starter again. ${MOD}+Z brings your code back.`);
  };

  return (
    <div>
      <Breadcrumbs
        items={[
          { to: backHref, label: 'Exercises' },
          { to: `/topics/${exercise.topicId}`, label: topicTitle },
          { label: 'Exercise' },
        ]}
      />
      <header className="mb-6">
        <div className="mb-3 flex flex-wrap items-center gap-2 text-xs">
          <LevelBadge level={exercise.level} />
          <ExerciseKindBadge kind={exercise.kind} />
          <Difficulty value={exercise.difficulty} />
        </div>
        <h1
          tabIndex={-1}
          className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl dark:text-white"
        >
          {exercise.title}
        </h1>
        {exercise.tags.length > 0 && (
          <ul className="mt-4 flex flex-wrap gap-1.5" aria-label="Tags">
            {exercise.tags.map((t) => (
              <li key={t}>
                <Link
                  to={`/exercises?tag=${encodeURIComponent(t)}`}
                  className="rounded-md hover:underline"
                  aria-label={`Show exercises tagged ${t}`}
                >
                  <Tag>{t}</Tag>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </header>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        <div className="min-w-0 space-y-8">
          <section aria-labelledby="prompt-title">
            <h2 id="prompt-title" className="sr-only">
              The task
            </h2>
            <HtmlContent html={exercise.promptHtml} />
          </section>
          <LinkedCards ids={exercise.cards} />
        </div>

        <div className="min-w-0 space-y-6">
          <section aria-labelledby="editor-title" className="space-y-3">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <h2 id="editor-title" className="text-lg font-semibold text-slate-900 dark:text-white">
                Your code
              </h2>
              <div className="flex flex-wrap items-end gap-2">
                <div>
                  <label
                    htmlFor={languageId}
                    className="mb-1 block text-xs font-medium text-slate-700 dark:text-slate-300"
                  >
                    Language
                  </label>
                  <select
                    id={languageId}
                    value={draft.language}
                    onChange={(e) => setLanguage(e.target.value as RunLanguage)}
                    className={`${selectClass} py-1.5 text-sm`}
                  >
                    <option value="javascript">JavaScript</option>
                    <option value="typescript">TypeScript</option>
                  </select>
                </div>
                <Button variant="secondary" onClick={resetToStarter} disabled={isStarter}>
                  Reset to starter
                </Button>
              </div>
            </div>
            <CodeEditor
              value={draft.code}
              language={draft.language}
              onChange={setCode}
              onRun={doRun}
              onSubmit={doSubmit}
              label={`Code for ${exercise.title}`}
              describedBy={hintId}
            />
            <p id={hintId} className="text-sm text-slate-600 dark:text-slate-400">
              Your draft is kept in this browser.{' '}
              {user && (
                <>
                  <kbd className="font-mono">{MOD}+Enter</kbd> runs it,{' '}
                  <kbd className="font-mono">{MOD}+Shift+Enter</kbd> submits it;{' '}
                </>
              )}
              Tab leaves the editor.
            </p>

            {userLoading ? null : user ? (
              <div className="flex flex-wrap items-center gap-3">
                <Button
                  variant="secondary"
                  onClick={doRun}
                  disabled={!canSend}
                  busy={run.isPending}
                  aria-keyshortcuts={IS_MAC ? 'Meta+Enter' : 'Control+Enter'}
                >
                  Run
                </Button>
                <Button
                  onClick={doSubmit}
                  disabled={!canSend}
                  busy={submit.isPending}
                  aria-keyshortcuts={IS_MAC ? 'Meta+Shift+Enter' : 'Control+Shift+Enter'}
                >
                  Submit
                </Button>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  Run prints what your code outputs; Submit grades it with the hidden tests.
                </p>
              </div>
            ) : (
              <div className="flex flex-col gap-3 rounded-xl border border-dashed border-slate-300 bg-white/60 p-4 sm:flex-row sm:items-center sm:justify-between dark:border-slate-700 dark:bg-slate-900/50">
                <p className="text-slate-700 dark:text-slate-300">
                  Sign in to run your code and have it graded by the hidden tests.
                </p>
                <div className="flex shrink-0 gap-2">
                  <ButtonLink to={`/signin?next=${encodeURIComponent(location.pathname)}`}>
                    Sign in
                  </ButtonLink>
                  <ButtonLink
                    to={`/signup?next=${encodeURIComponent(location.pathname)}`}
                    variant="secondary"
                  >
                    Sign up
                  </ButtonLink>
                </div>
              </div>
            )}
          </section>

          <section
            ref={resultRef}
            aria-labelledby="result-title"
            hidden={!user}
            className="scroll-mt-20 space-y-3"
          >
            <h2 id="result-title" className="text-lg font-semibold text-slate-900 dark:text-white">
              Result
            </h2>
            <p role="status" aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300">
              {announcement}
            </p>
            {wait > 0 ? (
              <FormAlert
                message={`You have run code many times in a short while. You can run it again in ${wait} s.`}
              />
            ) : (
              error != null &&
              !(error instanceof ApiError && error.status === 429) && (
                <FormAlert message={`That did not work: ${errorMessage(error)}`} />
              )
            )}
            {busy ? (
              <Loading label={submit.isPending ? 'Running the tests…' : 'Running your code…'} />
            ) : outcome?.kind === 'run' ? (
              <RunResultView result={outcome.result} />
            ) : outcome?.kind === 'submit' ? (
              <SubmissionResultView submission={outcome.submission} limitS={limitS} />
            ) : (
              !error && (
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  Run or submit your code to see the result here.
                </p>
              )
            )}
          </section>

          {user && <SubmissionHistory exerciseId={exercise.id} onLoad={loadSubmission} />}
        </div>
      </div>

      <p className="mt-10">
        <Link to={backHref} className={linkClass}>
          ← Back to the exercises
        </Link>
      </p>
    </div>
  );
}

/** The cards this exercise practises, by question (their ids until the questions load). */
function LinkedCards({ ids }: { ids: string[] }) {
  const cards = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['card', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.card(id, signal),
      staleTime: 10 * 60_000,
    })),
  });
  if (ids.length === 0) return null;
  return (
    <section
      aria-labelledby="linked-cards"
      className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2
        id="linked-cards"
        className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400"
      >
        Cards on the same ideas
      </h2>
      <ul className="space-y-2">
        {ids.map((id, i) => (
          <li key={id}>
            <Link to={`/cards/${encodeURIComponent(id)}`} className={linkClass}>
              {cards[i]?.data?.question ?? id}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
