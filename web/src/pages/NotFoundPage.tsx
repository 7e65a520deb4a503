import { ButtonLink } from '../components/Button';
import { PageHeader } from '../components/PageHeader';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function NotFoundPage({ what = 'page' }: { what?: string }) {
  useDocumentTitle('Not found');
  return (
    <div className="py-8">
      <p className="mb-2 font-mono text-sm font-semibold text-emerald-700 dark:text-emerald-400">404</p>
      <PageHeader
        title={`We could not find that ${what}`}
        lead="It may have moved, or the address may be mistyped."
      />
      <div className="flex flex-wrap gap-3">
        <ButtonLink to="/">Go to the home page</ButtonLink>
        <ButtonLink to="/topics" variant="secondary">
          Browse topics
        </ButtonLink>
      </div>
    </div>
  );
}
