import { addCalendarDays, calendarDaysBetween, isoDay, parseInstant } from '../../../src/domain/rules/dates';
import { compareIds, compareText, effortOf, isOpen } from '../../../src/domain/rules/initiative-facts';
import { median, roundTo, sum } from '../../../src/domain/rules/numbers';
import { initiative, rice } from './fixtures';

describe('median', () => {
  it('is the middle value for an odd count, regardless of input order', () => {
    expect(median([9, 1, 5])).toBe(5);
  });
  it('is the mean of the two middle values for an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('is null for no values', () => {
    expect(median([])).toBeNull();
  });
});

describe('sum and roundTo', () => {
  it('remove floating-point noise', () => {
    expect(sum([0.1, 0.2])).toBe(0.3);
    expect(roundTo(20.000000000000004)).toBe(20);
  });
});

describe('calendar days', () => {
  it('count calendar days in UTC, not 24-hour periods', () => {
    expect(calendarDaysBetween(new Date('2026-11-14T23:59:00Z'), new Date('2026-11-15T00:01:00Z'))).toBe(1);
    expect(calendarDaysBetween(new Date('2026-11-15T23:59:00Z'), new Date('2026-11-15T00:01:00Z'))).toBe(0);
    expect(calendarDaysBetween(new Date('2026-12-31T12:00:00Z'), new Date('2027-01-01T12:00:00Z'))).toBe(1);
  });
  it('add days and format the day', () => {
    expect(isoDay(addCalendarDays(new Date('2026-12-20T08:00:00Z'), 30))).toBe('2027-01-19');
  });
  it('read null or garbage as no instant', () => {
    expect(parseInstant(null)).toBeNull();
    expect(parseInstant('soon')).toBeNull();
    expect(parseInstant('2026-11-15T00:00:00Z')?.toISOString()).toBe('2026-11-15T00:00:00.000Z');
  });
});

describe('initiative facts', () => {
  it('effort falls back to the RICE effort, and a missing estimate stays null', () => {
    expect(effortOf(initiative({ effort: 3, rice: rice(1, 1, 1, 9) }))).toBe(3);
    expect(effortOf(initiative({ effort: null, rice: rice(1, 1, 1, 9) }))).toBe(9);
    expect(effortOf(initiative({ effort: null }))).toBeNull();
  });
  it('only done and dropped initiatives are closed', () => {
    expect(['proposed', 'planned', 'in-progress', 'done', 'dropped'].map((status) => isOpen({ status: status as never }))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
  it('compares text case-insensitively and numbers numerically', () => {
    expect(['I-10', 'I-2', 'b', 'A'].sort(compareText)).toEqual(['A', 'b', 'I-2', 'I-10']);
  });
  it('orders ids by their number', () => {
    expect(['I-10', 'I-2', 'I-1', 'I-100', 'I-11'].sort(compareIds)).toEqual(['I-1', 'I-2', 'I-10', 'I-11', 'I-100']);
  });
});
