// Payment dates (today to 365 days ahead, in Eastern time), the change/cancel cutoff (11:59 p.m.
// Eastern two business days before, across weekends, holidays and daylight-saving changes), and
// the payment status lifecycle.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  changeCutoff,
  checkChangeOrCancel,
  checkPaymentDate,
  isFinalPaymentStatus,
  PAYMENT_STATUSES,
  transitionPaymentStatus,
  zonedInstant,
  zoneOffsetMinutes,
  type PaymentStatus,
} from '../../apps/account/src/domain/payments/scheduling.ts';

const at = (iso: string) => new Date(iso);

describe('payment date window', () => {
  const cases: [string, string, string | true, string][] = [
    // [now (UTC), date, problem or true, why]
    ['2024-01-01T15:00:00Z', '2024-01-01', true, 'today'],
    ['2024-01-01T15:00:00Z', '2024-12-31', true, '365 days ahead in a leap year is December 31'],
    ['2024-01-01T15:00:00Z', '2025-01-01', 'payment_date_too_far', '366 days ahead'],
    ['2025-03-01T15:00:00Z', '2026-03-01', true, 'exactly 365 days ahead'],
    ['2025-03-01T15:00:00Z', '2026-03-02', 'payment_date_too_far', '366 days ahead'],
    ['2023-03-01T15:00:00Z', '2024-02-29', true, 'leap day, 365 days ahead of 2023-03-01'],
    ['2024-02-29T15:00:00Z', '2025-02-28', true, 'from leap day: 365 days ahead'],
    ['2024-06-10T15:00:00Z', '2024-06-09', 'payment_date_past', 'yesterday'],
    // 11:30 p.m. Eastern on Dec 31 is already Jan 1 in UTC: "today" is still Dec 31.
    ['2025-01-01T04:30:00Z', '2024-12-31', true, 'late evening Eastern, next day UTC'],
    ['2025-01-01T05:00:00Z', '2024-12-31', 'payment_date_past', 'midnight Eastern has passed'],
    ['2024-06-10T15:00:00Z', '2025-02-29', 'payment_date_invalid', 'no Feb 29 in 2025'],
    ['2024-06-10T15:00:00Z', '2024-6-11', 'payment_date_invalid', 'not YYYY-MM-DD'],
    ['2024-06-10T15:00:00Z', 'tomorrow', 'payment_date_invalid', 'words'],
    ['2030-06-01T15:00:00Z', '2031-01-02', 'payment_date_not_covered', 'beyond the holiday calendar'],
  ];
  for (const [now, date, expected, why] of cases) {
    it(`${date} at ${now}: ${why}`, () => {
      const result = checkPaymentDate(date, at(now));
      if (expected === true) assert.ok(result.ok, JSON.stringify(result));
      else assert.equal(result.ok ? 'ok' : result.problem, expected);
    });
  }
  it('reports today and the last allowed date (Eastern)', () => {
    const result = checkPaymentDate('2024-12-31', at('2025-01-01T04:30:00Z'));
    assert.equal(result.today, '2024-12-31');
    assert.equal(result.latest, '2025-12-31');
  });
});

describe('wall-clock time in America/New_York → instant, across daylight saving', () => {
  const cases: [string, number, number, string, string][] = [
    ['2025-03-08', 23, 59, '2025-03-09T04:59:00.000Z', 'Saturday before spring forward: EST'],
    ['2025-03-09', 1, 59, '2025-03-09T06:59:00.000Z', 'just before the gap: EST'],
    ['2025-03-09', 2, 30, '2025-03-09T07:30:00.000Z', 'inside the gap: read as 03:30 EDT'],
    ['2025-03-09', 23, 59, '2025-03-10T03:59:00.000Z', 'spring-forward day evening: EDT'],
    ['2025-11-01', 23, 59, '2025-11-02T03:59:00.000Z', 'Saturday before fall back: EDT'],
    ['2025-11-02', 1, 30, '2025-11-02T05:30:00.000Z', 'the repeated hour: the earlier (EDT)'],
    ['2025-11-02', 23, 59, '2025-11-03T04:59:00.000Z', 'fall-back day evening: EST'],
    ['2024-02-29', 23, 59, '2024-03-01T04:59:00.000Z', 'leap day'],
    ['2024-12-31', 23, 59, '2025-01-01T04:59:00.000Z', "New Year's Eve"],
  ];
  for (const [date, hour, minute, expected, what] of cases) {
    it(`${date} ${hour}:${minute}: ${what}`, () => {
      assert.equal(zonedInstant(date, hour, minute, 'America/New_York').toISOString(), expected);
    });
  }
  it('offsets', () => {
    assert.equal(zoneOffsetMinutes(Date.parse('2025-01-15T12:00:00Z'), 'America/New_York'), -300);
    assert.equal(zoneOffsetMinutes(Date.parse('2025-07-15T12:00:00Z'), 'America/New_York'), -240);
    assert.equal(zoneOffsetMinutes(Date.parse('2025-07-15T12:00:00Z'), 'UTC'), 0);
  });
});

describe('change/cancel cutoff: 11:59 p.m. Eastern, two business days before', () => {
  const cases: [string, string, string, string][] = [
    // [payment date, cutoff date, cutoff instant, why]
    ['2025-06-16', '2025-06-12', '2025-06-13T03:59:00.000Z', 'a Monday payment closes Thursday (EDT)'],
    ['2025-01-13', '2025-01-09', '2025-01-10T04:59:00.000Z', 'a Monday payment closes Thursday (EST)'],
    ['2025-06-20', '2025-06-17', '2025-06-18T03:59:00.000Z', 'Juneteenth (Thursday) is skipped'],
    ['2025-06-19', '2025-06-17', '2025-06-18T03:59:00.000Z', 'a payment dated on a holiday'],
    [
      '2025-06-21',
      '2025-06-18',
      '2025-06-19T03:59:00.000Z',
      'a Saturday payment: Friday 1, Thursday holiday, Wednesday 2',
    ],
    ['2025-09-02', '2025-08-28', '2025-08-29T03:59:00.000Z', 'day after Labor Day'],
    ['2025-11-12', '2025-11-07', '2025-11-08T04:59:00.000Z', 'day after Veterans Day (Tuesday)'],
    ['2025-11-28', '2025-11-25', '2025-11-26T04:59:00.000Z', 'Friday after Thanksgiving'],
    ['2026-07-06', '2026-07-01', '2026-07-02T03:59:00.000Z', 'July 4 on a Saturday, observed Friday'],
    ['2027-12-28', '2027-12-23', '2027-12-24T04:59:00.000Z', 'Christmas observed Friday Dec 24'],
    ['2028-01-03', '2027-12-29', '2027-12-30T04:59:00.000Z', "New Year's Day 2028 observed Dec 31, 2027"],
    // Daylight saving switches on Sundays; the cutoff falls on either side of it.
    ['2025-03-11', '2025-03-07', '2025-03-08T04:59:00.000Z', 'spring forward between: cutoff Friday in EST'],
    [
      '2025-03-12',
      '2025-03-10',
      '2025-03-11T03:59:00.000Z',
      'cutoff the Monday after spring forward, in EDT',
    ],
    ['2025-11-04', '2025-10-31', '2025-11-01T03:59:00.000Z', 'fall back between: cutoff Friday in EDT'],
    ['2025-11-05', '2025-11-03', '2025-11-04T04:59:00.000Z', 'cutoff the Monday after fall back, in EST'],
    ['2024-03-01', '2024-02-28', '2024-02-29T04:59:00.000Z', 'leap year: Feb 29 is a business day'],
    ['2024-03-04', '2024-02-29', '2024-03-01T04:59:00.000Z', 'cutoff on leap day'],
  ];
  for (const [paymentDate, date, instant, why] of cases) {
    it(`${paymentDate}: ${why}`, () => {
      const cutoff = changeCutoff(paymentDate);
      assert.equal(cutoff.date, date);
      assert.equal(cutoff.instant.toISOString(), instant);
    });
  }
});

describe('changing or cancelling around the cutoff instant', () => {
  // Monday 2025-06-16: cutoff Thursday 2025-06-12 11:59 p.m. EDT = 2025-06-13T03:59:00Z.
  const payment = { status: 'scheduled' as PaymentStatus, paymentDate: '2025-06-16' };
  const cases: [string, string | true, string][] = [
    ['2025-06-12T14:00:00.000Z', true, 'Thursday morning'],
    ['2025-06-13T02:00:00.000Z', true, 'Thursday 10 p.m. Eastern (already Friday in UTC)'],
    ['2025-06-13T03:58:59.999Z', true, '11:58:59.999 p.m.'],
    ['2025-06-13T03:59:00.000Z', true, '11:59 p.m. exactly'],
    ['2025-06-13T03:59:00.001Z', 'payment_change_cutoff_passed', 'just after 11:59 p.m.'],
    ['2025-06-13T04:00:00.000Z', 'payment_change_cutoff_passed', 'midnight Eastern'],
    ['2025-06-15T15:00:00.000Z', 'payment_change_cutoff_passed', 'the weekend before'],
  ];
  for (const [now, expected, why] of cases) {
    it(`${now}: ${why}`, () => {
      const result = checkChangeOrCancel(payment, at(now));
      if (expected === true) assert.ok(result.ok, JSON.stringify(result));
      else {
        assert.equal(result.ok ? 'ok' : result.problem, expected);
        assert.equal(result.cutoff?.instant.toISOString(), '2025-06-13T03:59:00.000Z');
      }
    });
  }
  // The Monday after spring forward: the cutoff is Thursday 11:59 p.m. EST (04:59Z), an hour
  // later in UTC than in summer.
  it('an EST cutoff: 04:58 UTC is still allowed, 05:00 is not', () => {
    const winter = { status: 'scheduled' as PaymentStatus, paymentDate: '2025-03-10' };
    assert.equal(checkChangeOrCancel(winter, at('2025-03-07T04:58:00Z')).ok, true);
    assert.equal(checkChangeOrCancel(winter, at('2025-03-07T05:00:00Z')).ok, false);
  });
  for (const status of ['pending', 'settled', 'returned', 'cancelled'] as PaymentStatus[]) {
    it(`a ${status} payment cannot be changed`, () => {
      assert.deepEqual(
        checkChangeOrCancel({ status, paymentDate: '2025-06-16' }, at('2025-06-01T12:00:00Z')),
        {
          ok: false,
          problem: 'payment_not_changeable_status',
        },
      );
    });
  }
});

describe('payment status lifecycle', () => {
  const legal = new Set(['scheduled→pending', 'scheduled→cancelled', 'pending→settled', 'pending→returned']);
  for (const from of PAYMENT_STATUSES) {
    for (const to of PAYMENT_STATUSES) {
      const allowed = legal.has(`${from}→${to}`);
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const result = transitionPaymentStatus(from, to);
        assert.equal(result.ok, allowed);
        if (!result.ok) assert.equal(result.problem, 'payment_status_illegal_transition');
      });
    }
  }
  it('settled, returned and cancelled are final', () => {
    assert.deepEqual(
      PAYMENT_STATUSES.filter((s) => isFinalPaymentStatus(s)),
      ['settled', 'returned', 'cancelled'],
    );
  });
});
