import { useLocation } from 'react-router';
import { StatusMessage } from '../components/Alert';
import { ButtonLink } from '../components/Button';
import { BookIcon, BrainIcon, TerminalIcon, UsersIcon } from '../components/Icons';
import { useDocumentTitle } from '../lib/useDocumentTitle';

const FEATURES = [
  {
    icon: <BookIcon />,
    title: 'Short guides',
    text: 'One per topic, a few screens each, with examples that really run.',
  },
  {
    icon: <BrainIcon />,
    title: 'Spaced repetition',
    text: 'Cards come back just before you would forget them.',
  },
  {
    icon: <TerminalIcon />,
    title: 'Practice that runs',
    text: 'Predict the output, then let a real Node.js decide.',
  },
  {
    icon: <UsersIcon />,
    title: 'Mock interviews',
    text: 'Rehearse the loop alone or with a peer, scored on a shared rubric.',
  },
];

const AREAS = [
  'Event loop',
  'Node core',
  'Express',
  'NestJS',
  'REST',
  'GraphQL',
  'SQL',
  'MongoDB',
  'PostgreSQL',
  'Auth',
  'Security',
  'System design',
  'WebSockets',
];

export function LandingPage() {
  useDocumentTitle(undefined);
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;

  return (
    <div className="space-y-16">
      {flash && <StatusMessage message={flash} />}
      <section aria-labelledby="hero-title" className="max-w-3xl pt-4">
        <p className="mb-3 text-sm font-semibold tracking-wide text-emerald-700 uppercase dark:text-emerald-400">
          Node.js backend interviews
        </p>
        <h1
          id="hero-title"
          tabIndex={-1}
          className="text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl dark:text-white"
        >
          Prepare by understanding, not memorising.
        </h1>
        <p className="mt-5 text-lg leading-8 text-slate-600 dark:text-slate-400">
          Read short guides, drill questions on a spaced-repetition schedule, prove claims by running real
          code, and rehearse the interview loop, from the phone screen to the on-site.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <ButtonLink to="/signup" className="px-5">
            Create a free account
          </ButtonLink>
          <ButtonLink to="/signin" variant="secondary" className="px-5">
            Sign in
          </ButtonLink>
          <ButtonLink to="/topics" variant="ghost">
            Browse the topics →
          </ButtonLink>
        </div>
      </section>

      <section aria-labelledby="features-title">
        <h2 id="features-title" className="sr-only">
          What you get
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {FEATURES.map((f) => (
            <li
              key={f.title}
              className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
            >
              <span className="mb-4 inline-flex size-10 items-center justify-center rounded-lg bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200">
                {f.icon}
              </span>
              <h3 className="font-semibold text-slate-900 dark:text-white">{f.title}</h3>
              <p className="mt-1.5 text-sm text-slate-600 dark:text-slate-400">{f.text}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="areas-title" className="max-w-3xl">
        <h2 id="areas-title" className="text-xl font-semibold text-slate-900 dark:text-white">
          13 topic areas, junior to senior
        </h2>
        <ul className="mt-4 flex flex-wrap gap-2">
          {AREAS.map((a) => (
            <li
              key={a}
              className="rounded-full border border-slate-200 bg-white px-3 py-1 text-sm text-slate-700 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300"
            >
              {a}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
