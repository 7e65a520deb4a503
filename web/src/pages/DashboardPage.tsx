import type { StudyMeta, User } from '../api';
import { FeatureCard } from '../components/FeatureCard';
import { BookIcon, BrainIcon, CardsIcon, ChartIcon, TerminalIcon, UsersIcon } from '../components/Icons';
import { PageHeader } from '../components/PageHeader';
import { TodayPanel } from '../components/study/TodayPanel';
import { plural } from '../lib/format';
import { useStudySummary } from '../lib/study';
import { useDocumentTitle } from '../lib/useDocumentTitle';

function greeting(date = new Date()): string {
  const hour = date.getHours();
  if (hour < 5) return 'Working late';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

function lead(meta: StudyMeta | undefined): string {
  const first = 'A good first step: read the guide of one topic, then study its cards.';
  if (!meta) return first;
  if (meta.dueToday + meta.newToday === 0) {
    return meta.reviewsDoneToday + meta.newDoneToday > 0
      ? 'You are done for today. Come back tomorrow to keep the streak going.'
      : `Nothing is due right now. ${first}`;
  }
  if (meta.dueToday === 0) return `${plural(meta.newToday, 'new card')} to meet today.`;
  return `${plural(meta.dueToday, 'review')} waiting: a few minutes now keeps them fresh.`;
}

export function DashboardPage({ user }: { user: User }) {
  useDocumentTitle('Dashboard');
  const summary = useStudySummary();
  const firstName = user.name.trim().split(/\s+/)[0] || user.name;
  return (
    <>
      <PageHeader title={`${greeting()}, ${firstName}`} lead={lead(summary.data)} />
      <TodayPanel />
      <section aria-labelledby="start-title">
        <h2 id="start-title" className="mb-4 text-lg font-semibold text-slate-900 dark:text-white">
          Where to go next
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <li>
            <FeatureCard icon={<BookIcon />} title="Topics and guides" to="/topics">
              Thirteen areas, from the event loop to system design. Short reads with runnable examples.
            </FeatureCard>
          </li>
          <li>
            <FeatureCard icon={<CardsIcon />} title="Card browser" to="/cards">
              Every interview question, filterable by topic, level and tag.
            </FeatureCard>
          </li>
          <li>
            <FeatureCard icon={<BrainIcon />} title="Study" to="/study">
              Daily reviews on a spaced-repetition schedule. Space to reveal, 1–4 to rate.
            </FeatureCard>
          </li>
          <li>
            <FeatureCard icon={<TerminalIcon />} title="Exercises" to="/exercises">
              Coding and debugging tasks in the browser, graded by hidden tests on a real Node.js.
            </FeatureCard>
          </li>
          <li>
            <FeatureCard icon={<UsersIcon />} title="Mock interviews">
              Timed stages alone, or a room with a peer as interviewer.
            </FeatureCard>
          </li>
          <li>
            <FeatureCard icon={<ChartIcon />} title="Progress" to="/progress">
              Review heat-map, retention and mastery per area.
            </FeatureCard>
          </li>
        </ul>
      </section>
    </>
  );
}
