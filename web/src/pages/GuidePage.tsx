import { useEffect, useMemo } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError, type Topic } from '../api';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { HtmlContent } from '../components/HtmlContent';
import { Loading, QueryError } from '../components/Status';
import { TocDisclosure, TocSidebar } from '../components/TableOfContents';
import { useTopic } from '../lib/queries';
import { useActiveHeading } from '../lib/useActiveHeading';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { NotFoundPage } from './NotFoundPage';

export function GuidePage() {
  const { id = '' } = useParams();
  const topic = useTopic(id);
  useDocumentTitle(topic.data?.title ?? 'Guide');

  if (topic.isPending) return <Loading label="Loading the guide…" />;
  if (topic.isError) {
    if (topic.error instanceof ApiError && topic.error.status === 404) return <NotFoundPage what="topic" />;
    return <QueryError error={topic.error} onRetry={() => topic.refetch()} />;
  }
  return <Guide topic={topic.data} />;
}

function Guide({ topic }: { topic: Topic }) {
  const ids = useMemo(() => topic.toc.map((e) => e.id), [topic.toc]);
  const active = useActiveHeading(ids);
  useScrollToHash();

  return (
    <>
      <Breadcrumbs items={[{ to: '/topics', label: 'Topics' }, { label: topic.title }]} />
      <div className="lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-12">
        <article aria-labelledby="guide-title" className="min-w-0">
          <header className="mb-8 max-w-[70ch]">
            <h1
              id="guide-title"
              tabIndex={-1}
              className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl dark:text-white"
            >
              {topic.title}
            </h1>
            <p className="mt-3 text-lg text-slate-600 dark:text-slate-400">{topic.summary}</p>
            <ul className="mt-4 flex flex-wrap gap-x-5 gap-y-2 text-sm text-slate-600 dark:text-slate-400">
              <li>
                Checked on Node.js <span className="font-mono">{topic.nodeVersion}</span>
              </li>
              <li>
                <Link
                  to={`/cards?topic=${encodeURIComponent(topic.id)}`}
                  className="font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400"
                >
                  {topic.cardCount} {topic.cardCount === 1 ? 'card' : 'cards'} on this topic
                </Link>
              </li>
            </ul>
          </header>
          <div className="mb-8">
            <TocDisclosure entries={topic.toc} active={active} />
          </div>
          <HtmlContent html={topic.guideHtml} />
        </article>
        <aside className="hidden lg:block">
          <TocSidebar entries={topic.toc} active={active} />
        </aside>
      </div>
    </>
  );
}

/** The guide arrives after navigation, so scroll to #section once it is in the DOM. */
function useScrollToHash() {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, [hash]);
}
