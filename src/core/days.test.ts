import { describe, expect, it } from 'vitest';
import { calendarDay, dayKey, isTimeZone, startOfDay, startOfDayAfter, startOfNextDay } from './days.js';

const at = (iso: string) => new Date(iso);

describe('learner days', () => {
  it('in UTC, a day runs from midnight UTC', () => {
    expect(startOfDay(at('2026-05-10T23:59:59.999Z')).toISOString()).toBe('2026-05-10T00:00:00.000Z');
    expect(startOfNextDay(at('2026-05-10T00:00:00.000Z')).toISOString()).toBe('2026-05-11T00:00:00.000Z');
    expect(dayKey(at('2026-05-10T23:59:59.999Z'))).toBe('2026-05-10');
  });

  it('in a zone behind UTC, the evening belongs to the local date, not the UTC one', () => {
    // 03:00 UTC on the 11th is 20:00 on the 10th in Los Angeles (UTC-7 in May).
    const evening = at('2026-05-11T03:00:00Z');
    expect(dayKey(evening, 'America/Los_Angeles')).toBe('2026-05-10');
    expect(startOfDay(evening, 'America/Los_Angeles').toISOString()).toBe('2026-05-10T07:00:00.000Z');
    expect(startOfNextDay(evening, 'America/Los_Angeles').toISOString()).toBe('2026-05-11T07:00:00.000Z');
    expect(calendarDay(evening, 'America/Los_Angeles').toISOString()).toBe('2026-05-10T00:00:00.000Z');
  });

  it('handles zones with half- and quarter-hour offsets, and the ones furthest ahead', () => {
    expect(startOfDay(at('2026-05-10T12:00:00Z'), 'Asia/Kolkata').toISOString()).toBe(
      '2026-05-09T18:30:00.000Z',
    );
    expect(startOfDay(at('2026-05-10T12:00:00Z'), 'Asia/Kathmandu').toISOString()).toBe(
      '2026-05-09T18:15:00.000Z',
    );
    // Kiritimati is UTC+14: noon UTC on the 10th is already 02:00 on the 11th there.
    expect(dayKey(at('2026-05-10T12:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-05-11');
    expect(startOfDay(at('2026-05-10T12:00:00Z'), 'Pacific/Kiritimati').toISOString()).toBe(
      '2026-05-10T10:00:00.000Z',
    );
  });

  it('a day when the clocks change lasts 23 or 25 hours', () => {
    const springForward = at('2026-03-08T18:00:00Z'); // New York moves to UTC-4 at 02:00 local
    const start = startOfDay(springForward, 'America/New_York');
    const end = startOfNextDay(springForward, 'America/New_York');
    expect(start.toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23);
    const fallBack = at('2026-11-01T18:00:00Z'); // and back to UTC-5
    const long =
      startOfNextDay(fallBack, 'America/New_York').getTime() -
      startOfDay(fallBack, 'America/New_York').getTime();
    expect(long / 3_600_000).toBe(25);
  });

  it('counts whole local days forwards and backwards across clock changes', () => {
    const may = at('2026-05-10T15:00:00Z');
    // Back across two clock changes and forward across one: still local midnights in New York.
    expect(startOfDayAfter(may, -200, 'America/New_York').toISOString()).toBe('2025-10-22T04:00:00.000Z');
    expect(startOfDayAfter(may, 200, 'America/New_York').toISOString()).toBe('2026-11-26T05:00:00.000Z');
    expect(startOfDayAfter(may, 0, 'America/New_York').toISOString()).toBe('2026-05-10T04:00:00.000Z');
  });

  it('a day whose midnight was skipped starts when the clocks jumped', () => {
    // Santiago (Chile) springs forward at 24:00 local: 2026-09-06 has no 00:00, it starts at 01:00.
    const day = at('2026-09-06T15:00:00Z');
    expect(dayKey(day, 'America/Santiago')).toBe('2026-09-06');
    const start = startOfDay(day, 'America/Santiago');
    expect(dayKey(start, 'America/Santiago')).toBe('2026-09-06');
    expect(dayKey(new Date(start.getTime() - 1), 'America/Santiago')).toBe('2026-09-05');
  });

  it('knows real time zone names and refuses others', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
