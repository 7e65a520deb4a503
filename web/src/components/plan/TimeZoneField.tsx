import { useId, useMemo } from 'react';
import { browserTimeZone } from '../../lib/format';
import { selectClass } from '../TopicLevelSelects';

/**
 * Every zone this browser knows, with UTC, the device's zone and the current choice always among
 * them (a browser without `Intl.supportedValuesOf` offers just those).
 */
function zoneNames(current: string): string[] {
  const names = new Set(
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [],
  );
  for (const name of ['UTC', browserTimeZone(), current]) if (name) names.add(name);
  return [...names].sort();
}

interface TimeZoneFieldProps {
  value: string;
  onChange: (zone: string) => void;
  error?: string | undefined;
}

/** The learner's time zone: where their days (daily limits, streaks, the heat-map) start. */
export function TimeZoneField({ value, onChange, error }: TimeZoneFieldProps) {
  const id = useId();
  const names = useMemo(() => zoneNames(value), [value]);
  const here = browserTimeZone();
  const describedBy = [`${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        Your time zone
      </label>
      <select
        id={id}
        className={selectClass}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {names.map((name) => (
          <option key={name} value={name}>
            {name.replaceAll('_', ' ')}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="text-sm text-slate-600 dark:text-slate-400">
        Your day starts at midnight here: daily limits, streaks and the heat-map follow it.
        {here && here !== value && (
          <>
            {' '}
            This device is set to {here.replaceAll('_', ' ')}.{' '}
            <button
              type="button"
              className="font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400"
              onClick={() => onChange(here)}
            >
              Use {here.replaceAll('_', ' ')}
            </button>
          </>
        )}
      </p>
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}
