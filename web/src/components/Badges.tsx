import type { CardKind, CardState, ExerciseKind, Level } from '../api';

const levelStyles: Record<Level, string> = {
  junior: 'bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100',
  mid: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  senior: 'bg-violet-100 text-violet-900 dark:bg-violet-900/50 dark:text-violet-100',
};

const pill = 'inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold';

export function LevelBadge({ level }: { level: Level }) {
  return <span className={`${pill} capitalize ${levelStyles[level] ?? levelStyles.mid}`}>{level}</span>;
}

export function KindBadge({ kind }: { kind: CardKind }) {
  if (kind !== 'predict') return null;
  return (
    <span className={`${pill} bg-rose-100 text-rose-900 dark:bg-rose-900/50 dark:text-rose-100`}>
      Predict the output
    </span>
  );
}

const exerciseKinds: Record<ExerciseKind, { label: string; className: string }> = {
  exercise: {
    label: 'Coding exercise',
    className: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100',
  },
  debugging: {
    label: 'Debugging',
    className: 'bg-rose-100 text-rose-900 dark:bg-rose-900/50 dark:text-rose-100',
  },
};

/** "Coding exercise" or "Debugging". */
export function ExerciseKindBadge({ kind }: { kind: ExerciseKind }) {
  const style = exerciseKinds[kind] ?? exerciseKinds.exercise;
  return <span className={`${pill} ${style.className}`}>{style.label}</span>;
}

export function Difficulty({ value }: { value: number }) {
  const clamped = Math.max(1, Math.min(5, Math.round(value)));
  return (
    <span
      className="inline-flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-400"
      title={`Difficulty ${clamped} of 5`}
    >
      <span className="sr-only">Difficulty {clamped} of 5</span>
      <span aria-hidden="true" className="flex gap-0.5">
        {[1, 2, 3, 4, 5].map((n) => (
          <span
            key={n}
            className={`size-1.5 rounded-full ${n <= clamped ? 'bg-slate-600 dark:bg-slate-300' : 'bg-slate-300 dark:bg-slate-700'}`}
          />
        ))}
      </span>
    </span>
  );
}

export function Tag({ children }: { children: string }) {
  return (
    <span className="inline-flex rounded-md bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">
      {children}
    </span>
  );
}

const stateStyles: Record<CardState, { label: string; className: string }> = {
  new: {
    label: 'New',
    className: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-100',
  },
  learning: {
    label: 'Learning',
    className: 'bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100',
  },
  review: { label: 'Review', className: 'bg-slate-200 text-slate-800 dark:bg-slate-800 dark:text-slate-200' },
  relearning: {
    label: 'Relearning',
    className: 'bg-rose-100 text-rose-900 dark:bg-rose-900/50 dark:text-rose-100',
  },
};

/** Where a card stands in the learner's schedule. */
export function StateBadge({ state }: { state: CardState }) {
  const style = stateStyles[state] ?? stateStyles.review;
  return <span className={`${pill} ${style.className}`}>{style.label}</span>;
}
