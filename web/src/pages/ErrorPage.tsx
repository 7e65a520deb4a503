import { useRouteError } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle';

/** Last-resort page for render errors; stands alone because the layout itself may have failed. */
export function ErrorPage() {
  useDocumentTitle('Something went wrong');
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900 dark:text-white">
        Something went wrong
      </h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">
        The page failed to load. Reloading usually helps.
      </p>
      <div className="mt-6 flex gap-3">
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="rounded-lg bg-emerald-700 px-4 py-2 text-sm font-semibold text-white hover:bg-emerald-800 dark:bg-emerald-500 dark:text-slate-950"
        >
          Reload
        </button>
        <a
          href="/"
          className="rounded-lg px-4 py-2 text-sm font-semibold text-slate-700 underline-offset-2 hover:underline dark:text-slate-200"
        >
          Home page
        </a>
      </div>
    </main>
  );
}
