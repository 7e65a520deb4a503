import type { ReactNode } from 'react';
import type { RunResult, RunStatus, Submission } from '../../api';
import { plural } from '../../lib/format';
import { AlertIcon, CheckIcon, CrossIcon } from '../Icons';

type Mode = 'run' | 'submit';

/** What each status means, in plain words. `limitS` is the exercise's time limit in seconds. */
export function statusText(status: RunStatus, mode: Mode, limitS: number): { title: string; detail: string } {
  switch (status) {
    case 'ok':
      return mode === 'submit'
        ? { title: 'All tests passed', detail: 'Your code does everything the hidden tests check.' }
        : { title: 'Finished', detail: 'Your code ran to the end without an error.' };
    case 'failed':
      return mode === 'submit'
        ? { title: 'Some tests failed', detail: 'Read the messages below, fix the code and submit again.' }
        : { title: 'Exited with an error', detail: 'Your code ran but ended with a non-zero exit code.' };
    case 'error':
      return {
        title: 'Your code could not run',
        detail:
          'It failed before it could finish, often a syntax error or an exception on load. See the errors below.',
      };
    case 'timeout':
      return {
        title: 'Stopped: too slow',
        detail: `It ran longer than the ${limitS} s limit. Look for an endless loop or a promise that never settles.`,
      };
    case 'memory':
      return {
        title: 'Stopped: out of memory',
        detail: 'It used more memory than a run may. Look for a collection that keeps growing.',
      };
    case 'output-limit':
      return {
        title: 'Stopped: too much output',
        detail: 'It printed more than a run may. The output below is cut short.',
      };
  }
}

const tones = {
  good: 'border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-100',
  bad: 'border-red-300 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200',
  warn: 'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-100',
};

function toneOf(status: RunStatus): keyof typeof tones {
  if (status === 'ok') return 'good';
  if (status === 'failed' || status === 'error') return 'bad';
  return 'warn';
}

function StatusBanner({
  title,
  detail,
  status,
  extra,
}: {
  title: string;
  detail: string;
  status: RunStatus;
  extra?: ReactNode;
}) {
  const tone = toneOf(status);
  const Icon = tone === 'good' ? CheckIcon : tone === 'bad' ? CrossIcon : AlertIcon;
  return (
    <div className={`flex gap-3 rounded-lg border p-4 ${tones[tone]}`}>
      <Icon className="mt-0.5 size-5 shrink-0" />
      <div className="min-w-0 space-y-1">
        <p className="font-semibold">{title}</p>
        <p className="text-sm">{detail}</p>
        {extra}
      </div>
    </div>
  );
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** Cards the server brought forward in the learner's study queue after a miss. */
export function NudgeNotice({ cards }: { cards: string[] | undefined }) {
  if (!cards?.length) return null;
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400">
      {plural(cards.length, 'related card')} will come up sooner in your study queue.
    </p>
  );
}

/** The "weak sandbox" notice: the server ran the code without full isolation. */
export function SandboxNotice({ result }: { result: RunResult }) {
  if (result.sandbox !== 'weak') return null;
  return (
    <p className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300">
      <strong className="font-semibold">Weak sandbox.</strong> This server runs code without full isolation
      (no bubblewrap), only with time, memory and output limits. Results are the same; the separation from the
      server is weaker.
    </p>
  );
}

function OutputBlock({
  label,
  text,
  tone = 'default',
}: {
  label: string;
  text: string;
  tone?: 'default' | 'error';
}) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {label}
      </figcaption>
      <pre
        className={`max-h-80 overflow-auto rounded-lg border border-slate-200 bg-white p-3 font-mono text-sm leading-6 whitespace-pre-wrap break-words dark:border-slate-800 dark:bg-slate-900 ${
          tone === 'error' ? 'text-red-800 dark:text-red-300' : 'text-slate-800 dark:text-slate-200'
        }`}
      >
        {text}
      </pre>
    </figure>
  );
}

/** stdout and stderr of a run (either may be empty), and whether they were cut. */
export function RunOutputs({ result }: { result: RunResult }) {
  return (
    <div className="space-y-3">
      {result.stdout ? (
        <OutputBlock label="Output (stdout)" text={result.stdout} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Nothing was printed to stdout.</p>
      )}
      {result.stderr && <OutputBlock label="Errors (stderr)" text={result.stderr} tone="error" />}
      {result.truncated && (
        <p className="text-sm text-slate-600 dark:text-slate-400">The output was cut at the size limit.</p>
      )}
    </div>
  );
}

/** The result of Run: status in plain words, duration, exit code, output. */
export function RunResultView({ result }: { result: RunResult }) {
  // A run's time limit is the server's, not the exercise's; a stopped run took about that long.
  const { title, detail } = statusText(result.status, 'run', Math.round(result.durationMs / 1000));
  return (
    <div className="space-y-3">
      <StatusBanner
        title={title}
        detail={detail}
        status={result.status}
        extra={
          <p className="text-sm opacity-80">
            {seconds(result.durationMs)}
            {result.exitCode !== null && ` · exit code ${result.exitCode}`}
          </p>
        }
      />
      <SandboxNotice result={result} />
      <RunOutputs result={result} />
    </div>
  );
}

const testIcon = {
  pass: { Icon: CheckIcon, className: 'text-emerald-700 dark:text-emerald-400', label: 'Passed' },
  fail: { Icon: CrossIcon, className: 'text-red-700 dark:text-red-400', label: 'Failed' },
  skip: { Icon: AlertIcon, className: 'text-slate-500 dark:text-slate-400', label: 'Skipped' },
};

/** The result of Submit: "7 of 10 tests passed", then each test in file order with its message. */
export function SubmissionResultView({ submission, limitS }: { submission: Submission; limitS: number }) {
  const { result } = submission;
  const { title, detail } = statusText(result.status, 'submit', limitS);
  const summary = result.total > 0 ? `${result.passed} of ${result.total} tests passed` : 'No test could run';
  return (
    <div className="space-y-3">
      <StatusBanner
        title={summary}
        detail={result.status === 'ok' ? detail : `${title}. ${detail}`}
        status={result.status}
        extra={
          <>
            {result.total > 0 && (
              <meter
                min={0}
                max={result.total}
                low={result.total / 2}
                high={result.total - 0.5}
                optimum={result.total}
                value={result.passed}
                aria-label="Tests passed"
                className="mt-1 h-2 w-full max-w-xs"
              >
                {summary}
              </meter>
            )}
            <p className="text-sm opacity-80">{seconds(result.durationMs)}</p>
          </>
        }
      />
      <SandboxNotice result={result} />
      <NudgeNotice cards={submission.nudgedCards} />
      {result.tests.length > 0 && (
        <ol
          aria-label="Tests"
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
        >
          {result.tests.map((test, i) => {
            const icon = testIcon[test.status] ?? testIcon.skip;
            return (
              // Test names may repeat; the position keeps keys unique and the order is fixed.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={i} className="p-3">
                <p className="flex items-start gap-2">
                  <icon.Icon className={`mt-0.5 size-5 shrink-0 ${icon.className}`} />
                  <span className="sr-only">{icon.label}: </span>
                  <span className="min-w-0 flex-1 text-sm text-slate-800 dark:text-slate-200">
                    {test.name}
                  </span>
                  <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">
                    {seconds(test.durationMs)}
                  </span>
                </p>
                {test.message && test.status !== 'pass' && (
                  <pre className="mt-2 ml-7 overflow-x-auto rounded-md bg-slate-100 p-2 font-mono text-xs leading-5 whitespace-pre-wrap break-words text-slate-800 dark:bg-slate-800 dark:text-slate-200">
                    {test.message}
                  </pre>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {(result.tests.length === 0 || result.status === 'error') && (result.stdout || result.stderr) && (
        <RunOutputs result={result} />
      )}
    </div>
  );
}
