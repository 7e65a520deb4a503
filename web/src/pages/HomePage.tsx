import { Loading } from '../components/Status';
import { useMe } from '../lib/auth';
import { DashboardPage } from './DashboardPage';
import { LandingPage } from './LandingPage';

/** "/" is the dashboard when signed in and the landing page otherwise. */
export function HomePage() {
  const { user, isLoading } = useMe();
  if (isLoading) return <Loading />;
  return user ? <DashboardPage user={user} /> : <LandingPage />;
}
