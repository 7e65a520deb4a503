import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type Rating, type StudyItem } from '../../api';
import { useCard } from '../../lib/queries';
import { useShortcuts } from '../../lib/useShortcuts';
import type { RateInput } from '../../lib/useStudySession';
import { Difficulty, KindBadge, LevelBadge, StateBadge } from '../Badges';
import { Button } from '../Button';
import { CardAnswer } from '../CardAnswer';
import { PredictCode } from '../PredictCode';
import { Loading, QueryError } from '../Status';
import { CardNote } from './CardNote';
import { PredictFeedback } from './PredictFeedback';
import { bottomBarClass, RatingBar } from './RatingBar';
import { TypedAnswerFeedback, TypedAnswerInput } from './TypedAnswer';

/** Longer than this counts as "walked away": the duration is capped so it does not skew stats. */
const MAX_DURATION_MS = 60 * 60_000;

interface StudyCardProps {
  item: StudyItem;
  topicTitle: string | undefined;
  note: string | null;
  /** Move focus to the question when shown (after a rating, not on page load). */
  focusOnShow: boolean;
  onNoteSaved: (text: string) => void;
  onRate: (input: RateInput) => void;
}

/** One card of the session: question, optional typed answer, answer, rating. Mounted afresh per showing. */
export function StudyCard({ item, topicTitle, note, focusOnShow, onNoteSaved, onRate }: StudyCardProps) {
  const { card } = item;
  const detail = useCard(card.id);
  const [revealed, setRevealed] = useState(false);
  const [typed, setTyped] = useState('');
  const [editingNote, setEditingNote] = useState(false);
  const shownAt = useRef(performance.now());
  const questionRef = useRef<HTMLHeadingElement>(null);
  const answerRef = useRef<HTMLHeadingElement>(null);
  const revealedRef = useRef<HTMLDivElement>(null);
  const focusAnswer = useRef(false);
  const isPredict = card.kind === 'predict';
  const check = useMutation({ mutationFn: (text: string) => api.checkTypedAnswer(card.id, text) });
  const { mutate: checkAnswer } = check;
  // A predicted output is judged by running the snippet on the server.
  const predict = useMutation({ mutationFn: (output: string) => api.answerPredict(card.id, output) });
  const { mutate: checkPrediction } = predict;

  useEffect(() => {
    shownAt.current = performance.now();
    if (!focusOnShow) return;
    window.scrollTo({ top: 0 });
    questionRef.current?.focus({ preventScroll: true });
  }, [focusOnShow]);

  const reveal = useCallback(() => {
    if (revealed) return;
    setRevealed(true);
    if (isPredict) {
      // Output is compared line by line: keep inner spacing, drop only trailing blank lines.
      const output = typed.replace(/\s+$/, '');
      if (output) checkPrediction(output);
    } else {
      const text = typed.trim();
      if (text) checkAnswer(text);
    }
    focusAnswer.current = true;
  }, [revealed, typed, isPredict, checkAnswer, checkPrediction]);

  // Once the answer is on screen (it may still be loading at reveal): focus it so screen reader
  // users hear it next, and bring it up if it starts low, where the rating bar would cover it.
  const answerShown = revealed && Boolean(detail.data);
  useEffect(() => {
    if (!answerShown || !focusAnswer.current) return;
    focusAnswer.current = false;
    answerRef.current?.focus({ preventScroll: true });
    const block = revealedRef.current;
    if (block && block.getBoundingClientRect().top > window.innerHeight * 0.6)
      block.scrollIntoView({ block: 'start' });
  }, [answerShown]);

  const rate = (rating: Rating) => {
    if (!revealed) return;
    const durationMs = Math.min(MAX_DURATION_MS, Math.round(performance.now() - shownAt.current));
    onRate({ rating, durationMs, typedAnswer: typed });
  };

  useShortcuts({
    ' ': reveal,
    '1': () => rate('again'),
    '2': () => rate('hard'),
    '3': () => rate('good'),
    '4': () => rate('easy'),
    e: () => setEditingNote(true),
  });

  return (
    <article aria-labelledby="study-question">
      <div className="mb-3 flex flex-wrap items-center gap-2 text-xs">
        <span className="font-medium text-slate-600 dark:text-slate-400">{topicTitle ?? card.topicId}</span>
        <StateBadge state={item.state} />
        <LevelBadge level={card.level} />
        <KindBadge kind={card.kind} />
        <Difficulty value={card.difficulty} />
      </div>
      <h2
        id="study-question"
        ref={questionRef}
        tabIndex={-1}
        className="text-xl font-bold tracking-tight text-slate-900 sm:text-2xl dark:text-white"
      >
        {card.question}
      </h2>

      {card.kind === 'predict' &&
        (detail.data ? (
          <PredictCode card={detail.data} heading="The code." />
        ) : (
          detail.isPending && <Loading label="Loading the code…" />
        ))}

      <CardNote
        cardId={card.id}
        note={note}
        editing={editingNote}
        onEdit={() => setEditingNote(true)}
        onClose={() => setEditingNote(false)}
        onSaved={onNoteSaved}
      />

      {!revealed ? (
        <>
          {isPredict ? (
            <TypedAnswerInput
              value={typed}
              onChange={setTyped}
              onSubmit={reveal}
              label="What does this print?"
              hint="Type the exact output, one line per line. The real Node.js checks it when you reveal."
              code
            />
          ) : (
            <TypedAnswerInput value={typed} onChange={setTyped} onSubmit={reveal} />
          )}
          <div className={`${bottomBarClass} flex items-center justify-between gap-3 pt-3`}>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Answer it out loud or in the box, then check.
            </p>
            <Button onClick={reveal} aria-keyshortcuts="Space" className="min-h-12 shrink-0">
              Reveal answer
              <kbd className="hidden rounded border border-white/40 px-1.5 font-mono text-xs sm:inline dark:border-slate-950/40">
                Space
              </kbd>
            </Button>
          </div>
        </>
      ) : (
        <div ref={revealedRef} className="scroll-mt-20">
          {isPredict && typed.trim() && (
            <PredictFeedback
              prediction={typed}
              result={predict.data}
              pending={predict.isPending}
              error={predict.error}
            />
          )}
          {!isPredict && typed.trim() && (
            <TypedAnswerFeedback
              text={typed.trim()}
              result={check.data}
              pending={check.isPending}
              error={check.error}
            />
          )}
          {detail.data ? (
            <CardAnswer card={detail.data} headingRef={answerRef} matches={check.data?.points} />
          ) : detail.isPending ? (
            <Loading label="Loading the answer…" />
          ) : (
            <div className="mt-8">
              <QueryError error={detail.error} onRetry={() => detail.refetch()} />
            </div>
          )}
          <RatingBar
            intervals={item.intervals}
            suggested={(isPredict ? predict.data : check.data)?.suggestedRating}
            onRate={rate}
          />
        </div>
      )}
    </article>
  );
}
