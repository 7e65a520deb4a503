import { useId } from 'react';
import type { TopicSummary } from '../../api';
import { LEVELS } from '../CardFilters';
import { inputClass } from '../TextField';

const labelClass = 'mb-1 block text-xs font-medium text-slate-700 dark:text-slate-300';

/** Topic and level for the session (kept in the URL by the page). */
export function StudyFilters({
  topic,
  level,
  topics,
  onChange,
}: {
  topic: string;
  level: string;
  topics: TopicSummary[];
  onChange: (change: { topic?: string; level?: string }) => void;
}) {
  const id = useId();
  return (
    <search aria-label="Choose what to study" className="block">
      <form
        onSubmit={(e) => e.preventDefault()}
        className="grid grid-cols-2 gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]"
      >
        <div>
          <label htmlFor={`${id}-topic`} className={labelClass}>
            Topic
          </label>
          <select
            id={`${id}-topic`}
            className={`${inputClass} pr-8`}
            value={topic}
            onChange={(e) => onChange({ topic: e.target.value })}
          >
            <option value="">All topics</option>
            {topics.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-level`} className={labelClass}>
            Level
          </label>
          <select
            id={`${id}-level`}
            className={`${inputClass} pr-8`}
            value={level}
            onChange={(e) => onChange({ level: e.target.value })}
          >
            <option value="">All levels</option>
            {LEVELS.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
      </form>
    </search>
  );
}
