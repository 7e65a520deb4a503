import type { ReactNode, RefObject } from 'react';
import { Link } from 'react-router';
import type { CardDetail, KeyPointMatch } from '../api';
import { HtmlContent } from './HtmlContent';
import { CheckIcon, CrossIcon } from './Icons';

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mt-8">
      <h3 className="mb-3 text-sm font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
        {title}
      </h3>
      {children}
    </section>
  );
}

function KeyPoint({ point, match }: { point: string; match: KeyPointMatch | undefined }) {
  if (!match) {
    return (
      <li className="flex gap-2.5 text-slate-800 dark:text-slate-200">
        <CheckIcon className="mt-1 size-4 shrink-0 text-emerald-700 dark:text-emerald-400" />
        <span>{point}</span>
      </li>
    );
  }
  return (
    <li className="flex gap-2.5 text-slate-800 dark:text-slate-200">
      {match.covered ? (
        <CheckIcon className="mt-1 size-4 shrink-0 text-emerald-700 dark:text-emerald-400" />
      ) : (
        <CrossIcon className="mt-1 size-4 shrink-0 text-rose-700 dark:text-rose-400" />
      )}
      <span>
        <span className="sr-only">{match.covered ? 'Covered: ' : 'Missed: '}</span>
        {point}
        {!match.covered && match.missing.length > 0 && (
          <span className="mt-0.5 block text-sm text-slate-600 dark:text-slate-400">
            Missing: {match.missing.join(', ')}
          </span>
        )}
      </span>
    </li>
  );
}

/** Everything behind "Reveal answer". With `matches`, key points show what a typed answer covered. */
export function CardAnswer({
  card,
  headingRef,
  matches,
}: {
  card: CardDetail;
  headingRef: RefObject<HTMLHeadingElement | null>;
  matches?: KeyPointMatch[] | undefined;
}) {
  const matchOf = new Map((matches ?? []).map((m) => [m.keyPoint, m]));
  const guideHref = `/topics/${encodeURIComponent(card.topicId)}${card.section ? `#${encodeURIComponent(card.section)}` : ''}`;
  return (
    <section
      aria-labelledby="answer-title"
      className="mt-8 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-7 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2
        id="answer-title"
        ref={headingRef}
        tabIndex={-1}
        className="text-xl font-semibold text-slate-900 dark:text-white"
      >
        Answer
      </h2>

      {card.keyPoints.length > 0 && (
        <Block title="Key points">
          <ul className="space-y-2">
            {card.keyPoints.map((point, i) => (
              <KeyPoint key={point} point={point} match={matchOf.get(point) ?? matches?.[i]} />
            ))}
          </ul>
        </Block>
      )}

      {card.answerHtml && (
        <Block title={card.kind === 'predict' ? 'Output' : 'In a minute'}>
          <HtmlContent html={card.answerHtml} />
        </Block>
      )}

      {card.explanationHtml && (
        <Block title="Why">
          <HtmlContent html={card.explanationHtml} />
        </Block>
      )}

      {card.exampleHtml && (
        <Block title="Example">
          <HtmlContent html={card.exampleHtml} className="max-w-none" />
          {card.exampleOutput && (
            <figure className="mt-3">
              <figcaption className="mb-1.5 text-sm font-medium text-slate-600 dark:text-slate-400">
                Output
              </figcaption>
              <pre className="overflow-x-auto rounded-lg bg-slate-900 p-4 font-mono text-sm leading-6 text-slate-100 dark:bg-black dark:text-slate-200">
                {card.exampleOutput}
              </pre>
            </figure>
          )}
        </Block>
      )}

      {card.followUpHtml && (
        <Block title="Follow-up">
          <div className="rounded-lg border-l-4 border-amber-500 bg-amber-50 p-4 dark:border-amber-400 dark:bg-amber-950/30">
            <HtmlContent html={card.followUpHtml} />
          </div>
        </Block>
      )}

      <p className="mt-8 border-t border-slate-200 pt-5 dark:border-slate-800">
        <Link
          to={guideHref}
          className="font-medium text-emerald-700 underline-offset-2 hover:underline dark:text-emerald-400"
        >
          Read this in the guide →
        </Link>
      </p>
    </section>
  );
}
