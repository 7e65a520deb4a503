import type { Actor } from '../../../core/access.js';
import { DAY_MS, startOfUtcDay } from '../../../core/days.js';
import { AppError } from '../../../core/errors.js';
import { describePlan, planNewCards, retentionForDaysLeft } from '../../../core/study/plan.js';
import { buildQueue, forecast } from '../../../core/study/queue.js';
import {
  applyReview,
  type CardSchedule,
  intervalPreviewer,
  newSchedule,
  type Rating,
  retrievability,
  type SchedulerSettings,
} from '../../../core/study/scheduler.js';
import { matchKeyPoints } from '../../../core/study/typed-answer.js';
import type { CatalogueCard, StoredReview, StudyRepo, StudySettingsRow } from './study.repo.js';

const seedOf = (userId: string, cardId: string, reviewId: string) => `${userId}:${cardId}:${reviewId}`;

export interface ScheduleView {
  state: CardSchedule['state'];
  due: string;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  lastReview: string | null;
  scheduledDays: number;
}

export const presentSchedule = (s: CardSchedule): ScheduleView => ({
  state: s.state,
  due: s.due.toISOString(),
  stability: s.stability,
  difficulty: s.difficulty,
  reps: s.reps,
  lapses: s.lapses,
  lastReview: s.lastReview ? s.lastReview.toISOString() : null,
  scheduledDays: s.scheduledDays,
});

const reviveSchedule = (json: Record<string, unknown>): CardSchedule => ({
  ...(json as unknown as CardSchedule),
  due: new Date(json.due as string),
  lastReview: json.lastReview ? new Date(json.lastReview as string) : null,
});

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || /duplicate key value/.test(e?.message ?? '');
}

/** How often a review re-reads the card after another review of it got there first. */
const MAX_REVIEW_ATTEMPTS = 50;

/** Studying: the review log, the scheduler, the daily queue, interview-date plans. */
export function studyService(deps: {
  repo: StudyRepo;
  now?: () => Date;
  /** The curriculum version in force (the content service's, re-read every few seconds). */
  contentVersion?: () => Promise<number>;
}) {
  const { repo } = deps;
  const now = deps.now ?? (() => new Date());
  const contentVersion = deps.contentVersion ?? (() => repo.contentVersion());

  // The curriculum only changes with a sync, which records a new version: the queue's card list
  // is kept per version, and only the learner's own rows are read per request.
  let catalogue: { version: number; cards: Promise<CatalogueCard[]> } | undefined;
  async function currentCatalogue(): Promise<CatalogueCard[]> {
    const version = await contentVersion();
    if (catalogue?.version !== version) {
      const entry = { version, cards: repo.catalogue() };
      catalogue = entry;
      entry.cards.catch(() => {
        if (catalogue === entry) catalogue = undefined;
      });
    }
    return catalogue.cards;
  }

  /** The scheduler settings in force today (retention rises as the interview nears). */
  function schedulerSettings(s: StudySettingsRow, today: Date): Partial<SchedulerSettings> {
    let desiredRetention = s.desiredRetention;
    if (s.interviewDate) {
      const daysLeft = Math.round(
        (Date.parse(`${s.interviewDate}T00:00:00Z`) - startOfUtcDay(today).getTime()) / DAY_MS,
      );
      desiredRetention = Math.max(desiredRetention, retentionForDaysLeft(daysLeft, s.desiredRetention));
    }
    return { desiredRetention, ...(s.weights ? { weights: s.weights } : {}) };
  }

  function planFor(s: StudySettingsRow, unseen: number, today: Date) {
    if (!s.interviewDate || !s.hoursPerWeek) return undefined;
    return planNewCards({
      today: startOfUtcDay(today),
      interviewDate: new Date(`${s.interviewDate}T00:00:00Z`),
      unseenCards: unseen,
      hoursPerWeek: s.hoursPerWeek,
    });
  }

  const reviewResult = (row: {
    id: string;
    card_id: string;
    rating: string;
    reviewed_at: Date | string;
    schedule_after: Record<string, unknown>;
  }) => ({
    review: {
      id: row.id,
      cardId: row.card_id,
      rating: row.rating as Rating,
      reviewedAt: new Date(row.reviewed_at).toISOString(),
    },
    schedule: presentSchedule(reviveSchedule(row.schedule_after)),
  });

  return {
    /**
     * Appends a review and answers the card's new schedule. The same id again returns the first
     * result and changes nothing; reviews of one card are serialised by a row lock.
     */
    async review(
      actor: Actor,
      input: {
        id: string;
        cardId: string;
        rating: Rating;
        durationMs?: number | undefined;
        typedAnswer?: string | undefined;
      },
    ): Promise<{ created: boolean; result: ReturnType<typeof reviewResult> }> {
      // One statement reads, one writes: the write only lands if the card's state is still the
      // one read, so reviews of a card are serialised without holding a lock across round trips.
      for (let attempt = 1; ; attempt++) {
        const { existing, cardLive, settings, state } = await repo.reviewInputs(
          input.id,
          actor.userId,
          input.cardId,
        );
        if (existing) return { created: false, result: replayed(actor, existing) };
        if (!cardLive) throw new AppError('not_found', `No card "${input.cardId}"`);
        // Read the clock only after the state, so a card's reviews are in time order.
        let at = now();
        if (state?.lastReview && at < state.lastReview) at = state.lastReview;
        const before = state ?? newSchedule(at);
        const scheduler = schedulerSettings(settings, at);
        const after = applyReview(
          before,
          input.rating,
          at,
          scheduler,
          seedOf(actor.userId, input.cardId, input.id),
        );
        const row = {
          id: input.id,
          user_id: actor.userId,
          card_id: input.cardId,
          rating: input.rating,
          reviewed_at: at,
          duration_ms: input.durationMs ?? null,
          typed_answer: input.typedAnswer ?? null,
          was_new: before.state === 'new',
          retrievability: before.state === 'review' ? retrievability(before, at, scheduler) : null,
          state_before: before.state,
          schedule_after: JSON.stringify(after),
          scheduler: JSON.stringify(scheduler),
        };
        let written: boolean;
        try {
          written = await repo.recordReview(row, state, after);
        } catch (err) {
          // Two requests with one id raced: the loser answers what the winner stored.
          if (isUniqueViolation(err)) {
            const winner = await repo.findReview(input.id);
            if (winner) return { created: false, result: replayed(actor, winner) };
          }
          throw err;
        }
        if (written) {
          return {
            created: true,
            result: reviewResult({ ...row, schedule_after: JSON.parse(row.schedule_after) }),
          };
        }
        if (attempt === MAX_REVIEW_ATTEMPTS) {
          throw new AppError('conflict', 'This card is being reviewed elsewhere at the same time; try again');
        }
      }
    },

    /** Undoes the learner's last review: stamps it undone and rebuilds the card from its log. */
    async undo(actor: Actor) {
      return repo.transaction(async (trx) => {
        const last = await repo.lastReview(actor.userId, trx);
        if (!last) throw new AppError('not_found', 'There is no review to undo');
        await repo.markUndone(last.id, trx);
        const schedule = await rebuildCard(actor.userId, last.card_id, trx);
        return {
          undone: { id: last.id, cardId: last.card_id, rating: last.rating },
          schedule: schedule ? presentSchedule(schedule) : null,
        };
      });
    },

    /** Rebuilds card states from the review log (all users, or one). */
    async rebuild(userId?: string): Promise<number> {
      const pairs = await repo.reviewedPairs(userId);
      for (const p of pairs) await repo.transaction((trx) => rebuildCard(p.user_id, p.card_id, trx));
      return pairs.length;
    },

    async queue(
      actor: Actor,
      query: { topic?: string | undefined; level?: string | undefined; limit: number },
    ) {
      const at = now();
      const [all, { settings, states, notes, done }] = await Promise.all([
        currentCatalogue(),
        repo.queueInputs(actor.userId, startOfUtcDay(at)),
      ]);
      const topics = query.topic ? [query.topic] : settings.topics;
      const cards = all.filter(
        (c) =>
          (topics.length === 0 || topics.includes(c.topicId)) && (!query.level || c.level === query.level),
      );
      const queueCards = cards.map((c) => ({
        id: c.id,
        area: c.topicId,
        schedule: states.get(c.id) ?? null,
      }));
      const unseen = queueCards.filter((c) => !c.schedule || c.schedule.state === 'new').length;
      const plan = planFor(settings, unseen + done.newDone, at);
      const newPerDay = plan ? plan.newPerDay : settings.newPerDay;
      const endOfDay = new Date(startOfUtcDay(at).getTime() + DAY_MS);
      const items = buildQueue({
        cards: queueCards,
        now: at,
        endOfDay,
        limits: { newPerDay, reviewsPerDay: settings.reviewsPerDay },
        done,
        limit: query.limit,
      });
      const byId = new Map(cards.map((c) => [c.id, c]));
      // Intervals are previewed for the returned items only, with one engine for the request.
      const preview = intervalPreviewer(schedulerSettings(settings, at));
      const schedules = queueCards.flatMap((c) =>
        c.schedule && c.schedule.state !== 'new' ? [c.schedule] : [],
      );
      const dueToday = schedules.filter((s) =>
        s.state === 'review' ? s.due < endOfDay : s.due.getTime() <= at.getTime(),
      ).length;
      return {
        data: items.map((item) => {
          const stored = states.get(item.id);
          const schedule = stored ?? newSchedule(at);
          const intervals = preview(schedule, at, seedOf(actor.userId, item.id, 'preview'));
          return {
            card: byId.get(item.id)!,
            state: schedule.state,
            due: stored ? schedule.due.toISOString() : null,
            intervals: {
              again: intervals.again.toISOString(),
              hard: intervals.hard.toISOString(),
              good: intervals.good.toISOString(),
              easy: intervals.easy.toISOString(),
            },
            note: notes.get(item.id) ?? null,
          };
        }),
        meta: {
          dueToday,
          newToday: Math.max(0, Math.min(unseen, newPerDay - done.newDone)),
          newLimit: newPerDay,
          reviewLimit: settings.reviewsPerDay,
          newDoneToday: done.newDone,
          reviewsDoneToday: done.reviewsDone,
          forecast: forecast(schedules, at, 7),
        },
      };
    },

    settings: (actor: Actor) => repo.settings(actor.userId),

    async updateSettings(actor: Actor, patch: Partial<StudySettingsRow>) {
      const next = { ...(await repo.settings(actor.userId)), ...patch };
      await repo.saveSettings(actor.userId, next);
      return next;
    },

    async plan(actor: Actor) {
      const at = now();
      const settings = await repo.settings(actor.userId);
      const unseen = await repo.countUnseen(actor.userId, settings.topics);
      const plan = planFor(settings, unseen, at);
      const desiredRetention = schedulerSettings(settings, at).desiredRetention ?? settings.desiredRetention;
      if (!plan) {
        return {
          enabled: false,
          newPerDay: settings.newPerDay,
          finishIntroducingOn: null,
          daysBeforeInterview: null,
          percentSeenByInterview: null,
          feasible: true,
          reason: null,
          sentence: 'Set an interview date and your weekly hours to get a plan.',
          desiredRetention,
          unseenCards: unseen,
        };
      }
      return {
        enabled: true,
        newPerDay: plan.newPerDay,
        finishIntroducingOn: plan.finishIntroducingOn
          ? plan.finishIntroducingOn.toISOString().slice(0, 10)
          : null,
        daysBeforeInterview: plan.daysBeforeInterview,
        percentSeenByInterview: plan.percentSeenByInterview,
        feasible: plan.feasible,
        reason: plan.reason ?? null,
        sentence: describePlan(plan),
        desiredRetention,
        unseenCards: unseen,
      };
    },

    async typedAnswer(cardId: string, text: string) {
      const card = await repo.cardForStudy(cardId);
      if (!card || card.retired_at) throw new AppError('not_found', `No card "${cardId}"`);
      return matchKeyPoints(text, card.key_points, card.synonyms);
    },

    async saveNote(actor: Actor, cardId: string, text: string) {
      const card = await repo.cardForStudy(cardId);
      if (!card || card.retired_at) throw new AppError('not_found', `No card "${cardId}"`);
      await repo.saveNote(actor.userId, cardId, text);
      return { text };
    },
  };

  /** A stored review belongs to whoever made it; another user's id is a conflict, not a leak. */
  function replayed(actor: Actor, row: StoredReview) {
    if (row.user_id !== actor.userId) throw new AppError('conflict', 'This review id is already used');
    return reviewResult(row);
  }

  async function rebuildCard(userId: string, cardId: string, trx: Parameters<StudyRepo['lockStateRow']>[2]) {
    // Locked first, so a review of the card cannot land between reading the log and writing the state.
    await repo.lockStateRow(userId, cardId, trx);
    const log = await repo.reviewsOf(userId, cardId, trx);
    if (!log.length) {
      await repo.deleteState(userId, cardId, trx);
      return null;
    }
    // Each review is replayed with the settings it was made under (retention can rise daily).
    let schedule = newSchedule(new Date(log[0]!.reviewed_at));
    for (const r of log) {
      const at = new Date(r.reviewed_at);
      schedule = applyReview(
        schedule,
        r.rating,
        at,
        r.scheduler as Partial<SchedulerSettings>,
        seedOf(userId, cardId, r.id),
      );
    }
    await repo.writeState(userId, cardId, schedule, trx);
    return schedule;
  }
}

export type StudyService = ReturnType<typeof studyService>;
