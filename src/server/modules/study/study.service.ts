import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import type { Actor } from '../../../core/access.js';
import { calendarDay, DAY_MS, startOfDay, startOfNextDay } from '../../../core/days.js';
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
import type { Cache } from '../../lib/cache.js';
import type { CatalogueCard, StoredReview, StudyRepo, StudySettingsRow } from './study.repo.js';
import type { queueResult } from './study.schema.js';

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

const QUEUE_TOKEN_TTL_S = 2 * 86_400;
const queueTokenKey = (userId: string) => `study:queue:${userId}`;

/**
 * Makes every instance's cached study queues of this learner stale. Call it after any write that
 * changes what the queue shows: reviews, undo, card states, study settings (FSRS weights too),
 * notes. The token lives in the app's cache layer (Redis when configured), so all instances see it.
 */
export async function invalidateStudyQueue(cache: Cache, userId: string): Promise<void> {
  await cache.set(queueTokenKey(userId), randomUUID(), QUEUE_TOKEN_TTL_S);
}

interface QueueItemTemplate {
  card: CatalogueCard;
  state: CardSchedule['state'];
  due: string | null;
  /** Each rating's next due time minus the request time, in ms. */
  offsets: [again: number, hard: number, good: number, easy: number];
  note: string | null;
}

/** A learner's queue with its time-dependent parts relative to the moment it is served. */
interface QueueTemplate {
  items: QueueItemTemplate[];
  /** As the response schema has it. */
  meta: z.infer<typeof queueResult>['meta'];
  /** The first moment at which a fresh computation could answer differently (ms). */
  validUntil: number;
}

interface CachedQueue {
  token: string;
  contentVersion: number;
  computedAt: number;
  template: QueueTemplate;
}

/**
 * The first moment after `at` when the queue built from these schedules could change with time
 * alone: a (re)learning step coming due, a forecast day boundary, or the end of the learner's day.
 * Previews do not add moments: ts-fsrs computes each rating's due time as the review time plus
 * an interval that depends on the time only through whole UTC days.
 */
function nextChange(schedules: readonly CardSchedule[], at: number, endOfDay: number, forecastDays: number) {
  let next = endOfDay;
  for (const s of schedules) {
    const due = s.due.getTime();
    if (s.state !== 'review' && due > at && due < next) next = due;
    // A card counts in forecast day k while due - now >= k days; one millisecond after
    // due - k days it moves to day k - 1. A queue computed at exactly that boundary changes next.
    for (let k = 1; k <= forecastDays; k++) {
      const moves = due - k * DAY_MS + 1;
      if (moves <= at) break;
      if (moves < next) next = moves;
    }
  }
  return next;
}

const FORECAST_DAYS = 7;

/** How often a review re-reads the card after another review of it got there first. */
const MAX_REVIEW_ATTEMPTS = 50;
/** How long this instance reuses a learner's settings for reviews (changes elsewhere show after it). */
const SETTINGS_TTL_MS = 2000;

/** Studying: the review log, the scheduler, the daily queue, interview-date plans. */
export function studyService(deps: {
  repo: StudyRepo;
  now?: () => Date;
  /** The curriculum version in force (the content service's, re-read every few seconds). */
  contentVersion?: () => Promise<number>;
  /** The app's cache layer; with it, queues are kept per learner until something changes them. */
  cache?: Cache;
}) {
  const { cache } = deps;
  const { repo } = deps;
  const now = deps.now ?? (() => new Date());
  const contentVersion = deps.contentVersion ?? (() => repo.contentVersion());

  // The curriculum only changes with a sync, which records a new version: the queue's card list
  // is kept per version, and only the learner's own rows are read per request.
  let catalogue: { version: number; cards: Promise<CatalogueCard[]> } | undefined;
  // Computed queues, per learner and query, valid while the learner's token in the cache layer
  // is unchanged, the content version is the same, and time has not reached `validUntil`.
  const queues = new LRUCache<string, CachedQueue>({ max: 5000 });
  // What this instance last read or wrote of a card's state, and a learner's settings for a
  // moment: a review then needs one statement, the compare-and-set write. The write only lands
  // if the stored state is still the one computed from, so a stale entry (a review on another
  // instance, a nudge, an undo elsewhere) costs a read and a retry, never a wrong state.
  const knownStates = new LRUCache<string, { state: CardSchedule | null }>({ max: 50_000 });
  const knownSettings = new LRUCache<string, StudySettingsRow>({ max: 10_000, ttl: SETTINGS_TTL_MS });
  const knownTimeZones = new LRUCache<string, string>({ max: 10_000 });
  let liveCards: { of: Promise<CatalogueCard[]>; ids: Promise<Set<string>> } | undefined;
  async function isLiveCard(cardId: string): Promise<boolean> {
    const cards = currentCatalogue();
    if (liveCards?.of !== cards)
      liveCards = { of: cards, ids: cards.then((c) => new Set(c.map((x) => x.id))) };
    return (await liveCards.ids).has(cardId);
  }

  /** The learner's current queue token, creating one if there is none (read before the data). */
  async function queueToken(userId: string): Promise<string | undefined> {
    if (!cache) return undefined;
    const token = await cache.get(queueTokenKey(userId));
    if (token) return token;
    const fresh = randomUUID();
    await cache.set(queueTokenKey(userId), fresh, QUEUE_TOKEN_TTL_S);
    return fresh;
  }

  async function changed(userId: string) {
    if (cache) await invalidateStudyQueue(cache, userId);
  }
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
        (Date.parse(`${s.interviewDate}T00:00:00Z`) - calendarDay(today, s.timeZone).getTime()) / DAY_MS,
      );
      desiredRetention = Math.max(desiredRetention, retentionForDaysLeft(daysLeft, s.desiredRetention));
    }
    return { desiredRetention, ...(s.weights ? { weights: s.weights } : {}) };
  }

  function planFor(s: StudySettingsRow, unseen: number, today: Date) {
    if (!s.interviewDate || !s.hoursPerWeek) return undefined;
    return planNewCards({
      today: calendarDay(today, s.timeZone),
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
        /** A rating sent late counts when it was made (never before the card's last review). */
        ratedAgoMs?: number | undefined;
      },
    ): Promise<{ created: boolean; result: ReturnType<typeof reviewResult> }> {
      // One statement reads, one writes: the write only lands if the card's state is still the
      // one read, so reviews of a card are serialised without holding a lock across round trips.
      const stateKey = `${actor.userId}|${input.cardId}`;
      for (let attempt = 1; ; attempt++) {
        // First try: what this instance already knows (a retried id then fails the write's
        // insert and is answered below). Otherwise, or after a lost race: read it all.
        const known = attempt === 1 ? knownStates.get(stateKey) : undefined;
        const knownSettingsRow = known ? knownSettings.get(actor.userId) : undefined;
        let settings: StudySettingsRow;
        let state: CardSchedule | null;
        if (known && knownSettingsRow && (await isLiveCard(input.cardId))) {
          settings = knownSettingsRow;
          state = known.state;
        } else {
          const read = await repo.reviewInputs(input.id, actor.userId, input.cardId);
          if (read.existing) return { created: false, result: replayed(actor, read.existing) };
          if (!read.cardLive) throw new AppError('not_found', `No card "${input.cardId}"`);
          settings = read.settings;
          state = read.state;
          knownSettings.set(actor.userId, settings);
        }
        // Read the clock only after the state, so a card's reviews are in time order.
        let at = input.ratedAgoMs ? new Date(now().getTime() - input.ratedAgoMs) : now();
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
        if (written) knownStates.set(stateKey, { state: after });
        else knownStates.delete(stateKey);
        if (written) {
          await changed(actor.userId);
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
      const undone = await repo.transaction(async (trx) => {
        const last = await repo.lastReview(actor.userId, trx);
        if (!last) throw new AppError('not_found', 'There is no review to undo');
        await repo.markUndone(last.id, trx);
        const schedule = await rebuildCard(actor.userId, last.card_id, trx);
        return {
          undone: { id: last.id, cardId: last.card_id, rating: last.rating },
          schedule: schedule ? presentSchedule(schedule) : null,
        };
      });
      knownStates.delete(`${actor.userId}|${undone.undone.cardId}`);
      await changed(actor.userId);
      return undone;
    },

    /** Makes this learner's cached queues stale (see `invalidateStudyQueue`). */
    invalidateQueue: (userId: string) => changed(userId),

    /** Rebuilds card states from the review log (all users, or one). */
    async rebuild(userId?: string): Promise<number> {
      const pairs = await repo.reviewedPairs(userId);
      for (const p of pairs) await repo.transaction((trx) => rebuildCard(p.user_id, p.card_id, trx));
      knownStates.clear();
      for (const userId of new Set(pairs.map((p) => p.user_id))) await changed(userId);
      return pairs.length;
    },

    /**
     * Today's queue. With a cache layer, a computed queue is served again until the learner's
     * token changes (any write of theirs), the content version changes, or the first moment the
     * time alone would change the answer; the answer is the same as computing it afresh.
     */
    async queue(
      actor: Actor,
      query: { topic?: string | undefined; level?: string | undefined; limit: number },
    ) {
      const at = now();
      const token = await queueToken(actor.userId);
      const version = await contentVersion();
      const key = `${actor.userId}|${query.topic ?? ''}|${query.level ?? ''}|${query.limit}`;
      const hit = token ? queues.get(key) : undefined;
      if (
        hit &&
        hit.token === token &&
        hit.contentVersion === version &&
        at.getTime() >= hit.computedAt &&
        at.getTime() < hit.template.validUntil
      ) {
        return materialise(hit.template, at);
      }
      const template = await computeQueue(actor.userId, query, at);
      if (token) queues.set(key, { token, contentVersion: version, computedAt: at.getTime(), template });
      return materialise(template, at);
    },

    settings: (actor: Actor) => repo.settings(actor.userId),

    async updateSettings(actor: Actor, patch: Partial<StudySettingsRow>) {
      const next = { ...(await repo.settings(actor.userId)), ...patch };
      await repo.saveSettings(actor.userId, next);
      knownSettings.delete(actor.userId);
      await changed(actor.userId);
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
      await changed(actor.userId);
      return { text };
    },
  };

  async function computeQueue(
    userId: string,
    query: { topic?: string | undefined; level?: string | undefined; limit: number },
    at: Date,
  ): Promise<QueueTemplate> {
    // Today's counts start at the learner's local midnight, in the time zone their settings (read
    // in the same statement) name: guess it from the last read, and read again if it changed.
    const guessed = startOfDay(at, knownTimeZones.get(userId) ?? 'UTC');
    let [all, { settings, states, notes, done }] = await Promise.all([
      currentCatalogue(),
      repo.queueInputs(userId, guessed),
    ]);
    knownTimeZones.set(userId, settings.timeZone);
    const dayStart = startOfDay(at, settings.timeZone);
    if (dayStart.getTime() !== guessed.getTime()) {
      ({ settings, states, notes, done } = await repo.queueInputs(userId, dayStart));
    }
    const topics = query.topic ? [query.topic] : settings.topics;
    const cards = all.filter(
      (c) => (topics.length === 0 || topics.includes(c.topicId)) && (!query.level || c.level === query.level),
    );
    const queueCards = cards.map((c) => ({ id: c.id, area: c.topicId, schedule: states.get(c.id) ?? null }));
    const unseen = queueCards.filter((c) => !c.schedule || c.schedule.state === 'new').length;
    const plan = planFor(settings, unseen + done.newDone, at);
    const newPerDay = plan ? plan.newPerDay : settings.newPerDay;
    const endOfDay = startOfNextDay(at, settings.timeZone);
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
    const t = at.getTime();
    return {
      items: items.map((item) => {
        const stored = states.get(item.id);
        const schedule = stored ?? newSchedule(at);
        const p = preview(schedule, at, seedOf(userId, item.id, 'preview'));
        return {
          card: byId.get(item.id)!,
          state: schedule.state,
          due: stored ? schedule.due.toISOString() : null,
          offsets: [p.again.getTime() - t, p.hard.getTime() - t, p.good.getTime() - t, p.easy.getTime() - t],
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
        forecast: forecast(schedules, at, FORECAST_DAYS),
      },
      validUntil: nextChange(schedules, t, endOfDay.getTime(), FORECAST_DAYS),
    };
  }

  /** A queue as the API answers it at `at`. */
  function materialise(template: QueueTemplate, at: Date) {
    const t = at.getTime();
    const iso = (offset: number) => new Date(t + offset).toISOString();
    return {
      data: template.items.map((item) => ({
        card: item.card,
        state: item.state,
        due: item.due,
        intervals: {
          again: iso(item.offsets[0]),
          hard: iso(item.offsets[1]),
          good: iso(item.offsets[2]),
          easy: iso(item.offsets[3]),
        },
        note: item.note,
      })),
      meta: template.meta,
    };
  }

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
    // A failed exercise or wrong prediction since the last review brought the card forward.
    const nudged = await repo.nudgedDueSince(userId, cardId, new Date(log.at(-1)!.reviewed_at), trx);
    if (nudged && nudged < schedule.due) schedule = { ...schedule, due: nudged };
    await repo.writeState(userId, cardId, schedule, trx);
    return schedule;
  }
}

export type StudyService = ReturnType<typeof studyService>;
