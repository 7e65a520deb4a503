import type { CardDetail } from '../api';
import { HtmlContent } from './HtmlContent';

const MODULE_LABELS = { esm: 'as an ES module', cjs: 'as CommonJS' } as const;

/** The snippet of a "predict the output" card. */
export function PredictCode({
  card,
  heading = 'What does this print?',
}: {
  card: Pick<CardDetail, 'codeHtml' | 'module'>;
  heading?: string;
}) {
  if (!card.codeHtml) return null;
  return (
    <section aria-label="Code" className="mt-6">
      <p className="mb-2 text-sm font-medium text-slate-700 dark:text-slate-300">
        {heading}
        {card.module && (
          <span className="font-normal text-slate-600 dark:text-slate-400">
            {' '}
            Run {MODULE_LABELS[card.module]}.
          </span>
        )}
      </p>
      <HtmlContent html={card.codeHtml} className="max-w-none" />
    </section>
  );
}
