import { useId } from 'react';
import type { TopicSummary } from '../api';
import { inputClass } from './TextField';

export const LEVELS = [
  { value: 'junior', label: 'Junior' },
  { value: 'mid', label: 'Mid' },
  { value: 'senior', label: 'Senior' },
];

export const selectClass = `${inputClass} pr-8`;

interface TopicLevelSelectsProps {
  topic: string;
  level: string;
  topics: TopicSummary[];
  onChange: (change: { topic?: string; level?: string }) => void;
  labelClassName: string;
  /** Grid placement of the topic field (it is usually wider). */
  topicClassName?: string;
}

/** The topic and level drop-downs shared by the card browser, the exercises and the study page. */
export function TopicLevelSelects({
  topic,
  level,
  topics,
  onChange,
  labelClassName,
  topicClassName,
}: TopicLevelSelectsProps) {
  const id = useId();
  return (
    <>
      <div className={topicClassName}>
        <label htmlFor={`${id}-topic`} className={labelClassName}>
          Topic
        </label>
        <select
          id={`${id}-topic`}
          className={selectClass}
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
        <label htmlFor={`${id}-level`} className={labelClassName}>
          Level
        </label>
        <select
          id={`${id}-level`}
          className={selectClass}
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
    </>
  );
}
