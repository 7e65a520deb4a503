import { errorMessage } from '../api';
import { Button } from './Button';
import { AlertIcon } from './Icons';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div role="status" className="flex items-center gap-3 py-10 text-slate-600 dark:text-slate-400">
      <span
        aria-hidden="true"
        className="size-5 animate-spin rounded-full border-2 border-emerald-600 border-r-transparent"
      />
      {label}
    </div>
  );
}

export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div
      role="alert"
      className="flex flex-col gap-3 rounded-lg border border-red-300 bg-red-50 p-4 text-red-800 sm:flex-row sm:items-center sm:justify-between dark:border-red-900 dark:bg-red-950/40 dark:text-red-200"
    >
      <p className="flex gap-2">
        <AlertIcon className="mt-0.5 size-5 shrink-0" />
        {errorMessage(error)}
      </p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
