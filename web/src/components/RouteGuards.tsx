import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { safeNext, useMe } from '../lib/auth';
import { Loading } from './Status';

/** Renders children for signed-in users; sends others to /signin?next=… */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, isLoading } = useMe();
  const location = useLocation();
  if (isLoading) return <Loading />;
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/signin?next=${next}`} replace />;
  }
  return children;
}

/** Sign-in and sign-up pages: a signed-in user goes on to ?next= (or home). */
export function GuestOnly({ children }: { children: ReactNode }) {
  const { user, isLoading } = useMe();
  const [params] = useSearchParams();
  if (isLoading) return <Loading />;
  if (user) return <Navigate to={safeNext(params.get('next'))} replace />;
  return children;
}
