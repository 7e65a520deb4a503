import { RATINGS, type Rating } from '../../api';
import { longInterval, shortInterval } from '../../lib/format';

/** A bar that sticks to the bottom of the screen, so the next action is in reach on a phone. */
export const bottomBarClass =
  'sticky bottom-0 z-10 -mx-4 mt-8 min-w-0 border-0 border-t border-slate-200 bg-slate-50/95 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] backdrop-blur sm:mx-0 sm:rounded-t-xl sm:border-x sm:px-4 dark:border-slate-800 dark:bg-slate-950/95';

export const RATING_LABELS: Record<Rating, string> = {
  again: 'Again',
  hard: 'Hard',
  good: 'Good',
  easy: 'Easy',
};

const tones: Record<Rating, string> = {
  again:
    'border-rose-300 bg-rose-50 text-rose-900 hover:bg-rose-100 dark:border-rose-800 dark:bg-rose-950/50 dark:text-rose-100 dark:hover:bg-rose-900/60',
  hard: 'border-amber-300 bg-amber-50 text-amber-900 hover:bg-amber-100 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100 dark:hover:bg-amber-900/60',
  good: 'border-emerald-300 bg-emerald-50 text-emerald-900 hover:bg-emerald-100 dark:border-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-100 dark:hover:bg-emerald-900/60',
  easy: 'border-sky-300 bg-sky-50 text-sky-900 hover:bg-sky-100 dark:border-sky-800 dark:bg-sky-950/50 dark:text-sky-100 dark:hover:bg-sky-900/60',
};

interface RatingBarProps {
  intervals: Record<Rating, string>;
  suggested?: Rating | undefined;
  onRate: (rating: Rating) => void;
}

/** Again / Hard / Good / Easy with the next interval of each; sticks to the bottom of the screen. */
export function RatingBar({ intervals, suggested, onRate }: RatingBarProps) {
  const now = Date.now();
  return (
    <fieldset className={bottomBarClass}>
      <legend className="float-left mb-2 w-full text-sm font-medium text-slate-700 dark:text-slate-300">
        How well did you remember it?
      </legend>
      <div className="clear-both grid grid-cols-4 gap-2">
        {RATINGS.map((rating, i) => {
          const isSuggested = rating === suggested;
          return (
            <button
              key={rating}
              type="button"
              onClick={() => onRate(rating)}
              aria-keyshortcuts={String(i + 1)}
              className={`relative flex min-h-14 flex-col items-center justify-center gap-0.5 rounded-lg border-2 px-1 py-2 font-semibold transition-colors sm:flex-row sm:gap-1.5 ${tones[rating]} ${
                isSuggested
                  ? 'ring-2 ring-current ring-offset-2 ring-offset-slate-50 dark:ring-offset-slate-950'
                  : ''
              }`}
            >
              {isSuggested && (
                <span className="absolute -top-2.5 rounded-full bg-current px-1.5 text-[0.65rem] leading-4 font-semibold">
                  <span className="text-white dark:text-slate-950">Suggested</span>
                </span>
              )}
              <span>{RATING_LABELS[rating]}</span>
              <span aria-hidden="true" className="hidden opacity-60 sm:inline">
                ·
              </span>
              <span aria-hidden="true" className="text-sm font-medium opacity-80">
                {shortInterval(intervals[rating], now)}
              </span>
              <span className="sr-only">
                , next review {longInterval(intervals[rating], now)}
                {isSuggested ? ', suggested' : ''}
              </span>
              <span
                aria-hidden="true"
                className="absolute top-1 right-1.5 hidden font-mono text-[0.65rem] font-normal opacity-60 md:block"
              >
                <kbd>{i + 1}</kbd>
              </span>
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
