// The federal holiday calendar (data) against the rules of 5 U.S.C. 6103 recomputed here and
// OPM's published dates, and business-day arithmetic over weekends and observed holidays.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addBusinessDays,
  FEDERAL_HOLIDAYS,
  FEDERAL_HOLIDAYS_COVER,
  federalHolidayOn,
  isBusinessDay,
} from '../../apps/account/src/domain/payments/federal-holidays.ts';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const nthWeekday = (y: number, m: number, weekday: number, n: number) => {
  const first = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
  return iso(new Date(Date.UTC(y, m - 1, 1 + ((weekday - first + 7) % 7) + 7 * (n - 1))));
};
const lastWeekday = (y: number, m: number, weekday: number) => {
  const last = new Date(Date.UTC(y, m, 0));
  return iso(new Date(Date.UTC(y, m - 1, last.getUTCDate() - ((last.getUTCDay() - weekday + 7) % 7))));
};
const observed = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  const shift = d.getUTCDay() === 6 ? -1 : d.getUTCDay() === 0 ? 1 : 0;
  return iso(new Date(d.getTime() + shift * 86_400_000));
};

describe('the table follows 5 U.S.C. 6103 and E.O. 11582, 2024–2030', () => {
  for (let year = 2024; year <= 2030; year++) {
    it(String(year), () => {
      const expected = [
        ['new-years-day', `${year}-01-01`],
        ['birthday-of-martin-luther-king-jr', nthWeekday(year, 1, 1, 3)],
        ['washingtons-birthday', nthWeekday(year, 2, 1, 3)],
        ['memorial-day', lastWeekday(year, 5, 1)],
        ['juneteenth', `${year}-06-19`],
        ['independence-day', `${year}-07-04`],
        ['labor-day', nthWeekday(year, 9, 1, 1)],
        ['columbus-day', nthWeekday(year, 10, 1, 2)],
        ['veterans-day', `${year}-11-11`],
        ['thanksgiving-day', nthWeekday(year, 11, 4, 4)],
        ['christmas-day', `${year}-12-25`],
      ].map(([holiday, date]) => ({ year, holiday, date, observed: observed(date as string) }));
      assert.deepEqual(
        FEDERAL_HOLIDAYS.filter((row) => row.year === year),
        expected,
      );
    });
  }
  it('has 11 holidays a year and nothing else', () => assert.equal(FEDERAL_HOLIDAYS.length, 77));
});

describe("dates from OPM's published lists", () => {
  const cases: [string, string][] = [
    ['2024-01-15', 'birthday-of-martin-luther-king-jr'],
    ['2024-11-28', 'thanksgiving-day'],
    ['2025-01-20', 'birthday-of-martin-luther-king-jr'], // also Inauguration Day; one entry
    ['2025-05-26', 'memorial-day'],
    ['2025-06-19', 'juneteenth'],
    ['2026-07-03', 'independence-day'], // July 4 is a Saturday: observed Friday
    ['2027-06-18', 'juneteenth'], // Saturday → Friday
    ['2027-07-05', 'independence-day'], // Sunday → Monday
    ['2027-12-24', 'christmas-day'], // Saturday → Friday
    ['2027-12-31', 'new-years-day'], // New Year's Day 2028 is a Saturday: observed the year before
    ['2028-11-10', 'veterans-day'],
    ['2029-11-12', 'veterans-day'],
    ['2030-11-28', 'thanksgiving-day'],
  ];
  for (const [date, holiday] of cases) {
    it(`${date} is ${holiday}`, () => {
      assert.equal(federalHolidayOn(date)?.holiday, holiday);
      assert.equal(isBusinessDay(date), false);
    });
  }
});

describe('isBusinessDay', () => {
  const cases: [string, boolean, string][] = [
    ['2025-06-18', true, 'a Wednesday'],
    ['2025-06-21', false, 'a Saturday'],
    ['2025-06-22', false, 'a Sunday'],
    ['2026-07-04', false, 'Independence Day on a Saturday: a weekend day anyway'],
    ['2026-07-03', false, 'its observed Friday'],
    ['2028-01-01', false, "New Year's Day on a Saturday"],
    ['2027-12-31', false, 'its observed Friday, in the year before'],
    ['2028-01-03', true, 'the Monday after: a business day'],
    ['2024-02-29', true, 'leap day 2024, a Thursday'],
    ['2028-02-29', true, 'leap day 2028, a Tuesday'],
    ['2027-12-30', true, 'a Thursday'],
  ];
  for (const [date, expected, what] of cases) {
    it(`${date}: ${what}`, () => assert.equal(isBusinessDay(date), expected));
  }
  it('refuses dates the calendar does not cover rather than guessing', () => {
    assert.equal(FEDERAL_HOLIDAYS_COVER.to, '2030-12-31');
    assert.throws(() => isBusinessDay('2031-01-02'), RangeError);
    assert.throws(() => isBusinessDay('2023-12-29'), RangeError);
    assert.throws(() => isBusinessDay('2025-13-01'), RangeError);
  });
});

describe('addBusinessDays', () => {
  const cases: [string, number, string, string][] = [
    ['2025-06-16', -2, '2025-06-12', 'Monday − 2 = Thursday'],
    ['2025-06-20', -2, '2025-06-17', 'over Juneteenth (Thursday)'],
    ['2025-06-17', 2, '2025-06-20', 'forward over Juneteenth'],
    ['2025-06-21', -2, '2025-06-18', 'from a Saturday: Friday is 1, Thursday is a holiday, Wednesday is 2'],
    ['2025-09-02', -2, '2025-08-28', 'over Labor Day and the weekend'],
    ['2026-07-06', -2, '2026-07-01', 'over an observed Friday holiday'],
    ['2028-01-03', -2, '2027-12-29', 'over New Year observed in the year before'],
    ['2027-12-28', -2, '2027-12-23', 'over Christmas observed on Friday'],
    ['2024-02-28', 1, '2024-02-29', 'onto leap day'],
    ['2024-12-31', 1, '2025-01-02', "across New Year's Day"],
    ['2025-06-21', 0, '2025-06-23', 'zero: the next business day on or after'],
    ['2025-06-18', 0, '2025-06-18', 'zero on a business day: itself'],
    ['2025-11-26', 1, '2025-11-28', 'over Thanksgiving: the Friday after is a business day'],
  ];
  for (const [date, count, expected, what] of cases) {
    it(`${date} ${count >= 0 ? '+' : ''}${count}: ${what}`, () =>
      assert.equal(addBusinessDays(date, count), expected));
  }
  it('refuses fractional counts and leaving the calendar', () => {
    assert.throws(() => addBusinessDays('2025-06-16', 1.5), RangeError);
    assert.throws(() => addBusinessDays('2030-12-31', 1), RangeError);
  });
});
