import { useRef } from 'react';
import type { TocEntry } from '../api';

interface TocProps {
  entries: TocEntry[];
  active: string | null;
}

function TocList({ entries, active, onNavigate }: TocProps & { onNavigate?: () => void }) {
  const minDepth = Math.min(...entries.map((e) => e.depth));
  return (
    <ul className="space-y-0.5 border-l border-slate-200 text-sm dark:border-slate-800">
      {entries.map((entry) => {
        const isActive = entry.id === active;
        return (
          <li key={entry.id}>
            <a
              href={`#${entry.id}`}
              onClick={onNavigate}
              aria-current={isActive ? 'location' : undefined}
              className={`-ml-px block border-l-2 py-1.5 pr-2 transition-colors ${entry.depth > minDepth ? 'pl-7' : 'pl-4'} ${
                isActive
                  ? 'border-emerald-600 font-medium text-emerald-800 dark:border-emerald-400 dark:text-emerald-300'
                  : 'border-transparent text-slate-600 hover:border-slate-400 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white'
              }`}
            >
              {entry.text}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

/** Sticky sidebar on wide screens. */
export function TocSidebar({ entries, active }: TocProps) {
  if (entries.length === 0) return null;
  return (
    <nav
      aria-labelledby="toc-title"
      className="sticky top-24 hidden max-h-[calc(100dvh-7rem)] overflow-y-auto lg:block"
    >
      <h2
        id="toc-title"
        className="mb-3 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400"
      >
        On this page
      </h2>
      <TocList entries={entries} active={active} />
    </nav>
  );
}

/** Collapsible disclosure on small screens. */
export function TocDisclosure({ entries, active }: TocProps) {
  const ref = useRef<HTMLDetailsElement>(null);
  if (entries.length === 0) return null;
  return (
    <nav aria-label="On this page" className="lg:hidden">
      <details
        ref={ref}
        className="group rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
      >
        <summary className="flex cursor-pointer list-none items-center justify-between rounded-lg px-4 py-3 text-sm font-semibold text-slate-800 dark:text-slate-200 [&::-webkit-details-marker]:hidden">
          On this page
          <span aria-hidden="true" className="text-slate-500 transition-transform group-open:rotate-180">
            ▾
          </span>
        </summary>
        <div className="px-4 pb-3">
          <TocList
            entries={entries}
            active={active}
            onNavigate={() => {
              if (ref.current) ref.current.open = false;
            }}
          />
        </div>
      </details>
    </nav>
  );
}
