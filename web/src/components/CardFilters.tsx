import { useEffect, useId, useState } from 'react';
import type { TopicSummary } from '../api';
import { useDebouncedValue } from '../lib/useDebouncedValue';
import { SearchIcon } from './Icons';
import { inputClass } from './TextField';
import { selectClass, TopicLevelSelects } from './TopicLevelSelects';

export const SORTS: Option[] = [
  { value: 'topic', label: 'Topic' },
  { value: 'level', label: 'Level' },
  { value: 'difficulty', label: 'Easiest first' },
  { value: '-difficulty', label: 'Hardest first' },
  { value: 'question', label: 'Question (A–Z)' },
];

/** The order of a search's results by how well they match; offered only while searching. */
export const RELEVANCE = 'relevance';
const BEST_MATCH: Option = { value: RELEVANCE, label: 'Best match' };

export interface Option {
  value: string;
  label: string;
}

export interface Filters {
  q: string;
  topic: string;
  level: string;
  tag: string;
  sort: string;
  /** Only on lists that offer a kind filter. */
  kind?: string;
}

interface CardFiltersProps {
  filters: Filters;
  topics: TopicSummary[];
  onChange: (change: Partial<Filters>, options?: { replace?: boolean }) => void;
  /** Sort choices; the cards' by default. */
  sorts?: Option[];
  /** Kind choices; no kind filter without them. */
  kinds?: Option[];
  /** What the list holds, for labels: "cards", "exercises". */
  noun?: string;
  searchLabel?: string;
  searchPlaceholder?: string;
}

const labelClass = 'mb-1.5 block text-sm font-medium text-slate-800 dark:text-slate-200';

/** Search, topic, level, optional kind, and sort for a paged list (the card browser, the exercises). */
export function CardFilters({
  filters,
  topics,
  onChange,
  sorts = SORTS,
  kinds,
  noun = 'cards',
  searchLabel = 'Search questions',
  searchPlaceholder = 'e.g. nextTick, backpressure',
}: CardFiltersProps) {
  const id = useId();
  const hasFilters = Boolean(filters.q || filters.topic || filters.level || filters.tag || filters.kind);
  return (
    <search
      aria-label={`Filter ${noun}`}
      className="mb-6 block rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <form
        onSubmit={(e) => e.preventDefault()}
        className={`grid grid-cols-2 gap-3 sm:gap-4 ${kinds ? 'lg:grid-cols-[minmax(0,2fr)_repeat(4,minmax(0,1fr))]' : 'lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))]'}`}
      >
        <SearchBox
          value={filters.q}
          label={searchLabel}
          placeholder={searchPlaceholder}
          onSearch={(q) => onChange({ q }, { replace: true })}
        />
        <TopicLevelSelects
          topic={filters.topic}
          level={filters.level}
          topics={topics}
          onChange={onChange}
          labelClassName={labelClass}
          topicClassName="col-span-2 lg:col-span-1"
        />
        {kinds && (
          <div>
            <label htmlFor={`${id}-kind`} className={labelClass}>
              Kind
            </label>
            <select
              id={`${id}-kind`}
              className={selectClass}
              value={filters.kind ?? ''}
              onChange={(e) => onChange({ kind: e.target.value })}
            >
              <option value="">All kinds</option>
              {kinds.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor={`${id}-sort`} className={labelClass}>
            Sort by
          </label>
          <select
            id={`${id}-sort`}
            className={selectClass}
            value={filters.sort}
            onChange={(e) => onChange({ sort: e.target.value })}
          >
            {(filters.q ? [BEST_MATCH, ...sorts] : sorts).map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      {(filters.tag || hasFilters) && (
        <div className="mt-4 flex flex-wrap items-center gap-3 text-sm">
          {filters.tag && (
            <span className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-3 text-slate-800 dark:bg-slate-800 dark:text-slate-200">
              Tag: <span className="font-mono">{filters.tag}</span>
              <button
                type="button"
                onClick={() => onChange({ tag: '' })}
                className="ml-1 inline-flex size-6 items-center justify-center rounded-full hover:bg-slate-200 dark:hover:bg-slate-700"
              >
                <span aria-hidden="true">×</span>
                <span className="sr-only">Remove tag filter {filters.tag}</span>
              </button>
            </span>
          )}
          {hasFilters && (
            <button
              type="button"
              onClick={() =>
                onChange({ q: '', topic: '', level: '', tag: '', ...(kinds ? { kind: '' } : {}) })
              }
              className="font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400"
            >
              Clear all filters
            </button>
          )}
        </div>
      )}
    </search>
  );
}

/** Search input that reports its value 300 ms after the user stops typing. */
function SearchBox({
  value,
  label,
  placeholder,
  onSearch,
}: {
  value: string;
  label: string;
  placeholder: string;
  onSearch: (q: string) => void;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const debounced = useDebouncedValue(text, 300);

  // Follow outside changes (back button, "clear filters").
  useEffect(() => setText(value), [value]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text triggers a search
  useEffect(() => {
    if (debounced.trim() !== value) onSearch(debounced.trim());
  }, [debounced]);

  return (
    <div className="col-span-2 lg:col-span-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <div className="relative">
        <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500 dark:text-slate-400" />
        <input
          id={id}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={placeholder}
          autoComplete="off"
          className={`${inputClass} pl-9`}
        />
      </div>
    </div>
  );
}
