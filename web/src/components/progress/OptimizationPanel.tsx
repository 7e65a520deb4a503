import { errorMessage, type FsrsOptimization, type FsrsOptimizationRun } from '../../api';
import { formatShortDay, plural } from '../../lib/format';
import { useFsrsOptimization, useStartFsrsOptimization } from '../../lib/study';
import { FormAlert } from '../Alert';
import { Button } from '../Button';
import { Panel } from '../Panel';
import { Loading, QueryError } from '../Status';

const loss = (n: number | null) => (n === null ? '–' : n.toFixed(3));
/** "25 Nov": the day a run finished (UTC, like every day on the server). */
const day = (iso: string | null) => (iso ? formatShortDay(iso.slice(0, 10)) : '');

function RunSummary({ run }: { run: FsrsOptimizationRun }) {
  const source = `fitted from ${plural(run.reviewCount, 'review')} on ${day(run.finishedAt)}`;
  switch (run.status) {
    case 'queued':
    case 'running':
      return (
        <p className="text-slate-700 dark:text-slate-300">
          Fitting your parameters to {plural(run.reviewCount, 'review')}… this takes a few seconds.
        </p>
      );
    case 'done':
      return run.adopted ? (
        <p className="text-slate-700 dark:text-slate-300">
          <span className="font-semibold text-slate-900 dark:text-white">
            Your own scheduling parameters:
          </span>{' '}
          log-loss {loss(run.logLossBefore)} → {loss(run.logLossAfter)} ({source}).
        </p>
      ) : (
        <p className="text-slate-700 dark:text-slate-300">
          The last fit ({source}) did not predict your reviews better than the parameters in use (log-loss{' '}
          {loss(run.logLossBefore)} → {loss(run.logLossAfter)}), so those stay.
        </p>
      );
    case 'skipped':
      return (
        <p className="text-slate-700 dark:text-slate-300">
          The last fit on {day(run.finishedAt)} was skipped: {run.reason}
        </p>
      );
    case 'failed':
      return (
        <p className="text-slate-700 dark:text-slate-300">
          The last fit on {day(run.finishedAt)} did not finish: {run.reason} Your reviews are scheduled as
          before.
        </p>
      );
  }
}

function Explanation({ data }: { data: FsrsOptimization }) {
  const { run } = data;
  const rmse =
    run?.status === 'done' && run.rmseBefore !== null && run.rmseAfter !== null
      ? ` RMSE ${loss(run.rmseBefore)} → ${loss(run.rmseAfter)}.`
      : '';
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400">
      Log-loss measures how well the parameters predict whether you recalled each card (lower is better).
      {rmse} {data.usingOwnParameters ? 'Your reviews are scheduled with your own parameters. ' : ''}
      The next fit runs by itself at {plural(data.nextAutomaticAt, 'review')}.
    </p>
  );
}

/** The learner's own FSRS parameters: the latest fit, or how many reviews are still needed. */
export function OptimizationPanel() {
  const optimization = useFsrsOptimization();
  const start = useStartFsrsOptimization();
  return (
    <Panel title="Personal scheduling" id="optimization-title">
      {optimization.isPending ? (
        <Loading label="Loading your scheduling parameters…" />
      ) : optimization.isError ? (
        <QueryError error={optimization.error} onRetry={() => optimization.refetch()} />
      ) : (
        <div className="space-y-3" data-testid="optimization">
          <div role="status" aria-live="polite">
            {optimization.data.run ? (
              <RunSummary run={optimization.data.run} />
            ) : (
              <p className="text-slate-700 dark:text-slate-300">
                Once you have {plural(optimization.data.minReviews, 'review')}, nodeprep fits the scheduler to
                how your memory works. You have {plural(optimization.data.reviewCount, 'review')}:{' '}
                {optimization.data.reviewsNeeded > 0
                  ? `${optimization.data.reviewsNeeded.toLocaleString('en-GB')} more to go.`
                  : 'enough to fit them now.'}
              </p>
            )}
          </div>
          {optimization.data.reviewsNeeded === 0 && <Explanation data={optimization.data} />}
          {optimization.data.reviewsNeeded === 0 && (
            <Button
              variant="secondary"
              busy={start.isPending}
              disabled={
                start.isPending ||
                optimization.data.run?.status === 'queued' ||
                optimization.data.run?.status === 'running'
              }
              onClick={() => start.mutate()}
            >
              {optimization.data.run ? 'Fit again now' : 'Fit my parameters now'}
            </Button>
          )}
          <FormAlert message={start.isError ? errorMessage(start.error) : null} />
        </div>
      )}
    </Panel>
  );
}
