import { type FormEvent, useId, useRef, useState } from 'react';
import type { StudySettings, TopicSummary } from '../../api';
import { localToday } from '../../lib/format';
import {
  CHECK_FIELDS,
  describeError,
  type FieldErrors,
  hasErrors,
  useFocusFirstInvalid,
} from '../../lib/forms';
import { useSaveStudySettings } from '../../lib/study';
import { FormAlert, StatusMessage } from '../Alert';
import { Button } from '../Button';
import { Panel } from '../Panel';
import { TextField } from '../TextField';
import { TimeZoneField } from './TimeZoneField';

export const RETENTION_MIN = 0.7;
export const RETENTION_MAX = 0.97;
const NEW_MAX = 500;
const REVIEWS_MAX = 5000;
const HOURS_MAX = 100;

interface Draft {
  interviewDate: string;
  hoursPerWeek: string;
  topics: string[];
  newPerDay: string;
  reviewsPerDay: string;
  desiredRetention: number;
  timeZone: string;
}

const toDraft = (s: StudySettings): Draft => ({
  interviewDate: s.interviewDate ?? '',
  hoursPerWeek: s.hoursPerWeek === null ? '' : String(s.hoursPerWeek),
  topics: s.topics,
  newPerDay: String(s.newPerDay),
  reviewsPerDay: String(s.reviewsPerDay),
  desiredRetention: s.desiredRetention,
  timeZone: s.timeZone,
});

function wholeNumber(value: string, max: number): string | undefined {
  if (!/^\d+$/.test(value.trim())) return `Enter a whole number from 0 to ${max}.`;
  return Number(value) > max ? `Enter a whole number from 0 to ${max}.` : undefined;
}

function validate(d: Draft): FieldErrors {
  const hours = Number(d.hoursPerWeek);
  return {
    interviewDate:
      d.interviewDate && d.interviewDate < localToday() ? 'Choose today or a later date.' : undefined,
    hoursPerWeek:
      d.hoursPerWeek.trim() && !(hours > 0 && hours <= HOURS_MAX)
        ? `Enter a number of hours above 0 and at most ${HOURS_MAX}.`
        : undefined,
    newPerDay: wholeNumber(d.newPerDay, NEW_MAX),
    reviewsPerDay: wholeNumber(d.reviewsPerDay, REVIEWS_MAX),
  };
}

interface PlanFormProps {
  settings: StudySettings;
  topics: TopicSummary[];
  /** New cards a day the interview plan sets, when it is on. */
  planNewPerDay: number | null;
}

export function PlanForm({ settings, topics, planNewPerDay }: PlanFormProps) {
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(() => toDraft(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useFocusFirstInvalid(formRef, errors);
  const save = useSaveStudySettings();

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setDone(null);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const problems = validate(draft);
    setErrors(problems);
    if (hasErrors(problems)) {
      setMessage(CHECK_FIELDS);
      return;
    }
    setMessage(null);
    const body: StudySettings = {
      interviewDate: draft.interviewDate || null,
      hoursPerWeek: draft.hoursPerWeek.trim() ? Number(draft.hoursPerWeek) : null,
      topics: draft.topics,
      newPerDay: Number(draft.newPerDay),
      reviewsPerDay: Number(draft.reviewsPerDay),
      desiredRetention: draft.desiredRetention,
      timeZone: draft.timeZone,
    };
    save.mutate(body, {
      onSuccess: (saved) => {
        setDraft(toDraft(saved));
        setDone('Saved. Your plan and daily queue now follow these settings.');
      },
      onError: (err) => {
        const { message, fields } = describeError(err);
        setErrors(fields);
        setMessage(message);
      },
    });
  };

  const onlyOne = Boolean(draft.interviewDate) !== Boolean(draft.hoursPerWeek.trim());

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-6">
      <FormAlert message={message} />
      <Panel title="Interview" id="interview-title">
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="Interview date"
            type="date"
            min={localToday()}
            value={draft.interviewDate}
            onChange={(v) => set('interviewDate', v)}
            hint="Leave empty to study at your own pace."
            error={errors.interviewDate}
          />
          <TextField
            label="Hours a week for studying"
            type="number"
            inputMode="decimal"
            min={0.5}
            max={HOURS_MAX}
            step={0.5}
            value={draft.hoursPerWeek}
            onChange={(v) => set('hoursPerWeek', v)}
            hint="Reviews and new cards together."
            error={errors.hoursPerWeek}
          />
        </div>
        {onlyOne && (
          <p className="mt-4 text-sm text-amber-800 dark:text-amber-200">
            Set both the date and your hours to get a plan for the interview.
          </p>
        )}
      </Panel>

      <TopicChoice topics={topics} chosen={draft.topics} onChange={(t) => set('topics', t)} />

      <Panel title="Daily limits" id="limits-title">
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="New cards a day"
            type="number"
            inputMode="numeric"
            min={0}
            max={NEW_MAX}
            step={1}
            value={draft.newPerDay}
            onChange={(v) => set('newPerDay', v)}
            hint={
              planNewPerDay === null
                ? 'How many cards you see for the first time each day.'
                : `While your interview plan is on, it sets this: ${planNewPerDay} a day.`
            }
            error={errors.newPerDay}
          />
          <TextField
            label="Reviews a day at most"
            type="number"
            inputMode="numeric"
            min={0}
            max={REVIEWS_MAX}
            step={1}
            value={draft.reviewsPerDay}
            onChange={(v) => set('reviewsPerDay', v)}
            hint="Reviews beyond this wait for the next day."
            error={errors.reviewsPerDay}
          />
          <TimeZoneField
            value={draft.timeZone}
            onChange={(v) => set('timeZone', v)}
            error={errors.timeZone}
          />
        </div>
      </Panel>

      <RetentionChoice
        value={draft.desiredRetention}
        onChange={(v) => set('desiredRetention', v)}
        error={errors.desiredRetention}
      />

      <StatusMessage message={done} />
      <Button type="submit" busy={save.isPending} disabled={save.isPending}>
        Save settings
      </Button>
    </form>
  );
}

function TopicChoice({
  topics,
  chosen,
  onChange,
}: {
  topics: TopicSummary[];
  chosen: string[];
  onChange: (topics: string[]) => void;
}) {
  const id = useId();
  const set = new Set(chosen);
  const toggle = (topicId: string, on: boolean) =>
    onChange(topics.map((t) => t.id).filter((t) => (t === topicId ? on : set.has(t))));
  return (
    <Panel title="Topic areas" id="topics-title">
      <fieldset aria-describedby={`${id}-hint`}>
        <legend className="sr-only">Topic areas to study</legend>
        <p id={`${id}-hint`} className="mb-4 text-sm text-slate-600 dark:text-slate-400">
          {chosen.length === 0
            ? 'None ticked: you study every topic.'
            : `${chosen.length} of ${topics.length} ticked: new cards come from these only.`}
        </p>
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {topics.map((t) => (
            <li key={t.id}>
              <label className="flex min-h-10 cursor-pointer items-center gap-3 rounded-lg border border-slate-200 px-3 py-2 text-sm text-slate-800 hover:border-emerald-500 has-checked:border-emerald-600 has-checked:bg-emerald-50 dark:border-slate-700 dark:text-slate-200 dark:has-checked:border-emerald-500 dark:has-checked:bg-emerald-950/40">
                <input
                  type="checkbox"
                  checked={set.has(t.id)}
                  onChange={(e) => toggle(t.id, e.target.checked)}
                  className="size-4 accent-emerald-700 dark:accent-emerald-500"
                />
                {t.title}
              </label>
            </li>
          ))}
        </ul>
        {chosen.length > 0 && (
          <button
            type="button"
            onClick={() => onChange([])}
            className="mt-4 text-sm font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400"
          >
            Clear: study every topic
          </button>
        )}
      </fieldset>
    </Panel>
  );
}

function RetentionChoice({
  value,
  onChange,
  error,
}: {
  value: number;
  onChange: (value: number) => void;
  error: string | undefined;
}) {
  const id = useId();
  const shown = `${Math.round(value * 100)}%`;
  return (
    <Panel title="Memory target" id="retention-title">
      <label
        htmlFor={id}
        className="flex items-baseline justify-between text-sm font-medium text-slate-800 dark:text-slate-200"
      >
        Desired retention
        <output htmlFor={id} className="text-lg font-semibold text-slate-900 dark:text-white">
          {shown}
        </output>
      </label>
      <input
        id={id}
        type="range"
        min={RETENTION_MIN}
        max={RETENTION_MAX}
        step={0.01}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        aria-valuetext={shown}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        className="mt-3 w-full accent-emerald-700 dark:accent-emerald-500"
      />
      <div
        aria-hidden="true"
        className="mt-1 flex justify-between text-xs text-slate-500 dark:text-slate-400"
      >
        <span>{Math.round(RETENTION_MIN * 100)}%: fewer reviews</span>
        <span>{Math.round(RETENTION_MAX * 100)}%: more reviews</span>
      </div>
      <p id={`${id}-hint`} className="mt-3 text-sm text-slate-600 dark:text-slate-400">
        The share of cards you should still recall when they come up. 90% suits most people; higher targets
        cost many more reviews. With an interview date, the target rises by itself in the last weeks.
      </p>
      {error && (
        <p id={`${id}-error`} className="mt-2 text-sm font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </Panel>
  );
}
