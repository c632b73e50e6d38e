// USPS Publication 28 normalisation of typed addresses: delivery line (suffixes, directionals,
// secondary units moved to the end, PO boxes, punctuation), city, state codes and names, ZIP and
// ZIP+4, the problems reported, and sameAddress between spellings of one address.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  normaliseAddress,
  normaliseState,
  normaliseZip,
  sameAddress,
  type AddressInput,
} from '../../apps/identity/src/verification/records/address-rules.ts';

const BASE: AddressInput = { street: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62704' };

function streetOf(street: string, street2?: string): string {
  const result = normaliseAddress({ ...BASE, street, street2 });
  assert.ok(result.ok, `${street} did not normalise`);
  return result.address.street;
}

const STREETS: [string, string, string | undefined, string][] = [
  ['uppercase and suffix', '1200 Maple Avenue', undefined, '1200 MAPLE AVE'],
  ['punctuation stripped', '1200 Maple Ave., Apt. 4B', undefined, '1200 MAPLE AVE APT 4B'],
  ['unit before the street moves to the end', 'Apt 4B 1200 Maple Ave', undefined, '1200 MAPLE AVE APT 4B'],
  [
    'unit on the second line joins the delivery line',
    '1200 Maple Ave',
    'Apartment 4B',
    '1200 MAPLE AVE APT 4B',
  ],
  ['# dropped when a designator is known', '1200 Maple Ave Apt #4B', undefined, '1200 MAPLE AVE APT 4B'],
  ['# kept when no designator is known', '1200 Maple Ave #4B', undefined, '1200 MAPLE AVE # 4B'],
  ['a lone # is dropped', '5 Elm St #', undefined, '5 ELM ST'],
  ['SUITE → STE', '500 Market Street Suite 200', undefined, '500 MARKET ST STE 200'],
  ['FLOOR → FL', '221B Baker Street Floor 3', undefined, '221B BAKER ST FL 3'],
  ['UNIT stays UNIT', '9 Pier Rd Unit C', undefined, '9 PIER RD UNIT C'],
  ['bare designator at the end', '12 Main St Rear', undefined, '12 MAIN ST REAR'],
  ['bare designator alone on line 2', '12 Main St', 'Basement', '12 MAIN ST BSMT'],
  ['a street named like a designator', '100 Unit Rd', undefined, '100 UNIT RD'],
  ['FRONT as a street name', '12 Front St', undefined, '12 FRONT ST'],
  ['hyphenated house number kept', '12-14 Oak Ridge Drive', undefined, '12-14 OAK RIDGE DR'],
  ['fraction kept', '10 1/2 Elm St', undefined, '10 1/2 ELM ST'],
  ['stray hyphen removed', '10 - Elm St', undefined, '10 ELM ST'],
  ['apostrophe dropped', "1 O'Hare Way", undefined, '1 OHARE WAY'],
  ['accents dropped', '5 Café Ave', undefined, '5 CAFE AVE'],
  ['only the last word is a suffix', '4420 Oak Ridge Dr', undefined, '4420 OAK RIDGE DR'],
  ['a suffix-like name word is kept', '1 Avenue of the Americas', undefined, '1 AVENUE OF THE AMERICAS'],
  ['WAY stays WAY', '7 Sunset Way', undefined, '7 SUNSET WAY'],
  ['ROAD → RD', '55 Birch Road', undefined, '55 BIRCH RD'],
  ['DRIVE → DR', '77 Lakeview Drive', undefined, '77 LAKEVIEW DR'],
  ['BOULEVARD → BLVD', '908 Mission Boulevard', undefined, '908 MISSION BLVD'],
  ['LANE → LN', '19 Cedar Lane', undefined, '19 CEDAR LN'],
  ['COURT → CT', '3 Kings Court', undefined, '3 KINGS CT'],
  ['PLACE → PL', '3 Astor Place', undefined, '3 ASTOR PL'],
  ['TERRACE → TER', '3 Hill Terrace', undefined, '3 HILL TER'],
  ['CIRCLE → CIR', '3 Dupont Circle', undefined, '3 DUPONT CIR'],
  ['HIGHWAY → HWY', '3 Pacific Coast Highway', undefined, '3 PACIFIC COAST HWY'],
  ['PARKWAY → PKWY', '3 Eastern Parkway', undefined, '3 EASTERN PKWY'],
  ['SQUARE → SQ', '3 Union Square', undefined, '3 UNION SQ'],
  ['TRAIL → TRL', '3 Apache Trail', undefined, '3 APACHE TRL'],
  ['STREET → ST', '3 Elm Street', undefined, '3 ELM ST'],
  ['pre-directional', '100 North Main Street', undefined, '100 N MAIN ST'],
  ['two-word directional', '100 Southwest Oak Avenue', undefined, '100 SW OAK AVE'],
  ['post-directional after a suffix', '100 Main Street Northeast', undefined, '100 MAIN ST NE'],
  ['directional as the street name', '100 North St', undefined, '100 NORTH ST'],
  ['directional as the only name word', '10 Southwest Parkway', undefined, '10 SOUTHWEST PKWY'],
  ['post-directional with a unit', '100 Main St West Apt 2', undefined, '100 MAIN ST W APT 2'],
  ['P.O. Box', 'P.O. Box 321', undefined, 'PO BOX 321'],
  ['Post Office Box', 'Post Office Box 321', undefined, 'PO BOX 321'],
  ['POB', 'POB 321', undefined, 'PO BOX 321'],
  ['Box alone', 'box 321', undefined, 'PO BOX 321'],
  ['PO Box already standard', 'PO Box 321', undefined, 'PO BOX 321'],
  ['a second line that is not a unit stays', '1200 Maple Ave', 'c/o Jane Doe', '1200 MAPLE AVE'],
];

describe('normaliseAddress: delivery line', () => {
  for (const [name, street, street2, expected] of STREETS) {
    it(`${name}: ${JSON.stringify(street)}${street2 ? ` + ${JSON.stringify(street2)}` : ''}`, () => {
      assert.equal(streetOf(street, street2), expected);
    });
  }

  it('keeps a second line that is not a unit, normalised, as street2', () => {
    const result = normaliseAddress({ ...BASE, street: '1200 Maple Ave Apt 4', street2: 'Rear building' });
    assert.deepEqual(result.ok && result.address.street2, 'REAR BUILDING');
  });
});

const STATES: [string, string | undefined][] = [
  ['IL', 'IL'],
  ['il', 'IL'],
  ['Illinois', 'IL'],
  ['  new   york ', 'NY'],
  ['D.C.', 'DC'],
  ['District of Columbia', 'DC'],
  ['Puerto Rico', 'PR'],
  ['VI', 'VI'],
  ['GU', 'GU'],
  ['AS', 'AS'],
  ['MP', 'MP'],
  ['AA', 'AA'],
  ['AE', 'AE'],
  ['Armed Forces Pacific', 'AP'],
  ['XX', undefined],
  ['', undefined],
  ['Ill', undefined],
  ['ZZ', undefined],
];

describe('normaliseState', () => {
  for (const [input, expected] of STATES) {
    it(`${JSON.stringify(input)} → ${expected ?? 'invalid'}`, () =>
      assert.equal(normaliseState(input), expected));
  }

  it('knows 59 codes (50 states, DC, 5 territories, 3 military)', () => {
    const codes = new Set<string>();
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = normaliseState(String.fromCharCode(a, b));
        if (code) codes.add(code);
      }
    }
    assert.equal(codes.size, 59);
  });
});

const ZIPS: [string, string | undefined][] = [
  ['62704', '62704'],
  [' 62704 ', '62704'],
  ['62704-1234', '62704-1234'],
  ['627041234', '62704-1234'],
  ['62704 1234', '62704-1234'],
  ['6270', undefined],
  ['627045', undefined],
  ['62704-123', undefined],
  ['62704--1234', undefined],
  ['00000', undefined],
  ['ABCDE', undefined],
  ['', undefined],
];

describe('normaliseZip', () => {
  for (const [input, expected] of ZIPS) {
    it(`${JSON.stringify(input)} → ${expected ?? 'invalid'}`, () =>
      assert.equal(normaliseZip(input), expected));
  }
});

describe('normaliseAddress: whole address', () => {
  it('normalises every field', () => {
    assert.deepEqual(
      normaliseAddress({
        street: '1200 maple avenue',
        street2: 'apartment 4b',
        city: ' winston-salem ',
        state: 'North Carolina',
        postalCode: '271011234',
      }),
      {
        ok: true,
        address: {
          street: '1200 MAPLE AVE APT 4B',
          city: 'WINSTON-SALEM',
          state: 'NC',
          postalCode: '27101-1234',
        },
      },
    );
  });

  it('reports every problem at once', () => {
    assert.deepEqual(normaliseAddress({ street: ' ', city: '', state: 'Nowhere', postalCode: '123' }), {
      ok: false,
      problems: [
        { field: 'street', code: 'street_missing' },
        { field: 'city', code: 'city_missing' },
        { field: 'state', code: 'state_invalid' },
        { field: 'postalCode', code: 'zip_invalid' },
      ],
    });
  });

  it('a unit alone is no street', () => {
    const result = normaliseAddress({ ...BASE, street: '', street2: 'Apt 4' });
    assert.deepEqual(result, { ok: false, problems: [{ field: 'street', code: 'street_missing' }] });
  });

  it('punctuation-only city is missing', () => {
    const result = normaliseAddress({ ...BASE, city: ' ., ' });
    assert.deepEqual(result, { ok: false, problems: [{ field: 'city', code: 'city_missing' }] });
  });

  it('is idempotent on its own output', () => {
    for (const [, street, street2] of STREETS) {
      const once = normaliseAddress({ ...BASE, street, street2 });
      assert.ok(once.ok);
      const twice = normaliseAddress(once.address);
      assert.deepEqual(twice, once, street);
    }
  });
});

const MARIA: AddressInput = {
  street: '1200 Maple Ave Apt 4B',
  city: 'Springfield',
  state: 'IL',
  postalCode: '62704',
};

describe('sameAddress', () => {
  const same: [string, AddressInput][] = [
    ['spelled out', { ...MARIA, street: '1200 Maple Avenue, Apartment 4B' }],
    ['unit on line 2', { ...MARIA, street: '1200 maple ave', street2: 'apt 4b' }],
    ['# for APT', { ...MARIA, street: '1200 Maple Ave #4B' }],
    ['UNIT for APT', { ...MARIA, street: '1200 Maple Ave Unit 4B' }],
    ['ZIP+4 ignored', { ...MARIA, postalCode: '62704-0042' }],
    ['state name', { ...MARIA, state: 'illinois' }],
  ];
  for (const [name, other] of same) {
    it(`same: ${name}`, () => assert.equal(sameAddress(MARIA, other), true));
  }

  const different: [string, AddressInput][] = [
    ['other unit', { ...MARIA, street: '1200 Maple Ave Apt 4C' }],
    ['no unit', { ...MARIA, street: '1200 Maple Ave' }],
    ['other house number', { ...MARIA, street: '1202 Maple Ave Apt 4B' }],
    ['other suffix', { ...MARIA, street: '1200 Maple St Apt 4B' }],
    ['other city', { ...MARIA, city: 'Chicago' }],
    ['other state', { ...MARIA, state: 'MO' }],
    ['other ZIP5', { ...MARIA, postalCode: '62705' }],
    ['invalid address', { ...MARIA, postalCode: 'none' }],
  ];
  for (const [name, other] of different) {
    it(`different: ${name}`, () => assert.equal(sameAddress(MARIA, other), false));
  }
});
