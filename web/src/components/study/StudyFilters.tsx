import type { TopicSummary } from '../../api';
import { TopicLevelSelects } from '../TopicLevelSelects';

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
  return (
    <search aria-label="Choose what to study" className="block">
      <form
        onSubmit={(e) => e.preventDefault()}
        className="grid grid-cols-2 gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]"
      >
        <TopicLevelSelects
          topic={topic}
          level={level}
          topics={topics}
          onChange={onChange}
          labelClassName={labelClass}
        />
      </form>
    </search>
  );
}
