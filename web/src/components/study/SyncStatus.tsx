import { dismissFailed, retryNow, useOutbox } from '../../lib/outbox';
import { AlertIcon, SyncIcon } from '../Icons';
import { RATING_LABELS } from './RatingBar';

/** "N ratings waiting to sync", and any rating the server refused for good. */
export function SyncStatus() {
  const { pending, failed, sending } = useOutbox();
  return (
    <div className="space-y-2">
      <div role="status" aria-live="polite" aria-atomic="true">
        {pending > 0 && (
          <p className="inline-flex flex-wrap items-center gap-x-2 gap-y-1 rounded-full bg-amber-100 px-3 py-1 text-sm text-amber-900 dark:bg-amber-900/40 dark:text-amber-100">
            <SyncIcon className={`size-4 ${sending ? 'animate-spin' : ''}`} />
            {pending === 1 ? '1 rating waiting to sync' : `${pending} ratings waiting to sync`}
            {!sending && (
              <button
                type="button"
                onClick={() => void retryNow()}
                className="font-semibold underline underline-offset-2 hover:no-underline"
              >
                Retry now
              </button>
            )}
          </p>
        )}
      </div>
      {failed.length > 0 && (
        <div role="alert" className="space-y-2">
          {failed.map((f) => (
            <div
              key={f.id}
              className="flex flex-col gap-2 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-800 sm:flex-row sm:items-center sm:justify-between dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
            >
              <p className="flex gap-2">
                <AlertIcon className="mt-0.5 size-4 shrink-0" />
                <span>
                  A rating ({RATING_LABELS[f.rating] ?? f.rating}) of card{' '}
                  <span className="font-mono">{f.cardId}</span> was not saved: {f.message}
                </span>
              </p>
              <button
                type="button"
                onClick={() => dismissFailed(f.id)}
                className="self-start rounded-lg px-2 py-1 font-semibold underline underline-offset-2 hover:no-underline sm:self-auto"
              >
                Dismiss
              </button>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
