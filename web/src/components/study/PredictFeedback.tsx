import type { DiffLine, PredictAnswerResult } from '../../api';
import { errorMessage } from '../../api';
import { CheckIcon, CrossIcon } from '../Icons';
import { NudgeNotice, statusText } from '../practice/RunResult';
import { RATING_LABELS } from './RatingBar';

const rows: Record<DiffLine['op'], { label: string; spoken: string; className: string }> = {
  same: { label: '', spoken: 'Matches', className: 'text-slate-800 dark:text-slate-200' },
  remove: {
    label: 'expected',
    spoken: 'Expected, missing from your prediction',
    className: 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-100',
  },
  add: {
    label: 'yours',
    spoken: 'In your prediction, not expected',
    className: 'bg-rose-50 text-rose-900 dark:bg-rose-950/50 dark:text-rose-100',
  },
};

/** Line by line: what the prediction got right, what it missed, and what it added. */
function Diff({ lines }: { lines: DiffLine[] }) {
  return (
    <ol
      aria-label="Your prediction against the expected output"
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white py-2 font-mono text-sm leading-6 dark:border-slate-800 dark:bg-slate-900"
    >
      {lines.map((line, i) => {
        const row = rows[line.op] ?? rows.same;
        return (
          // Lines may repeat; their position is what identifies them.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={i} className={`flex gap-3 px-3 ${row.className}`}>
            <span aria-hidden="true" className="w-16 shrink-0 text-xs leading-6 opacity-70 select-none">
              {row.label}
            </span>
            <span className="sr-only">{row.spoken}: </span>
            <span className="whitespace-pre">{line.text === '' ? ' ' : line.text}</span>
          </li>
        );
      })}
    </ol>
  );
}

interface PredictFeedbackProps {
  prediction: string;
  result: PredictAnswerResult | undefined;
  pending: boolean;
  error: unknown;
}

/** The verdict on a predicted output: correct or not, the line diff, and what the code really printed. */
export function PredictFeedback({ prediction, result, pending, error }: PredictFeedbackProps) {
  return (
    <section
      aria-labelledby="predict-title"
      className="mt-8 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2
        id="predict-title"
        className="text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400"
      >
        Your prediction
      </h2>
      <div role="status" aria-live="polite" className="mt-3 space-y-4 text-sm">
        {pending && (
          <p className="text-slate-600 dark:text-slate-400">Running the code to check your prediction…</p>
        )}
        {Boolean(error) && (
          <>
            <p className="text-slate-600 dark:text-slate-400">
              It could not be checked ({errorMessage(error)}). Compare it with the output below yourself.
            </p>
            <pre className="overflow-x-auto rounded-lg bg-slate-100 p-3 font-mono text-sm dark:bg-slate-800">
              {prediction}
            </pre>
          </>
        )}
        {result && (
          <>
            <p
              className={`flex items-center gap-2 text-base font-semibold ${
                result.correct ? 'text-emerald-800 dark:text-emerald-300' : 'text-rose-800 dark:text-rose-300'
              }`}
            >
              {result.correct ? <CheckIcon className="size-5" /> : <CrossIcon className="size-5" />}
              {result.correct ? 'Correct: that is what it prints.' : 'Not quite: the output differs.'}
            </p>
            {!result.correct && <Diff lines={result.diff} />}
            {!result.correct && (
              <p className="text-slate-600 dark:text-slate-400">
                Lines marked <em>expected</em> are missing from your prediction; lines marked <em>yours</em>{' '}
                are not printed.
              </p>
            )}
            <RealOutput result={result} />
            <p className="text-slate-800 dark:text-slate-200">
              Suggested rating: <strong>{RATING_LABELS[result.suggestedRating]}</strong>. The choice is yours.
            </p>
            <NudgeNotice cards={result.nudgedCards} />
          </>
        )}
      </div>
    </section>
  );
}

function RealOutput({ result }: { result: PredictAnswerResult }) {
  const { actual, expected } = result;
  if (!actual) {
    return (
      <div className="space-y-2">
        <h3 className="font-medium text-slate-800 dark:text-slate-200">What it prints</h3>
        <p className="text-slate-600 dark:text-slate-400">
          This snippet talks to PostgreSQL, so it is not run here; this is the output checked against a real
          database.
        </p>
        <pre className="overflow-x-auto rounded-lg border border-slate-200 bg-slate-50 p-3 font-mono text-sm leading-6 text-slate-800 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-200">
          {expected[0] || '(nothing)'}
        </pre>
      </div>
    );
  }
  return (
    <div className="space-y-2">
      <h3 className="font-medium text-slate-800 dark:text-slate-200">What it printed just now</h3>
      {actual.status !== 'ok' && (
        <p className="text-slate-600 dark:text-slate-400">{statusText(actual.status, 'run', 0).title}.</p>
      )}
      <pre className="overflow-x-auto rounded-lg border border-slate-200 bg-slate-50 p-3 font-mono text-sm leading-6 text-slate-800 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-200">
        {actual.stdout || '(nothing)'}
      </pre>
      {actual.stderr && (
        <pre className="overflow-x-auto rounded-lg border border-slate-200 bg-slate-50 p-3 font-mono text-sm leading-6 text-red-800 dark:border-slate-800 dark:bg-slate-950 dark:text-red-300">
          {actual.stderr}
        </pre>
      )}
      {expected.length > 1 && (
        <p className="text-slate-600 dark:text-slate-400">
          Node does not fix the order here: {expected.length} different outputs count as correct.
        </p>
      )}
    </div>
  );
}
