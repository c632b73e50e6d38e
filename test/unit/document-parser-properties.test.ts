// Property tests for the AAMVA and MRZ parsers (issue #5): over 10,000+ generated inputs each, they
// never throw, every failure carries a code from their closed lists, and well-formed inputs round-trip.
// Inputs are built three ways: arbitrary text, well-formed documents from generated fields, and those
// documents mutated (bytes replaced, cut, inserted, separators swapped) the way scanners damage them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseAamva, type AamvaFailureCode } from '../../apps/identity/src/verification/documents/aamva.ts';
import { validateAamva } from '../../apps/identity/src/verification/documents/aamva-validation.ts';
import {
  mrzCheckDigit,
  parseMrz,
  type MrzFailureCode,
} from '../../apps/identity/src/verification/documents/mrz.ts';
import { validateMrz } from '../../apps/identity/src/verification/documents/mrz-validation.ts';

const RUNS = 10_000;
type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;
const REF = new Date('2026-06-01T00:00:00Z');

const AAMVA_CODES: ReadonlySet<AamvaFailureCode> = new Set<AamvaFailureCode>([
  'AAMVA_EMPTY',
  'AAMVA_TOO_SHORT',
  'AAMVA_BAD_COMPLIANCE_INDICATOR',
  'AAMVA_BAD_DATA_ELEMENT_SEPARATOR',
  'AAMVA_BAD_RECORD_SEPARATOR',
  'AAMVA_BAD_SEGMENT_TERMINATOR',
  'AAMVA_BAD_FILE_TYPE',
  'AAMVA_BAD_HEADER_NUMBER',
  'AAMVA_UNSUPPORTED_VERSION',
  'AAMVA_NO_ENTRIES',
  'AAMVA_BAD_SUBFILE_DESIGNATOR',
  'AAMVA_SUBFILE_TYPE_MISSING',
  'AAMVA_SUBFILE_TERMINATOR_MISSING',
  'AAMVA_NO_DATA_ELEMENTS',
]);
const MRZ_CODES: ReadonlySet<MrzFailureCode> = new Set<MrzFailureCode>([
  'MRZ_EMPTY',
  'MRZ_LINE_COUNT',
  'MRZ_LINE_LENGTH',
  'MRZ_INVALID_CHARACTER',
]);

// ---- AAMVA ---------------------------------------------------------------------------------------

const upperWord = fc.stringMatching(/^[A-Z]{1,10}([' -][A-Z]{1,8}){0,2}$/);
const usDate = fc
  .record({
    y: fc.integer({ min: 1920, max: 2040 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => ({
    mmddyyyy: `${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${y}`,
    iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  }));

const licenseFields = fc.record({
  family: upperWord,
  given: upperWord,
  dob: usDate,
  exp: usDate,
  iss: usDate,
  number: fc.stringMatching(/^[A-Z0-9]{6,14}$/),
  street: fc.stringMatching(/^[1-9][0-9]{0,4} [A-Z]{2,12} (ST|AVE|RD|DR)$/),
  city: upperWord,
  zip: fc.stringMatching(/^[0-9]{5}$/),
  version: fc.integer({ min: 1, max: 10 }),
  crlf: fc.boolean(),
});

interface BuiltLicense {
  payload: string;
  iso: { dob: string; exp: string };
  number: string;
  family: string;
}

/** A version-correct DL payload with a single subfile and a correct designator offset. */
function buildLicense(f: ValueOf<typeof licenseFields>): BuiltLicense {
  const sep = f.crlf ? '\r\n' : '\n';
  const names =
    f.version === 1
      ? [`DAA${f.family},${f.given}`]
      : f.version === 2 || f.version === 3
        ? [`DCS${f.family}`, `DCT${f.given}`]
        : [`DCS${f.family}`, `DAC${f.given}`];
  const elements = [
    ...names,
    `DAQ${f.number}`,
    `DBB${f.dob.mmddyyyy}`,
    `DBA${f.exp.mmddyyyy}`,
    `DBD${f.iss.mmddyyyy}`,
    `DAG${f.street}`,
    `DAI${f.city}`,
    'DAJIL',
    `DAK${f.zip}`,
    'DBC1',
    'DCGUSA',
  ];
  const subfile = `DL${elements.join(sep)}\r`;
  const version = String(f.version).padStart(2, '0');
  const headerFixed = `@\n\x1e\rANSI 636035${version}${f.version === 1 ? '' : '00'}01`;
  const offset = headerFixed.length + 10;
  const designator = `DL${String(offset).padStart(4, '0')}${String(subfile.length).padStart(4, '0')}`;
  return {
    payload: `${headerFixed}${designator}${subfile}`,
    iso: { dob: f.dob.iso, exp: f.exp.iso },
    number: f.number,
    family: f.family,
  };
}

const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('replace' as const),
    at: fc.nat(),
    char: fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
  }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), char: fc.constant('') }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), char: fc.string({ maxLength: 4 }) }),
  fc.record({ kind: fc.constant('swap-lf' as const), at: fc.nat(), char: fc.constant('') }),
  fc.record({
    kind: fc.constant('bom' as const),
    at: fc.nat(),
    char: fc.constantFrom('\ufeff', ' \n', '\t'),
  }),
);

function mutate(text: string, m: ValueOf<typeof mutation>): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  switch (m.kind) {
    case 'replace':
      return text.slice(0, at) + m.char + text.slice(at + 1);
    case 'cut':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + m.char + text.slice(at);
    case 'swap-lf':
      return text.replaceAll('\n', '\r').replaceAll('\x1e', '\n');
    case 'bom':
      return m.char + text;
    default:
      return text;
  }
}

function parseAamvaSafely(input: string, strict: boolean): void {
  const result = parseAamva(input, { strict });
  if (result.ok) {
    assert.equal(typeof result.value.header.version, 'number');
    for (const problem of validateAamva(result.value, { referenceDate: REF }))
      assert.equal(typeof problem.code, 'string');
  } else {
    assert.ok(AAMVA_CODES.has(result.error.code), `unexpected code ${result.error.code}`);
    assert.ok(result.error.message.length > 0);
  }
}

describe('AAMVA parser properties', () => {
  it(`never throws on ${RUNS} arbitrary strings, strict or lenient`, () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: 'binary', maxLength: 400 })),
        fc.boolean(),
        (text, strict) => parseAamvaSafely(text, strict),
      ),
      { numRuns: RUNS },
    );
  });

  it(`round-trips ${RUNS} generated licences, versions 01–10, LF or CR/LF separators`, () => {
    fc.assert(
      fc.property(licenseFields, (f) => {
        const built = buildLicense(f);
        const result = parseAamva(built.payload);
        assert.ok(result.ok, result.ok ? '' : `${result.error.code}: ${result.error.message}`);
        const fields = result.value.fields;
        assert.equal(fields.documentNumber, built.number);
        assert.equal(fields.dateOfBirth, built.iso.dob);
        assert.equal(fields.expirationDate, built.iso.exp);
        assert.equal(fields.familyName?.toUpperCase(), built.family.trim().toUpperCase());
        assert.equal(fields.address.state, 'IL');
      }),
      { numRuns: RUNS },
    );
  });

  it(`gives only typed results for ${RUNS} damaged licences`, () => {
    fc.assert(
      fc.property(
        licenseFields,
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (f, ms, strict) => {
          const damaged = ms.reduce((text, m) => mutate(text, m), buildLicense(f).payload);
          parseAamvaSafely(damaged, strict);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

// ---- MRZ -----------------------------------------------------------------------------------------

const mrzText = (length: number) => fc.stringMatching(new RegExp(`^[A-Z0-9<]{${length}}$`));
const yymmdd = fc
  .record({
    y: fc.integer({ min: 0, max: 99 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => [y, m, d].map((n) => String(n).padStart(2, '0')).join(''));

const td3Fields = fc.record({
  surname: fc.stringMatching(/^[A-Z]{1,20}$/),
  given: fc.stringMatching(/^[A-Z]{1,15}$/),
  number: fc.stringMatching(/^[A-Z0-9]{6,9}$/).map((n) => n.padEnd(9, '<')),
  birth: yymmdd,
  expiry: yymmdd,
  sex: fc.constantFrom('M', 'F', '<'),
  personal: fc.stringMatching(/^[A-Z0-9]{0,14}$/).map((n) => n.padEnd(14, '<')),
});

function buildTd3(f: ValueOf<typeof td3Fields>): [string, string] {
  const line1 = `P<UTO${f.surname}<<${f.given}`.padEnd(44, '<').slice(0, 44);
  const personalCheck = /^<+$/.test(f.personal) ? '<' : mrzCheckDigit(f.personal);
  const numberPart = `${f.number}${mrzCheckDigit(f.number)}`;
  const birthPart = `${f.birth}${mrzCheckDigit(f.birth)}`;
  const expiryPart = `${f.expiry}${mrzCheckDigit(f.expiry)}`;
  const personalPart = `${f.personal}${personalCheck}`;
  const composite = mrzCheckDigit(`${numberPart}${birthPart}${expiryPart}${personalPart}`);
  return [line1, `${numberPart}UTO${birthPart}${f.sex}${expiryPart}${personalPart}${composite}`];
}

function parseMrzSafely(input: string | readonly string[]): void {
  const result = parseMrz(input, { referenceDate: REF });
  if (result.ok) {
    for (const problem of validateMrz(result.value, { referenceDate: REF }))
      assert.equal(typeof problem.code, 'string');
  } else {
    assert.ok(MRZ_CODES.has(result.error.code), `unexpected code ${result.error.code}`);
  }
}

describe('MRZ parser properties', () => {
  it(`never throws on ${RUNS} arbitrary inputs (strings, line arrays, right-shaped noise)`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 120 }),
          fc.array(fc.string({ maxLength: 50 }), { maxLength: 4 }),
          fc.tuple(mrzText(44), mrzText(44)),
          fc.tuple(mrzText(36), mrzText(36)),
          fc.tuple(mrzText(30), mrzText(30), mrzText(30)),
        ),
        parseMrzSafely,
      ),
      { numRuns: RUNS },
    );
  });

  it(`reads back ${RUNS} generated TD3 zones with every check digit valid`, () => {
    fc.assert(
      fc.property(td3Fields, (f) => {
        const lines = buildTd3(f);
        const result = parseMrz(lines, { referenceDate: REF, correct: false });
        assert.ok(result.ok);
        assert.equal(result.value.checkDigitsValid, true, lines.join('\n'));
        assert.equal(result.value.documentNumber.replace(/<+$/, ''), f.number.replace(/<+$/, ''));
        assert.equal(result.value.birthDate.raw, f.birth);
        assert.equal(result.value.primaryIdentifier, f.surname);
      }),
      { numRuns: RUNS },
    );
  });

  it(`catches every single-digit substitution in a checked field (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(
        td3Fields,
        fc.integer({ min: 13, max: 18 }),
        fc.integer({ min: 1, max: 9 }),
        (f, column, bump) => {
          // Columns 13–18 of line 2 hold the date of birth (digits only); 7-3-1 weights catch any change of one digit.
          const [line1, line2] = buildTd3(f);
          const digit = Number(line2[column]);
          const changed = line2.slice(0, column) + String((digit + bump) % 10) + line2.slice(column + 1);
          const result = parseMrz([line1, changed], { referenceDate: REF, correct: false });
          assert.ok(result.ok);
          const birth = result.value.checkDigits.find((check) => check.name === 'birthDate');
          assert.equal(birth?.valid, false);
          assert.equal(result.value.checkDigitsValid, false);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`gives only typed results for ${RUNS} damaged zones`, () => {
    fc.assert(
      fc.property(td3Fields, fc.array(mutation, { minLength: 1, maxLength: 3 }), (f, ms) => {
        const damaged = ms.reduce((text, m) => mutate(text, m), buildTd3(f).join('\n'));
        parseMrzSafely(damaged);
      }),
      { numRuns: RUNS },
    );
  });
});
