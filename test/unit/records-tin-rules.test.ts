// SSN and ITIN rules (ssa.gov, IRS ranges in domain.md): accepted shapes, every rejection code at
// its edges, the type inferred or declared, and the development-only test SSNs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatTin,
  parseTin,
  type TinOptions,
  type TinResult,
} from '../../apps/identity/src/verification/records/tin-rules.ts';

const PROD: TinOptions = { allowTestNumbers: false };
const DEV: TinOptions = { allowTestNumbers: true };

const ssn = (tin: string): TinResult => ({ ok: true, tin, type: 'ssn', test: false });
const itin = (tin: string): TinResult => ({ ok: true, tin, type: 'itin', test: false });
const testSsn = (tin: string): TinResult => ({ ok: true, tin, type: 'ssn', test: true });
const problem = (code: string): TinResult => ({ ok: false, code }) as TinResult;

const CASES: [string, string, TinOptions, TinResult][] = [
  // shapes
  ['dashes', '123-45-6789', PROD, ssn('123456789')],
  ['spaces', '123 45 6789', PROD, ssn('123456789')],
  ['bare digits', '123456789', PROD, ssn('123456789')],
  ['surrounding whitespace', '  123-45-6789 ', PROD, ssn('123456789')],
  ['mixed separators', '123-45 6789', PROD, problem('tin_format')],
  ['one separator only', '123-456789', PROD, problem('tin_format')],
  ['eight digits', '12345678', PROD, problem('tin_format')],
  ['ten digits', '1234567890', PROD, problem('tin_format')],
  ['letters', '12a-45-6789', PROD, problem('tin_format')],
  ['empty', '', PROD, problem('tin_format')],
  ['wrong grouping', '12-345-6789', PROD, problem('tin_format')],
  ['full-width digits', '１２３４５６７８９', PROD, problem('tin_format')],
  // SSN area
  ['area 000', '000-12-3456', PROD, problem('ssn_area_invalid')],
  ['area 001', '001-12-3456', PROD, ssn('001123456')],
  ['area 665', '665-12-3456', PROD, ssn('665123456')],
  ['area 666', '666-12-3456', PROD, problem('ssn_area_invalid')],
  ['area 667', '667-12-3456', PROD, ssn('667123456')],
  ['area 899', '899-12-3456', PROD, ssn('899123456')],
  ['area 900 declared SSN', '900-12-3456', { ...PROD, kind: 'ssn' }, problem('ssn_area_invalid')],
  ['area 999 declared SSN', '999-70-3456', { ...PROD, kind: 'ssn' }, problem('ssn_area_invalid')],
  // SSN group and serial
  ['group 00', '123-00-4567', PROD, problem('ssn_group_invalid')],
  ['group 01', '123-01-4567', PROD, ssn('123014567')],
  ['serial 0000', '123-45-0000', PROD, problem('ssn_serial_invalid')],
  ['serial 0001', '123-45-0001', PROD, ssn('123450001')],
  ['area checked before group', '000-00-0000', PROD, problem('ssn_area_invalid')],
  ['group checked before serial', '123-00-0000', PROD, problem('ssn_group_invalid')],
  // ITIN ranges: 50–65, 70–88, 90–92, 94–99
  ['ITIN 49', '912-49-4567', PROD, problem('itin_range_invalid')],
  ['ITIN 50', '912-50-4567', PROD, itin('912504567')],
  ['ITIN 65', '912-65-4567', PROD, itin('912654567')],
  ['ITIN 66', '912-66-4567', PROD, problem('itin_range_invalid')],
  ['ITIN 69', '912-69-4567', PROD, problem('itin_range_invalid')],
  ['ITIN 70', '912-70-4567', PROD, itin('912704567')],
  ['ITIN 88', '912-88-4567', PROD, itin('912884567')],
  ['ITIN 89', '912-89-4567', PROD, problem('itin_range_invalid')],
  ['ITIN 90', '912-90-4567', PROD, itin('912904567')],
  ['ITIN 92', '912-92-4567', PROD, itin('912924567')],
  ['ITIN 94', '912-94-4567', PROD, itin('912944567')],
  ['ITIN 99', '999-99-9999', PROD, itin('999999999')],
  ['ITIN 00', '912-00-4567', PROD, problem('itin_range_invalid')],
  ['ITIN 900 prefix in production', '900-70-1234', PROD, itin('900701234')],
  ['ITIN declared, not 9', '412-70-4567', { ...PROD, kind: 'itin' }, problem('itin_range_invalid')],
  ['ITIN declared and valid', '912-70-4567', { ...PROD, kind: 'itin' }, itin('912704567')],
  // ATIN 93, IRSN 01–10, 17–19, 28–29, 37–39
  ['ATIN 93', '912-93-4567', PROD, problem('atin_not_accepted')],
  ['IRSN 01', '912-01-4567', PROD, problem('irsn_not_accepted')],
  ['IRSN 10', '912-10-4567', PROD, problem('irsn_not_accepted')],
  ['not IRSN 11', '912-11-4567', PROD, problem('itin_range_invalid')],
  ['not IRSN 16', '912-16-4567', PROD, problem('itin_range_invalid')],
  ['IRSN 17', '912-17-4567', PROD, problem('irsn_not_accepted')],
  ['IRSN 19', '912-19-4567', PROD, problem('irsn_not_accepted')],
  ['not IRSN 20', '912-20-4567', PROD, problem('itin_range_invalid')],
  ['IRSN 28', '912-28-4567', PROD, problem('irsn_not_accepted')],
  ['IRSN 29', '912-29-4567', PROD, problem('irsn_not_accepted')],
  ['not IRSN 36', '912-36-4567', PROD, problem('itin_range_invalid')],
  ['IRSN 37', '912-37-4567', PROD, problem('irsn_not_accepted')],
  ['IRSN 39', '912-39-4567', PROD, problem('irsn_not_accepted')],
  ['not IRSN 40', '912-40-4567', PROD, problem('itin_range_invalid')],
  // development test numbers
  ['test 900 in development', '900-12-3456', DEV, testSsn('900123456')],
  ['test 666 in development', '666-00-0000', DEV, testSsn('666000000')],
  ['test 900 with any group and serial', '900000000', DEV, testSsn('900000000')],
  ['901 is not a test number', '901-05-3456', DEV, problem('irsn_not_accepted')],
  ['000 still refused in development', '000-12-3456', DEV, problem('ssn_area_invalid')],
  ['real SSN in development', '123-45-6789', DEV, ssn('123456789')],
  [
    '666 declared ITIN in development',
    '666-70-1234',
    { ...DEV, kind: 'itin' },
    problem('itin_range_invalid'),
  ],
  ['900 declared ITIN in development', '900-70-1234', { ...DEV, kind: 'itin' }, itin('900701234')],
  ['bad shape in development', '900-12-345', DEV, problem('tin_format')],
];

describe('parseTin', () => {
  for (const [name, input, options, expected] of CASES) {
    it(`${name}: ${JSON.stringify(input)}`, () => {
      assert.deepEqual(parseTin(input, options), expected);
    });
  }

  it('never infers a 9-prefixed number as an SSN', () => {
    for (let middle = 0; middle < 100; middle++) {
      const result = parseTin(`912${String(middle).padStart(2, '0')}4567`, PROD);
      assert.ok(!result.ok || result.type === 'itin', `middle ${middle}`);
    }
  });

  it('formats nine digits for display', () => {
    assert.equal(formatTin('123456789'), '123-45-6789');
  });
});
