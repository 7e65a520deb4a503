const kbd =
  'rounded border border-slate-300 bg-white px-1 font-mono text-[0.7rem] text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300';

/** The keyboard shortcuts, small and out of the way (not shown on phones). */
export function ShortcutHints() {
  return (
    <p className="mt-10 hidden flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500 sm:flex dark:text-slate-400">
      <span className="sr-only">Keyboard shortcuts:</span>
      <span>
        <kbd className={kbd}>Space</kbd> reveal
      </span>
      <span>
        <kbd className={kbd}>1</kbd>–<kbd className={kbd}>4</kbd> again, hard, good, easy
      </span>
      <span>
        <kbd className={kbd}>U</kbd> undo
      </span>
      <span>
        <kbd className={kbd}>E</kbd> note
      </span>
    </p>
  );
}
