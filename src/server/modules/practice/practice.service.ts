import { sameOutput } from '../../../core/content/model.js';
import { AppError } from '../../../core/errors.js';
import { CompileError, snippetJob, submissionJob } from '../../../runner/jobs.js';
import type { Runner } from '../../../runner/runner.js';
import type { GradedResult, Language, RunJob, RunResult } from '../../../runner/types.js';
import type { JobQueue } from '../../lib/jobs.js';
import { lineDiff } from './diff.js';
import type { PracticeRepo } from './practice.repo.js';

type RunnerJob = { mode: 'run' | 'grade'; job: RunJob };

/** What a run reports when the code never reached the sandbox (TypeScript that does not compile). */
function compileFailure(err: CompileError, sandbox: RunResult['sandbox']): GradedResult {
  return {
    status: 'error',
    stdout: '',
    stderr: err.message,
    exitCode: null,
    signal: null,
    durationMs: 0,
    truncated: false,
    sandbox,
    tests: [],
    passed: 0,
    total: 0,
  };
}

/**
 * Running learner code: snippets, graded exercise submissions and predict-the-output answers.
 * Every run goes through the job queue, so the HTTP loop only waits on a promise.
 */
export function practiceService(deps: {
  repo: PracticeRepo;
  runner: Runner | null;
  jobs: JobQueue;
  /** Runs at once in this process (the runner's pool size). */
  concurrency: number;
  /** Why code cannot be run here, when `runner` is null. */
  unavailableReason?: string;
  /** Told when cards of a learner were brought forward (the study queue caches per learner). */
  onCardsMoved?: (userId: string) => Promise<void>;
  now?: () => Date;
}) {
  const { repo, runner } = deps;
  const now = deps.now ?? (() => new Date());
  const kind = deps.jobs.define<RunnerJob, GradedResult>(
    'runner',
    async ({ mode, job }) => {
      if (!runner) throw new AppError('sandbox_unavailable', deps.unavailableReason);
      if (mode === 'grade') return runner.grade(job);
      return { ...(await runner.run(job)), tests: [], passed: 0, total: 0 };
    },
    // A finished run (a learner's code and its output) leaves Redis after a minute; submissions
    // are kept in the database, snippets nowhere.
    { concurrency: deps.concurrency, maxWaiting: 500, keepFinishedS: 60 },
  );

  const available = () => {
    if (!runner) throw new AppError('sandbox_unavailable', deps.unavailableReason);
    return runner;
  };

  async function execute(mode: RunnerJob['mode'], build: () => Promise<RunJob>): Promise<GradedResult> {
    const r = available();
    let job: RunJob;
    try {
      job = await build();
    } catch (err) {
      if (err instanceof CompileError) return compileFailure(err, r.sandbox.mode);
      throw err;
    }
    // The job's own limit plus room for the queue; past that the request fails, the run does not linger.
    return kind.run({ mode, job }, { timeoutMs: (job.timeoutMs ?? 5000) + 30_000 });
  }

  /** Brings linked cards forward after a miss, and says which moved. */
  async function nudge(userId: string, cardIds: string[], reason: string): Promise<string[]> {
    const moved = await repo.nudge(userId, cardIds, now(), reason);
    if (moved.length) await deps.onCardsMoved?.(userId);
    return moved;
  }

  const withoutTests = ({ tests: _t, passed: _p, total: _n, ...rest }: GradedResult): RunResult => rest;

  return {
    /** Runs a snippet as its own program. */
    async run(input: { code: string; language: Language; module: 'esm' | 'cjs' }): Promise<RunResult> {
      return withoutTests(
        await execute('run', () => snippetJob(input.code, input.language, { module: input.module })),
      );
    },

    /** Grades a submission against the exercise's hidden tests and stores it. */
    async submit(userId: string, exerciseId: string, input: { code: string; language: Language }) {
      const exercise = await repo.exerciseForGrading(exerciseId);
      if (!exercise) throw new AppError('not_found', `No exercise "${exerciseId}"`);
      const result = await execute('grade', async () => ({
        ...(await submissionJob(input.code, input.language, exercise.tests, exercise.timeout_ms)),
        addons: exercise.native_addons,
      }));
      const stored = await repo.insertSubmission({
        userId,
        exerciseId,
        language: input.language,
        code: input.code,
        status: result.status,
        passed: result.passed,
        total: result.total,
        result: result as unknown as Record<string, unknown>,
      });
      const nudgedCards =
        result.status === 'ok' ? [] : await nudge(userId, exercise.cards, `exercise:${exerciseId}`);
      return {
        id: stored.id,
        exerciseId,
        language: input.language,
        code: input.code,
        createdAt: new Date(stored.created_at).toISOString(),
        result,
        nudgedCards,
      };
    },

    async submissions(userId: string, exerciseId: string, page: number, limit: number) {
      const { rows, total } = await repo.submissionsOf(userId, exerciseId, page, limit);
      return {
        data: rows.map((s) => ({
          id: s.id,
          exerciseId: s.exercise_id,
          language: s.language,
          code: s.code,
          createdAt: new Date(s.created_at).toISOString(),
          result: s.result as unknown as GradedResult,
          nudgedCards: [],
        })),
        meta: { page, limit, total, pages: Math.ceil(total / limit) },
      };
    },

    /**
     * Grades a predicted output: the snippet runs on the real runtime now, the prediction is
     * compared with every output Node may print, and the result suggests a rating.
     */
    async answer(userId: string, cardId: string, output: string) {
      const card = await repo.predictCard(cardId);
      if (!card) throw new AppError('not_found', `No card "${cardId}"`);
      if (card.kind !== 'predict' || !card.code) {
        throw new AppError(
          'not_predict_card',
          `Card "${cardId}" has no snippet whose output you can predict`,
        );
      }
      // Snippets that talk to a database cannot run in the sandbox; CI ran them against the real one.
      const actual = card.needs.length
        ? null
        : withoutTests(
            await execute('run', () =>
              snippetJob(card.code!, 'javascript', { module: card.module === 'cjs' ? 'cjs' : 'esm' }),
            ),
          );
      const expected = card.expected_outputs ?? (actual ? [actual.stdout] : []);
      const correct = expected.some((e) => sameOutput(e, output));
      // Diff against what Node printed just now when that is one of the allowed outputs.
      const reference = expected.find((e) => actual && sameOutput(e, actual.stdout)) ?? expected[0] ?? '';
      const nudgedCards = correct ? [] : await nudge(userId, card.related, `predict:${cardId}`);
      return {
        correct,
        expected,
        actual,
        diff: lineDiff(reference, output),
        suggestedRating: correct ? ('good' as const) : ('again' as const),
        nudgedCards,
      };
    },
  };
}

export type PracticeService = ReturnType<typeof practiceService>;
