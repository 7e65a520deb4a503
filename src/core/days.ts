/**
 * Calendar days in a learner's time zone: nodeprep's day boundary for daily limits, streaks,
 * the heat-map and the interview countdown. A day runs from local midnight to local midnight, so
 * it lasts 23 or 25 hours when the clocks change. Time zones are IANA names ("Europe/Berlin");
 * "UTC" is the default and the fast path.
 */

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a time zone name this runtime knows ("Asia/Kolkata", "UTC"). */
export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time in `timeZone` at instant `t`, as milliseconds of a UTC date with that face. */
function wallClock(t: number, timeZone: string): number {
  if (timeZone === 'UTC') return t;
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(t)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const ms = ((t % 1000) + 1000) % 1000;
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) + ms;
}

/** The calendar day `d` falls on in `timeZone`, as `YYYY-MM-DD`. */
export function dayKey(d: Date, timeZone = 'UTC'): string {
  return new Date(wallClock(d.getTime(), timeZone)).toISOString().slice(0, 10);
}

/**
 * The calendar day `d` falls on in `timeZone`, as midnight UTC of that date: the form
 * date-only arithmetic (the interview plan) takes.
 */
export function calendarDay(d: Date, timeZone = 'UTC'): Date {
  return new Date(Math.floor(wallClock(d.getTime(), timeZone) / DAY_MS) * DAY_MS);
}

/** The first instant of the local day `d` falls in. */
export function startOfDay(d: Date, timeZone = 'UTC'): Date {
  const t = d.getTime();
  const midnight = Math.floor(wallClock(t, timeZone) / DAY_MS) * DAY_MS;
  if (timeZone === 'UTC') return new Date(midnight);
  // The instant whose wall clock shows local midnight: offset as at `d`, then as at that guess.
  let guess = midnight - (wallClock(t, timeZone) - t);
  guess = midnight - (wallClock(guess, timeZone) - guess);
  if (wallClock(guess, timeZone) === midnight) return new Date(guess);
  // Midnight did not happen that day (the clocks jumped over it): the day began at the jump,
  // the first instant whose wall clock is on this date. Days start within ±15 h of UTC midnight.
  let lo = midnight - 15 * HOUR_MS;
  let hi = Math.min(t, midnight + 15 * HOUR_MS);
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (wallClock(mid, timeZone) >= midnight) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** The first instant of the local day `days` days after (or before, if negative) the one `d` is in. */
export function startOfDayAfter(d: Date, days: number, timeZone = 'UTC'): Date {
  // Noon of that date lies inside it whatever clock changes come between: days last 23 to 25 hours.
  const noon = startOfDay(d, timeZone).getTime() + days * DAY_MS + 12 * HOUR_MS;
  return startOfDay(new Date(noon), timeZone);
}

/** The first instant of the local day after the one `d` falls in. */
export function startOfNextDay(d: Date, timeZone = 'UTC'): Date {
  return startOfDayAfter(d, 1, timeZone);
}
