// Linking a verified identity to a taxpayer record (pure rules): name controls, address
// normalisation, the match decision with every reason, and reading the released claims.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  isCalendarDate,
  matchTaxpayer,
  nameControl,
  normaliseStreet,
  readVerifiedIdentity,
  sameAddress,
  zip5,
  type TaxpayerIdentity,
  type VerifiedIdentity,
} from '../../apps/account/src/domain/records/link-taxpayer.ts';

describe('nameControl: first four characters of the last name (IRS rules for individuals)', () => {
  const rows: [string, string][] = [
    ['Garcia', 'GARC'],
    ['Wilson', 'WILS'],
    ['Lee', 'LEE'],
    ['Ng', 'NG'],
    ['O', 'O'],
    ['McCarthy', 'MCCA'],
    ["O'Neil", 'ONEI'],
    ['D’Angelo', 'DANG'],
    ['Van Dyke', 'VAND'],
    ['de la Rosa', 'DELA'],
    ['Smith-Jones', 'SMIT'],
    ['Ng-Lee', 'NG-L'],
    ['Peña', 'PENA'],
    ['Müller', 'MULL'],
    ['  garcía  ', 'GARC'],
    ['St. John', 'STJO'],
    ['King Jr.', 'KING'],
    ['Johnson III', 'JOHN'],
    ['Li III', 'LI'],
    ['-Hyphen', 'HYPH'],
    ['Jr', 'JR'],
  ];
  for (const [lastName, expected] of rows) {
    it(`${JSON.stringify(lastName)} → ${expected}`, () => assert.equal(nameControl(lastName), expected));
  }
});

describe('normaliseStreet: the delivery line, USPS Publication 28 style, without unit designators', () => {
  const same: [string, string][] = [
    ['1200 Maple Ave Apt 4B', '1200 MAPLE AVENUE, APT. 4B'],
    ['1200 Maple Ave Apt 4B', '1200 Maple Ave #4B'],
    ['1200 Maple Ave Apt 4B', '1200 Maple Ave Unit 4B'],
    ['1200 Maple Ave Apt 4B', '1200  maple  avenue  4b'],
    ['310 North Pine Street', '310 N Pine St'],
    ['19 Cedar Lane', '19 Cedar Ln.'],
    ['PO Box 321', 'P.O. Box 321'],
    ['PO Box 321', 'Post Office Box 321'],
    ['PO Box 321', 'P O Box 321'],
    ['55 First Street', '55 1st St'],
    ['4420 Oak Ridge Drive', '4420 Oak Ridge Dr'],
    ['1 Calle Peñasco', '1 CALLE PENASCO'],
    ['908 Mission Boulevard Suite 5', '908 Mission Blvd Ste 5'],
  ];
  for (const [a, b] of same) {
    it(`${a} = ${b}`, () => assert.equal(normaliseStreet(a), normaliseStreet(b)));
  }
  const different: [string, string][] = [
    ['1200 Maple Ave Apt 4B', '1200 Maple Ave Apt 5B'],
    ['1200 Maple Ave', '1202 Maple Ave'],
    ['310 N Pine St', '310 S Pine St'],
    ['19 Cedar Ln', '19 Cedar Ct'],
  ];
  for (const [a, b] of different) {
    it(`${a} ≠ ${b}`, () => assert.notEqual(normaliseStreet(a), normaliseStreet(b)));
  }
  it('gives the canonical words', () => {
    assert.equal(normaliseStreet('1200 Maple Avenue, Apt. 4B'), '1200 MAPLE AVE 4B');
    assert.equal(normaliseStreet('P.O. Box 321'), 'PO BOX 321');
  });
});

describe('sameAddress: 5-digit ZIP code and delivery line; city and state are not compared', () => {
  const home = {
    street_address: '1200 Maple Ave Apt 4B',
    locality: 'Springfield',
    region: 'IL',
    postal_code: '62704',
  };
  const rows: [string, Partial<typeof home>, boolean][] = [
    ['identical', {}, true],
    ['ZIP+4', { postal_code: '62704-1234' }, true],
    ['city spelt differently', { locality: 'SPRINGFLD' }, true],
    ['another ZIP code', { postal_code: '62703' }, false],
    ['another street', { street_address: '1200 Oak Ave Apt 4B' }, false],
  ];
  for (const [name, change, expected] of rows) {
    it(name, () => assert.equal(sameAddress({ ...home, ...change }, home), expected));
  }
  it('a ZIP code of fewer than five digits never matches, even itself', () => {
    const short = { ...home, postal_code: '627' };
    assert.equal(sameAddress(short, short), false);
  });
  it('zip5 keeps the first five digits', () => {
    assert.equal(zip5('04101'), '04101');
    assert.equal(zip5('04101-2233'), '04101');
    assert.equal(zip5(' 041012233 '), '04101');
  });
});

describe('matchTaxpayer: TIN (found by fingerprint), name control, date of birth, address on the latest return', () => {
  const identity: VerifiedIdentity = {
    tin: '400123456',
    tinType: 'ssn',
    givenName: 'Maria',
    familyName: 'Garcia',
    birthdate: '1984-03-17',
    address: {
      street_address: '1200 Maple Ave Apt 4B',
      locality: 'Springfield',
      region: 'IL',
      postal_code: '62704',
    },
    ial: 'urn:tia:ial:verified',
    aal: 'urn:tia:aal:2',
    verifiedAt: 1_768_489_200,
  };
  const record: TaxpayerIdentity = {
    tinType: 'ssn',
    nameControl: 'GARC',
    birthdate: '1984-03-17',
    addressOfRecord: { street_address: '9 Old Rd', locality: 'Peoria', region: 'IL', postal_code: '61602' },
    latestReturnAddress: {
      street_address: '1200 MAPLE AVENUE APT 4B',
      locality: 'SPRINGFIELD',
      region: 'IL',
      postal_code: '62704-0001',
    },
  };
  const rows: [
    string,
    Partial<VerifiedIdentity>,
    Partial<TaxpayerIdentity> | undefined,
    ReturnType<typeof matchTaxpayer>,
  ][] = [
    [
      'everything matches (the latest return’s address, not the address of record)',
      {},
      {},
      { matched: true },
    ],
    [
      'a married name with the same name control still matches',
      { familyName: 'Garcia-Lopez' },
      {},
      { matched: true },
    ],
    ['no taxpayer for the number', {}, undefined, { matched: false, problems: ['tin'] }],
    ['an ITIN where the record holds an SSN', { tinType: 'itin' }, {}, { matched: false, problems: ['tin'] }],
    ['another last name', { familyName: 'Garner' }, {}, { matched: false, problems: ['name'] }],
    ['a last name with no letters', { familyName: '—' }, {}, { matched: false, problems: ['name'] }],
    ['another date of birth', { birthdate: '1984-03-18' }, {}, { matched: false, problems: ['birthdate'] }],
    [
      'moved since the latest return',
      {
        address: {
          street_address: '77 Lakeview Dr',
          locality: 'Madison',
          region: 'WI',
          postal_code: '53703',
        },
      },
      {},
      { matched: false, problems: ['address'] },
    ],
    [
      'no return on file: the address of record counts',
      {},
      { latestReturnAddress: undefined },
      { matched: false, problems: ['address'] },
    ],
    [
      'no return on file, address of record matches',
      { address: { street_address: '9 Old Road', locality: 'Peoria', region: 'IL', postal_code: '61602' } },
      { latestReturnAddress: undefined },
      { matched: true },
    ],
    [
      'every element that differs is reported',
      {
        familyName: 'Smith',
        birthdate: '1990-01-01',
        address: { ...identity.address, postal_code: '10001' },
      },
      {},
      { matched: false, problems: ['name', 'birthdate', 'address'] },
    ],
  ];
  for (const [name, who, found, expected] of rows) {
    it(name, () => {
      const taxpayer = found === undefined ? undefined : { ...record, ...found };
      assert.deepEqual(matchTaxpayer({ ...identity, ...who }, taxpayer), expected);
    });
  }
});

describe('readVerifiedIdentity: the released claims, complete or nothing', () => {
  const claims = {
    sub: 'pairwise-sub',
    social_security_number: '400123456',
    tin_type: 'ssn',
    given_name: 'Maria',
    family_name: 'Garcia',
    birthdate: '1984-03-17',
    address: {
      formatted: '1200 Maple Ave Apt 4B\nSpringfield, IL 62704',
      street_address: '1200 Maple Ave Apt 4B',
      locality: 'Springfield',
      region: 'IL',
      postal_code: '62704',
      country: 'US',
    },
    ial: 'urn:tia:ial:verified-facial-match',
    aal: 'urn:tia:aal:2',
    verified_at: 1_768_489_200,
    email: 'maria.garcia@example.com',
  };
  it('reads every part the match needs', () => {
    assert.deepEqual(readVerifiedIdentity(claims), {
      tin: '400123456',
      tinType: 'ssn',
      givenName: 'Maria',
      familyName: 'Garcia',
      birthdate: '1984-03-17',
      address: {
        street_address: '1200 Maple Ave Apt 4B',
        locality: 'Springfield',
        region: 'IL',
        postal_code: '62704',
      },
      ial: 'urn:tia:ial:verified-facial-match',
      aal: 'urn:tia:aal:2',
      verifiedAt: 1_768_489_200,
    });
  });
  it('accepts a dashed number', () => {
    assert.equal(
      readVerifiedIdentity({ ...claims, social_security_number: '400-12-3456' })?.tin,
      '400123456',
    );
  });
  const broken: [string, Record<string, unknown>][] = [
    ['no number (scope not granted)', { social_security_number: undefined }],
    ['a short number', { social_security_number: '40012345' }],
    ['an unknown TIN type', { tin_type: 'ein' }],
    ['no family name', { family_name: '' }],
    ['no birthdate (below IAL2)', { birthdate: undefined }],
    ['an impossible birthdate', { birthdate: '1984-02-30' }],
    ['no address', { address: undefined }],
    ['an address without a ZIP code', { address: { ...claims.address, postal_code: ' ' } }],
    ['no ial', { ial: undefined }],
  ];
  for (const [name, change] of broken) {
    it(`nothing when ${name}`, () => assert.equal(readVerifiedIdentity({ ...claims, ...change }), undefined));
  }
  it('isCalendarDate', () => {
    assert.ok(isCalendarDate('2024-02-29'));
    assert.ok(!isCalendarDate('2023-02-29'));
    assert.ok(!isCalendarDate('2024-2-9'));
    assert.ok(!isCalendarDate('2024-13-01'));
  });
});
