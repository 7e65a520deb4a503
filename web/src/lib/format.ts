const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Unit = 'minute' | 'hour' | 'day' | 'month' | 'year';

function interval(dueIso: string, now: number): { value: number; unit: Unit } {
  const ms = Math.max(0, Date.parse(dueIso) - now);
  if (Number.isNaN(ms)) return { value: 0, unit: 'minute' };
  if (ms < HOUR - MINUTE / 2) return { value: Math.max(1, Math.round(ms / MINUTE)), unit: 'minute' };
  if (ms < DAY - HOUR / 2) return { value: Math.round(ms / HOUR), unit: 'hour' };
  const days = Math.round(ms / DAY);
  if (days < 30) return { value: days, unit: 'day' };
  if (days < 365) return { value: Math.round(days / 30), unit: 'month' };
  return { value: Math.round((days / 365) * 10) / 10, unit: 'year' };
}

const SHORT: Record<Unit, string> = { minute: 'm', hour: 'h', day: 'd', month: 'mo', year: 'y' };

/** "10m", "3d", "2mo", "1.5y": how long until `dueIso`, for rating buttons. */
export function shortInterval(dueIso: string, now = Date.now()): string {
  const { value, unit } = interval(dueIso, now);
  return `${value}${SHORT[unit]}`;
}

/** "in 10 minutes", "in 3 days": the spoken form of `shortInterval`. */
export function longInterval(dueIso: string, now = Date.now()): string {
  const { value, unit } = interval(dueIso, now);
  return `in ${value} ${unit}${value === 1 ? '' : 's'}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

export function percent(share: number | null | undefined, digits = 0): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '–';
  return `${(share * 100).toFixed(digits)}%`;
}

/** A calendar day 'YYYY-MM-DD' as a UTC midnight (days are UTC on the server). */
export function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

const longDay = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const monthName = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "Mon, 12 May 2025" */
export const formatLongDay = (day: string) => longDay.format(parseDay(day));
/** "12 May" */
export const formatShortDay = (day: string) => shortDay.format(parseDay(day));
/** "May" */
export const formatMonth = (date: Date) => monthName.format(date);
/** "May 2025" */
export const formatMonthYear = (date: Date) => monthYear.format(date);

/** Today's local calendar day as 'YYYY-MM-DD', for date inputs. */
/** The time zone this device is set to (an IANA name), or null when the browser does not say. */
export function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
