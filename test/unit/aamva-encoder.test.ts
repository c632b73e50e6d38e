// AAMVA payload encoder for specimen licenses: exact header, designator offsets and lengths, every v10
// mandatory element, strict-parser round trips for hand-made cards, ten states' IINs, and 1,000
// synthetic people (plus the demo people) from specimen-people.ts, all valid on the chosen day.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAamva, type AamvaDocument } from '../../apps/identity/src/verification/documents/aamva.ts';
import {
  AAMVA_IIN_TABLE,
  mandatoryElements,
  validateAamva,
} from '../../apps/identity/src/verification/documents/aamva-validation.ts';
import {
  aamvaText,
  encodeAamva,
  iinForState,
  type LicenseData,
} from '../../apps/identity/src/verification/specimens/aamva-encoder.ts';
import {
  specimenPerson,
  specimenPersonFromDemo,
} from '../../apps/identity/src/verification/specimens/specimen-people.ts';
import { DEMO_PEOPLE } from '../../apps/identity/src/seed/demo-people.ts';

const NOW = new Date('2025-11-26T15:00:00Z');

const base: LicenseData = {
  documentType: 'DL',
  familyName: "O'Brien-Núñez",
  givenName: 'Zoë',
  middleName: 'Ann Marie',
  dateOfBirth: '1984-03-17',
  issueDate: '2022-01-05',
  expirationDate: '2030-03-17',
  documentNumber: 'G1234567',
  sex: 'F',
  eyeColor: 'BRO',
  heightInches: 65,
  address: { street: '1200 Maple Ave Apt 4B', city: 'Springfield', state: 'IL', postalCode: '62704' },
  documentDiscriminator: 'ABC123XYZ',
};

function strict(payload: string): AamvaDocument {
  const result = parseAamva(payload, { strict: true });
  assert.ok(result.ok, result.ok ? '' : `${result.error.code}: ${result.error.message}`);
  return result.value;
}

function zipOf(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return digits.length === 9 && !digits.endsWith('0000')
    ? `${digits.slice(0, 5)}-${digits.slice(5)}`
    : digits.slice(0, 5);
}

/** Every field of `d` comes back from a strict parse, in the card's character set. */
function assertRoundTrip(d: LicenseData, doc: AamvaDocument): void {
  const f = doc.fields;
  assert.equal(doc.documentType, d.documentType);
  assert.equal(f.familyName, aamvaText(d.familyName));
  assert.equal(
    [f.givenName, f.middleNames].filter(Boolean).join(' '),
    aamvaText(`${d.givenName} ${d.middleName ?? ''}`),
  );
  assert.equal(f.dateOfBirth, d.dateOfBirth);
  assert.equal(f.issueDate, d.issueDate);
  assert.equal(f.expirationDate, d.expirationDate);
  assert.equal(f.documentNumber, d.documentNumber.toUpperCase());
  assert.equal(f.sex, d.sex);
  assert.equal(f.country, 'USA');
  assert.equal(f.eyeColor, d.eyeColor);
  assert.equal(f.height, `${String(d.heightInches).padStart(3, '0')} IN`);
  assert.equal(f.documentDiscriminator, d.documentDiscriminator.toUpperCase());
  assert.deepEqual(f.address, {
    street: aamvaText(d.address.street),
    street2: undefined,
    city: aamvaText(d.address.city),
    state: d.address.state,
    postalCode: zipOf(d.address.postalCode),
  });
  assert.deepEqual(f.truncation, {
    familyName: 'not-truncated',
    givenName: 'not-truncated',
    middleNames: 'not-truncated',
  });
}

describe('encodeAamva', () => {
  it('writes the AAMVA 2020 header and subfile designators byte for byte', () => {
    const payload = encodeAamva(base);
    assert.equal(payload.slice(0, 9), '@\n\x1e\rANSI ');
    assert.equal(payload.slice(9, 15), '636035'); // Illinois
    assert.equal(payload.slice(15, 21), '100002'); // version 10, jurisdiction version 00, 2 entries
    const designators = [payload.slice(21, 31), payload.slice(31, 41)];
    assert.match(designators[0]!, /^DL0041\d{4}$/);
    assert.match(designators[1]!, /^ZI\d{8}$/);
    let expectedOffset = 41;
    for (const designator of designators) {
      const type = designator.slice(0, 2);
      const offset = Number(designator.slice(2, 6));
      const length = Number(designator.slice(6, 10));
      assert.equal(offset, expectedOffset);
      assert.equal(payload.slice(offset, offset + 2), type);
      assert.equal(payload[offset + length - 1], '\r');
      assert.ok(!payload.slice(offset, offset + length - 1).includes('\r'));
      expectedOffset = offset + length;
    }
    assert.equal(payload.length, expectedOffset);
  });

  it('round-trips every field through the strict parser and passes validation', () => {
    const doc = strict(encodeAamva(base));
    assertRoundTrip(base, doc);
    assert.equal(doc.header.version, 10);
    assert.deepEqual(doc.warnings, []);
    assert.deepEqual(validateAamva(doc, { referenceDate: NOW }), []);
    for (const id of [...mandatoryElements(10), 'DCA', 'DCB', 'DCD', 'DAY', 'DAU']) {
      assert.ok(doc.elements[id] !== undefined, `${id} missing`);
    }
    assert.equal(doc.elements.DAK, '627040000  ');
    assert.equal(doc.elements.DBB, '03171984');
  });

  it('encodes an ID card, ZIP+4, no middle name, and an expired card that validation flags', () => {
    const id: LicenseData = {
      ...base,
      documentType: 'ID',
      middleName: undefined,
      address: { ...base.address, postalCode: '62704-1234' },
      expirationDate: '2024-03-17',
    };
    const doc = strict(encodeAamva(id));
    assertRoundTrip(id, doc);
    assert.equal(doc.elements.DAD, 'NONE');
    assert.equal(doc.fields.middleNames, undefined);
    assert.deepEqual(
      validateAamva(doc, { referenceDate: NOW }).map((p) => p.code),
      ['AAMVA_EXPIRED'],
    );
  });

  it('takes versions 8 and 9, CRLF element separators and an explicit IIN', () => {
    for (const version of [8, 9] as const) {
      const doc = strict(encodeAamva(base, { version }));
      assert.equal(doc.header.version, version);
      assertRoundTrip(base, doc);
    }
    const crlf = encodeAamva(base, { lineEnding: 'CRLF' });
    assert.ok(crlf.includes('\r\nDCS'));
    assertRoundTrip(base, strict(crlf));
    const other = strict(encodeAamva(base, { iin: '636014' }));
    assert.deepEqual(
      validateAamva(other, { referenceDate: NOW }).map((p) => p.code),
      ['AAMVA_IIN_STATE_MISMATCH'],
    );
  });

  it('truncates over-long names to 40 characters and flags them', () => {
    const long = { ...base, familyName: 'Wolfeschlegelsteinhausenbergerdorff-Abernathy' };
    const doc = strict(encodeAamva(long));
    assert.equal(doc.elements.DCS?.length, 40);
    assert.equal(doc.fields.truncation.familyName, 'truncated');
    assert.equal(doc.fields.truncation.givenName, 'not-truncated');
  });

  it('folds accents and letters without a decomposition to ASCII', () => {
    assert.equal(
      aamvaText("  Ødegaard-Łukasiewicz  o'Súilleabháin ß "),
      "ODEGAARD-LUKASIEWICZ O'SUILLEABHAIN SS",
    );
  });

  it('rejects what the standard cannot carry', () => {
    assert.throws(() => encodeAamva({ ...base, address: { ...base.address, state: 'ZZ' } }), RangeError);
    assert.throws(() => encodeAamva({ ...base, dateOfBirth: '17/03/1984' }), RangeError);
    assert.throws(
      () => encodeAamva({ ...base, address: { ...base.address, postalCode: '1234' } }),
      RangeError,
    );
    assert.throws(() => encodeAamva({ ...base, heightInches: 65.5 }), RangeError);
  });

  it("uses each state's own IIN (10 states)", () => {
    const states = ['CA', 'TX', 'NY', 'FL', 'WA', 'ME', 'NJ', 'PR', 'AK', 'DC'];
    for (const state of states) {
      const d = { ...base, address: { ...base.address, state } };
      const doc = strict(encodeAamva(d));
      const iin = iinForState(state);
      assert.equal(doc.header.issuerId, iin);
      assert.equal(AAMVA_IIN_TABLE[doc.header.issuerId]?.code, state);
      assertRoundTrip(d, doc);
      assert.deepEqual(validateAamva(doc, { referenceDate: NOW }), [], state);
    }
  });
});

describe('specimen people', () => {
  it('1,000 synthetic people round-trip and are valid adults on the day', () => {
    const states = new Set<string>();
    const numbers = new Set<string>();
    for (let seed = 0; seed < 1000; seed += 1) {
      const person = specimenPerson(seed, { now: NOW, documentType: seed % 3 === 0 ? 'ID' : 'DL' });
      const d = person.license;
      const doc = strict(encodeAamva(d));
      assertRoundTrip(d, doc);
      assert.deepEqual(validateAamva(doc, { referenceDate: NOW }), [], `seed ${seed}`);
      assert.ok(d.issueDate <= NOW.toISOString().slice(0, 10), `seed ${seed} issued in the future`);
      assert.ok(d.issueDate > d.dateOfBirth);
      states.add(d.address.state);
      numbers.add(d.documentNumber);
    }
    assert.ok(states.size >= 20, `only ${states.size} states`);
    assert.ok(numbers.size >= 995, 'document numbers should rarely collide');
  });

  it('is deterministic for a seed and a day, and varies with the seed', () => {
    assert.deepEqual(specimenPerson(42, { now: NOW }), specimenPerson(42, { now: NOW }));
    assert.notDeepEqual(specimenPerson(42, { now: NOW }), specimenPerson(43, { now: NOW }));
  });

  it('gives hyphenated, apostrophe and accented names among the first 200', () => {
    const names = Array.from({ length: 200 }, (_, s) => specimenPerson(s, { now: NOW }).license.familyName);
    assert.ok(names.some((n) => n.includes('-')));
    assert.ok(names.some((n) => n.includes("'")));
    assert.ok(names.some((n) => n !== n.normalize('NFKD')));
  });

  it('maps every demo person to a valid card matching their record', () => {
    for (const [i, demo] of DEMO_PEOPLE.entries()) {
      const person = specimenPersonFromDemo(demo, i, { now: NOW });
      assert.deepEqual(person, specimenPersonFromDemo(demo, i, { now: NOW }));
      const doc = strict(encodeAamva(person.license));
      assert.deepEqual(validateAamva(doc, { referenceDate: NOW }), [], demo.email);
      const { fields } = doc;
      assert.equal(fields.familyName, demo.familyName.toUpperCase());
      assert.equal(fields.givenName, demo.givenName.toUpperCase());
      assert.equal(fields.dateOfBirth, demo.verified.birthdate);
      assert.equal(fields.address.street, demo.verified.address.street_address.toUpperCase());
      assert.equal(fields.address.city, demo.verified.address.locality.toUpperCase());
      assert.equal(fields.address.state, demo.verified.address.region);
      assert.equal(fields.address.postalCode, demo.verified.address.postal_code);
      assert.equal(person.portraitIndex, i);
    }
  });
});
