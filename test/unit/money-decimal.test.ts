// The exact decimal type under the money engine (pure): parsing, arithmetic at 10^-20,
// explicit rounding (half-up by default, banker's on request), dollars ⇄ cents.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  Decimal,
  divRound,
  formatCents,
  parseDollars,
  powUnits,
  SCALE,
  type RoundingMode,
} from '#platform/money/decimal.ts';

const d = (text: string) => Decimal.parse(text);

describe('Decimal parse and print', () => {
  const cases: [string, string][] = [
    ['0', '0'],
    ['12', '12'],
    ['-0.5', '-0.5'],
    ['1234.5600', '1234.56'],
    ['0.00000000000000000001', '0.00000000000000000001'],
    ['99999999999999999999.99999999999999999999', '99999999999999999999.99999999999999999999'],
  ];
  for (const [input, printed] of cases) {
    it(`${input} → ${printed}`, () => assert.equal(d(input).toString(), printed));
  }
  for (const bad of ['', '1.', '.5', '+1', '1e3', '1,000', ' 1', '$1', 'NaN', '--1']) {
    it(`refuses ${JSON.stringify(bad)}`, () => assert.throws(() => d(bad), SyntaxError));
  }
  it('refuses more than 20 digits after the point rather than rounding them away', () => {
    assert.throws(() => d('0.000000000000000000001'), RangeError);
  });
  it('toFixed pads and rounds', () => {
    assert.equal(d('7').toFixed(2), '7.00');
    assert.equal(d('0.005').toFixed(2), '0.01');
    assert.equal(d('-0.005').toFixed(2), '-0.01');
    assert.equal(d('0.004999').toFixed(2), '0.00');
    assert.equal(d('2.5').toFixed(0), '3');
  });
});

describe('Decimal arithmetic', () => {
  it('adds and subtracts exactly (no binary fractions: 0.1 + 0.2 = 0.3)', () => {
    assert.equal(d('0.1').add(d('0.2')).toString(), '0.3');
    assert.equal(d('1000000000000.01').sub(d('0.02')).toString(), '999999999999.99');
  });
  it('multiplies, rounding at the 20th digit half-up', () => {
    assert.equal(d('1.5').mul(d('-2')).toString(), '-3');
    assert.equal(d('0.00000000000000000005').mul(d('0.5')).toString(), '0.00000000000000000003');
    assert.equal(d('0.00000000000000000004').mul(d('0.5')).toString(), '0.00000000000000000002');
  });
  it('divides, rounding at the 20th digit', () => {
    assert.equal(d('1').div(d('3')).toString(), '0.33333333333333333333');
    assert.equal(d('2').div(d('3')).toString(), '0.66666666666666666667');
    assert.equal(d('-2').div(d('3')).toString(), '-0.66666666666666666667');
    assert.equal(d('1').div(d('-8')).toString(), '-0.125');
    assert.throws(() => d('1').div(Decimal.ZERO), RangeError);
  });
  it('ratio of integers', () => {
    assert.equal(Decimal.ratio(6n, 36600n).toString(), '0.0001639344262295082');
    assert.equal(Decimal.ratio(1n, -4n).toString(), '-0.25');
  });
  it('powers by squaring: (1 + 0.06/366)^69 − 1 = 0.011374754 (domain.md, IRS factor table)', () => {
    const daily = Decimal.ONE.add(Decimal.ratio(6n, 36600n));
    assert.equal(daily.pow(69).sub(Decimal.ONE).toFixed(9), '0.011374754');
    assert.equal(daily.pow(0).toString(), '1');
    assert.equal(daily.pow(1).eq(daily), true);
    assert.throws(() => daily.pow(-1), RangeError);
    assert.throws(() => daily.pow(1.5), RangeError);
  });
  it('pow agrees with repeated multiplication to within a few units of 10^-20', () => {
    const daily = Decimal.ONE.add(Decimal.ratio(8n, 36500n));
    let product = Decimal.ONE;
    for (let i = 0; i < 400; i++) product = product.mul(daily);
    const difference = product.sub(daily.pow(400)).abs();
    assert.ok(difference.lt(d('0.000000000000000001')), difference.toString());
  });
  it('compares', () => {
    assert.equal(d('1.10').eq(d('1.1')), true);
    assert.equal(d('-1').lt(d('0')), true);
    assert.equal(d('2').gt(d('1.99999999999999999999')), true);
    assert.equal(d('3').cmp(d('3')), 0);
    assert.equal(Decimal.max(d('1'), d('2')).toString(), '2');
    assert.equal(Decimal.min(d('1'), d('2')).toString(), '1');
    assert.equal(d('-0.01').isNegative(), true);
    assert.equal(Decimal.ZERO.isZero(), true);
  });
});

describe('rounding to cents', () => {
  const cases: [string, RoundingMode, string][] = [
    ['0.125', 'half-up', '0.13'],
    ['0.135', 'half-up', '0.14'],
    ['-0.125', 'half-up', '-0.13'],
    ['0.125', 'half-even', '0.12'],
    ['0.135', 'half-even', '0.14'],
    ['-0.125', 'half-even', '-0.12'],
    ['0.12500000000000000001', 'half-even', '0.13'],
    ['0.129', 'down', '0.12'],
    ['-0.129', 'down', '-0.12'],
    ['0.1249999999', 'half-up', '0.12'],
  ];
  for (const [value, mode, expected] of cases) {
    it(`${value} ${mode} → ${expected}`, () => {
      assert.equal(d(value).round(2, mode).toFixed(2), expected);
      assert.equal(formatCents(d(value).toCents(mode)), expected);
    });
  }
  it('rounds to other places too', () => {
    assert.equal(d('1234.5').round(0).toString(), '1235');
    assert.equal(d('0.0113747544').round(9).toString(), '0.011374754');
  });
  it('divRound handles every sign and mode', () => {
    assert.equal(divRound(5n, 2n), 3n);
    assert.equal(divRound(-5n, 2n), -3n);
    assert.equal(divRound(5n, 2n, 'half-even'), 2n);
    assert.equal(divRound(7n, 2n, 'half-even'), 4n);
    assert.equal(divRound(7n, 2n, 'down'), 3n);
    assert.equal(divRound(0n, 7n), 0n);
    assert.throws(() => divRound(1n, 0n), RangeError);
  });
  it('powUnits at another scale', () => {
    assert.equal(powUnits(15n, 2, 10n), 23n); // 1.5² = 2.25 → 2.3 at one digit, half-up
    assert.equal(powUnits(SCALE * 2n, 10, SCALE), SCALE * 1024n);
  });
});

describe('dollars and cents', () => {
  const good: [string, bigint][] = [
    ['1234.56', 123456n],
    ['7', 700n],
    ['0.5', 50n],
    ['0.05', 5n],
    ['-3.10', -310n],
    ['0', 0n],
    ['999999999999999.99', 99999999999999999n],
  ];
  for (const [text, cents] of good) {
    it(`${text} ⇄ ${cents} cents`, () => {
      assert.equal(parseDollars(text), cents);
      assert.equal(parseDollars(formatCents(cents)), cents);
    });
  }
  for (const bad of ['1.234', '1,000.00', '$5', '1e2', '', '.5', '5.', ' 5', '1000000000000000']) {
    it(`refuses ${JSON.stringify(bad)}`, () => assert.throws(() => parseDollars(bad), SyntaxError));
  }
  it('formats', () => {
    assert.equal(formatCents(0n), '0.00');
    assert.equal(formatCents(5n), '0.05');
    assert.equal(formatCents(-5n), '-0.05');
    assert.equal(formatCents(123456n), '1234.56');
    assert.equal(Decimal.fromCents(123456n).toString(), '1234.56');
  });
});
