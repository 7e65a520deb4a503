import { Breadcrumbs } from '../components/Breadcrumbs';
import { PageHeader } from '../components/PageHeader';
import { PlanForm } from '../components/plan/PlanForm';
import { PlanSummary } from '../components/plan/PlanSummary';
import { Loading, QueryError } from '../components/Status';
import { useTopics } from '../lib/queries';
import { useStudyPlan, useStudySettings } from '../lib/study';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function PlanPage() {
  useDocumentTitle('Study plan');
  const settings = useStudySettings();
  const plan = useStudyPlan();
  const topics = useTopics();

  return (
    <div className="max-w-3xl">
      <Breadcrumbs items={[{ to: '/study', label: 'Study' }, { label: 'Plan' }]} />
      <PageHeader
        title="Your study plan"
        lead="Tell nodeprep when your interview is and how much time you have: it paces new cards so you have seen them all, with time to spare."
      />
      <div className="mb-8">
        {plan.isPending ? (
          <Loading label="Working out your plan…" />
        ) : plan.isError ? (
          <QueryError error={plan.error} onRetry={() => plan.refetch()} />
        ) : (
          <div aria-live="polite" aria-busy={plan.isFetching}>
            <PlanSummary plan={plan.data} />
          </div>
        )}
      </div>
      {settings.isPending || topics.isPending ? (
        <Loading label="Loading your settings…" />
      ) : settings.isError ? (
        <QueryError error={settings.error} onRetry={() => settings.refetch()} />
      ) : (
        <PlanForm
          settings={settings.data}
          topics={topics.data ?? []}
          planNewPerDay={plan.data?.enabled ? plan.data.newPerDay : null}
        />
      )}
    </div>
  );
}
