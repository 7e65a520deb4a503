import { useEffect, useId, useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useMe, useSignOut } from '../lib/auth';
import { buttonClass } from './Button';
import { CloseIcon, MenuIcon } from './Icons';
import { ThemeToggle } from './ThemeToggle';

const NAV = [
  { to: '/topics', label: 'Topics' },
  { to: '/cards', label: 'Cards' },
  { to: '/exercises', label: 'Exercises' },
];

/** Links that need an account. */
const MEMBER_NAV = [
  { to: '/study', label: 'Study' },
  { to: '/progress', label: 'Progress' },
];

function NavItems() {
  const { user } = useMe();
  const items = user ? [...NAV, ...MEMBER_NAV] : NAV;
  return items.map((item) => (
    <li key={item.to}>
      <NavLink to={item.to} className={navLinkClass}>
        {item.label}
      </NavLink>
    </li>
  ));
}

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `block rounded-lg px-3 py-2 text-sm font-medium transition-colors ${
    isActive
      ? 'bg-emerald-50 text-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-300'
      : 'text-slate-700 hover:bg-slate-200/70 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white'
  }`;

export function Header() {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const location = useLocation();

  // Close the phone menu after navigating, and on Escape.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation on purpose
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-4 px-4 sm:px-6">
        <Logo />
        <nav aria-label="Main" className="hidden md:block">
          <ul className="flex gap-1">
            <NavItems />
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <ThemeToggle />
          <div className="hidden items-center gap-2 md:flex">
            <AuthActions />
          </div>
          <button
            type="button"
            className="inline-flex size-10 items-center justify-center rounded-lg text-slate-700 hover:bg-slate-200/70 md:hidden dark:text-slate-200 dark:hover:bg-slate-800"
            aria-expanded={open}
            aria-controls={menuId}
            onClick={() => setOpen((v) => !v)}
          >
            {open ? <CloseIcon /> : <MenuIcon />}
            <span className="sr-only">Menu</span>
          </button>
        </div>
      </div>
      <div
        id={menuId}
        hidden={!open}
        className="border-t border-slate-200 px-4 pt-2 pb-4 md:hidden dark:border-slate-800"
      >
        <nav aria-label="Main">
          <ul className="space-y-1">
            <NavItems />
          </ul>
        </nav>
        <div className="mt-3 flex flex-wrap items-center gap-2 border-t border-slate-200 pt-3 dark:border-slate-800">
          <AuthActions />
        </div>
      </div>
    </header>
  );
}

function Logo() {
  return (
    <Link
      to="/"
      className="flex items-center gap-2 rounded-lg font-bold tracking-tight text-slate-900 dark:text-white"
    >
      <img src="/favicon.svg" alt="" className="size-7" />
      <span className="text-lg">nodeprep</span>
    </Link>
  );
}

function AuthActions() {
  const { user, isLoading } = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();

  if (isLoading) return null;
  if (!user) {
    return (
      <>
        <NavLink to="/signin" className={navLinkClass}>
          Sign in
        </NavLink>
        <Link to="/signup" className={buttonClass('primary')}>
          Sign up
        </Link>
      </>
    );
  }
  return (
    <>
      <NavLink to="/account" className={navLinkClass}>
        <span className="sr-only">Account: </span>
        {user.name}
      </NavLink>
      <button
        type="button"
        className={buttonClass('secondary')}
        disabled={signOut.isPending}
        onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/', { replace: true }) })}
      >
        Sign out
      </button>
    </>
  );
}
