import { useId } from 'react';
import type { TypedAnswerResult } from '../../api';
import { errorMessage } from '../../api';
import { percent } from '../../lib/format';
import { inputClass } from '../TextField';
import { RATING_LABELS } from './RatingBar';

export const TYPED_MAX = 2000;

/** Optional box to type an answer before revealing; Ctrl/Cmd+Enter reveals, Escape leaves it. */
export function TypedAnswerInput({
  value,
  onChange,
  onSubmit,
  label = 'Your answer',
  hint = 'Typed answers are checked against the key points when you reveal.',
  code = false,
}: {
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  label?: string;
  hint?: string;
  /** Monospaced, no spell checking: for program output. */
  code?: boolean;
}) {
  const id = useId();
  return (
    <div className="mt-6">
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label} <span className="font-normal text-slate-600 dark:text-slate-400">(optional)</span>
      </label>
      <textarea
        id={id}
        value={value}
        rows={3}
        maxLength={TYPED_MAX}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSubmit();
          } else if (e.key === 'Escape') {
            e.currentTarget.blur();
          }
        }}
        aria-describedby={`${id}-hint`}
        spellCheck={code ? false : undefined}
        autoCapitalize={code ? 'off' : undefined}
        autoCorrect={code ? 'off' : undefined}
        className={`${inputClass} resize-y ${code ? 'font-mono text-sm' : ''}`}
      />
      <p id={`${id}-hint`} className="mt-1.5 text-sm text-slate-600 dark:text-slate-400">
        {hint}
        <span className="hidden sm:inline"> Ctrl+Enter reveals, Escape leaves the box.</span>
      </p>
    </div>
  );
}

interface FeedbackProps {
  text: string;
  result: TypedAnswerResult | undefined;
  pending: boolean;
  error: unknown;
}

/** What the learner typed, and how much of the key points it covered. */
export function TypedAnswerFeedback({ text, result, pending, error }: FeedbackProps) {
  const covered = result?.points.filter((p) => p.covered).length ?? 0;
  return (
    <section
      aria-labelledby="typed-title"
      className="mt-8 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2
        id="typed-title"
        className="text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400"
      >
        Your answer
      </h2>
      <p className="mt-2 whitespace-pre-wrap text-slate-800 dark:text-slate-200">{text}</p>
      <div role="status" aria-live="polite" className="mt-4 text-sm">
        {pending && <p className="text-slate-600 dark:text-slate-400">Checking it against the key points…</p>}
        {Boolean(error) && (
          <p className="text-slate-600 dark:text-slate-400">
            It could not be checked ({errorMessage(error)}). Compare it with the key points yourself.
          </p>
        )}
        {result && (
          <div className="space-y-2">
            <p className="text-slate-800 dark:text-slate-200">
              You covered <strong>{covered}</strong> of {result.points.length} key points (
              {percent(result.coverage)}). Suggested rating:{' '}
              <strong>{RATING_LABELS[result.suggestedRating]}</strong>. The choice is yours.
            </p>
            <meter
              min={0}
              max={1}
              low={1 / 3}
              high={2 / 3}
              optimum={1}
              value={result.coverage}
              aria-label="Key points covered"
              className="h-2 w-full max-w-xs"
            >
              {percent(result.coverage)}
            </meter>
          </div>
        )}
      </div>
    </section>
  );
}
