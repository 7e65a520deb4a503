/** Calendar days in UTC: nodeprep's day boundary for study limits, streaks and charts. */

export const DAY_MS = 86_400_000;

/** Midnight UTC at the start of the day `d` falls in. */
export function startOfUtcDay(d: Date): Date {
  return new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
}

/** The day as `YYYY-MM-DD` (UTC). */
export function utcDayKey(d: Date): string {
  return d.toISOString().slice(0, 10);
}
