export function Footer() {
  return (
    <footer className="border-t border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-6 text-sm text-slate-600 sm:flex-row sm:justify-between sm:px-6 dark:text-slate-400">
        <p>nodeprep: prepare for Node.js interviews by understanding, not memorising.</p>
        <p>
          <a href="/docs" className="underline underline-offset-2 hover:text-slate-900 dark:hover:text-white">
            API documentation
          </a>
        </p>
      </div>
    </footer>
  );
}
