import type { ReactNode } from 'react';
import { AlertIcon, CheckIcon } from './Icons';

/**
 * Error summary for a form. The live region is always mounted, so screen readers announce the
 * message when it appears.
 */
export function FormAlert({ message, id }: { message: string | null | undefined; id?: string }) {
  return (
    <div id={id} role="alert" aria-live="assertive" aria-atomic="true">
      {message && (
        <div className="flex gap-2 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200">
          <AlertIcon className="mt-0.5 size-4 shrink-0" />
          <p>{message}</p>
        </div>
      )}
    </div>
  );
}

/** Polite confirmation message (e.g. "Password changed"). Always mounted. */
export function StatusMessage({ message }: { message: string | null | undefined }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true">
      {message && (
        <div className="flex gap-2 rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-100">
          <CheckIcon className="mt-0.5 size-4 shrink-0" />
          <p>{message}</p>
        </div>
      )}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300">
      {children}
    </div>
  );
}
