import { Link } from 'react-router';
import { Notice } from '../components/Alert';
import { PageHeader } from '../components/PageHeader';
import { Panel } from '../components/Panel';
import { DueChart } from '../components/progress/DueChart';
import { Heatmap } from '../components/progress/Heatmap';
import { MasteryChart } from '../components/progress/MasteryChart';
import { OptimizationPanel } from '../components/progress/OptimizationPanel';
import { RetentionChart } from '../components/progress/RetentionChart';
import { StatTiles } from '../components/progress/StatTiles';
import { Loading, QueryError } from '../components/Status';
import { useProgress } from '../lib/study';
import { useDocumentTitle } from '../lib/useDocumentTitle';

const linkClass = 'font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400';

export function ProgressPage() {
  useDocumentTitle('Progress');
  const progress = useProgress();
  return (
    <>
      <PageHeader
        title="Progress"
        lead="Your streak, the last year of reviews, what is coming up, and how well each area is sticking."
      />
      {progress.isPending ? (
        <Loading label="Loading your progress…" />
      ) : progress.isError ? (
        <QueryError error={progress.error} onRetry={() => progress.refetch()} />
      ) : (
        <div className="space-y-6">
          <StatTiles summary={progress.data} />
          {progress.data.totalReviews === 0 && (
            <Notice>
              No reviews yet.{' '}
              <Link to="/study" className={linkClass}>
                Start studying
              </Link>{' '}
              and this page fills up as you go.
            </Notice>
          )}
          <Panel title="Reviews in the last year" id="heatmap-title">
            <Heatmap days={progress.data.heatmap} />
          </Panel>
          <DueChart days={progress.data.dueNext30} />
          <div className="grid gap-6 lg:grid-cols-2">
            <RetentionChart areas={progress.data.retentionByArea} />
            <MasteryChart areas={progress.data.masteryByArea} />
          </div>
          <OptimizationPanel />
        </div>
      )}
    </>
  );
}
