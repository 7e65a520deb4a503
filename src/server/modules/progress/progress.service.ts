import type { Actor } from '../../../core/access.js';
import { calendarDay, DAY_MS, dayKey, startOfDay, startOfDayAfter } from '../../../core/days.js';
import type { ProgressRepo } from './progress.repo.js';

/**
 * Consecutive days with a review: the run ending today (or yesterday), and the longest run.
 * `days` and `today` are calendar days (`today` as midnight UTC of the learner's date).
 */
export function streaks(days: string[], today: Date): { current: number; longest: number } {
  const set = new Set(days);
  let longest = 0;
  let run = 0;
  let previous: number | undefined;
  for (const d of [...set].sort()) {
    const t = Date.parse(`${d}T00:00:00Z`);
    run = previous !== undefined && t - previous === DAY_MS ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = t;
  }
  let current = 0;
  let cursor = calendarDay(today);
  if (!set.has(dayKey(cursor))) cursor = new Date(cursor.getTime() - DAY_MS);
  while (set.has(dayKey(cursor))) {
    current++;
    cursor = new Date(cursor.getTime() - DAY_MS);
  }
  return { current, longest };
}

/** The numbers behind the progress page. */
export function progressService(deps: { repo: ProgressRepo; now?: () => Date }) {
  const { repo } = deps;
  const now = deps.now ?? (() => new Date());
  return {
    async summary(actor: Actor) {
      // Days are the learner's: calendar dates in their time zone, starting at local midnight.
      const at = now();
      const timeZone = await repo.timeZone(actor.userId);
      const today = calendarDay(at, timeZone);
      const yearAgo = new Date(today.getTime() - 364 * DAY_MS);
      const dayStart = startOfDay(at, timeZone);
      const [perDay, days, total, due, retention, mastery] = await Promise.all([
        repo.reviewsPerDay(actor.userId, startOfDayAfter(at, -364, timeZone), timeZone),
        repo.reviewDays(actor.userId, timeZone),
        repo.totalReviews(actor.userId),
        repo.duePerDay(actor.userId, dayStart, startOfDayAfter(at, 30, timeZone), timeZone),
        repo.retentionByArea(actor.userId),
        repo.masteryByArea(actor.userId),
      ]);
      const counts = new Map(perDay.map((r) => [r.day, r.n]));
      const dueCounts = new Map(due.map((r) => [r.day, r.n]));
      const series = (from: Date, n: number, source: Map<string, number>) =>
        Array.from({ length: n }, (_, i) => {
          const date = dayKey(new Date(from.getTime() + i * DAY_MS));
          return { date, count: source.get(date) ?? 0 };
        });
      const titles = new Map(mastery.map((m) => [m.topic_id, m.title]));
      return {
        streak: streaks(
          days.map((d) => d.day),
          today,
        ),
        reviewsToday: counts.get(dayKey(today)) ?? 0,
        totalReviews: total.n,
        heatmap: series(yearAgo, 365, counts),
        dueNext30: series(today, 30, dueCounts),
        retentionByArea: mastery.map((m) => {
          const r = retention.find((x) => x.topic_id === m.topic_id);
          return {
            topicId: m.topic_id,
            title: titles.get(m.topic_id) ?? m.topic_id,
            reviews: r?.reviews ?? 0,
            actual: r ? r.actual : null,
            predicted: r?.predicted ?? null,
          };
        }),
        masteryByArea: mastery.map((m) => ({
          topicId: m.topic_id,
          title: m.title,
          total: m.total,
          seen: m.seen,
          mastered: m.mastered,
        })),
      };
    },
  };
}
