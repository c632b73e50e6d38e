// The personal-details rules of identity verification, table-driven: reading the form, prefilling
// from the document, and comparing with it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  compareWithDocument,
  parseDetailsForm,
  prefillFromDocument,
  type DetailsForm,
} from '../../apps/identity/src/verification/flow/personal-details.ts';
import type { DocumentFields } from '../../apps/identity/src/verification/engine/document-fields.ts';

const NOW = new Date('2026-11-26T12:00:00Z');
const OPTIONS = { allowTestNumbers: false, minimumAge: 18, now: NOW };

const GOOD: DetailsForm = {
  givenName: '  Grace ',
  familyName: 'Kim',
  dobMonth: '8',
  dobDay: '21',
  dobYear: '1992',
  tinType: 'ssn',
  tin: '508-22-6174',
  street: '2417 Pine Street',
  street2: '',
  city: 'Boulder',
  state: 'co',
  postalCode: '80302',
};

const DOCUMENT: DocumentFields = {
  familyName: 'KIM',
  givenNames: 'GRACE MIN',
  dateOfBirth: '1992-08-21',
  expirationDate: '2030-08-21',
  issueDate: '2022-08-21',
  documentNumber: 'K1234567',
  sex: 'F',
  address: { street: '2417 PINE ST', city: 'BOULDER', state: 'CO', postalCode: '80302' },
  issuer: 'CO',
};

describe('parseDetailsForm', () => {
  it('reads a complete form: trimmed name, ISO date, nine digits, a USPS address', () => {
    const result = parseDetailsForm(GOOD, OPTIONS);
    assert.ok(result.ok);
    assert.deepEqual(result.details, {
      givenName: 'Grace',
      familyName: 'Kim',
      dateOfBirth: '1992-08-21',
      tin: '508226174',
      tinType: 'ssn',
      address: { street: '2417 PINE ST', city: 'BOULDER', state: 'CO', postalCode: '80302' },
    });
  });

  const cases: [string, Partial<DetailsForm>, { field: string; code: string }[]][] = [
    ['no given name', { givenName: ' ' }, [{ field: 'givenName', code: 'required' }]],
    ['digits in a name', { familyName: 'K1m' }, [{ field: 'familyName', code: 'name_invalid' }]],
    ['no date at all', { dobMonth: '', dobDay: '', dobYear: '' }, [{ field: 'dobMonth', code: 'required' }]],
    ['February 30', { dobMonth: '2', dobDay: '30' }, [{ field: 'dobMonth', code: 'date_invalid' }]],
    ['month 13', { dobMonth: '13' }, [{ field: 'dobMonth', code: 'date_invalid' }]],
    ['a two-digit year', { dobYear: '92' }, [{ field: 'dobMonth', code: 'date_invalid' }]],
    [
      'born tomorrow',
      { dobYear: '2026', dobMonth: '11', dobDay: '27' },
      [{ field: 'dobMonth', code: 'date_future' }],
    ],
    [
      'seventeen',
      { dobYear: '2009', dobMonth: '11', dobDay: '27' },
      [{ field: 'dobMonth', code: 'under_age' }],
    ],
    ['no number type', { tinType: '' }, [{ field: 'tinType', code: 'tin_type_required' }]],
    ['eight digits', { tin: '508-22-617' }, [{ field: 'tin', code: 'tin_format' }]],
    ['an SSN in the 9xx area', { tin: '912-73-4567' }, [{ field: 'tin', code: 'ssn_area_invalid' }]],
    ['a test SSN without test numbers', { tin: '900-12-3456' }, [{ field: 'tin', code: 'ssn_area_invalid' }]],
    [
      'an ITIN outside the ranges',
      { tinType: 'itin', tin: '912-40-4567' },
      [{ field: 'tin', code: 'itin_range_invalid' }],
    ],
    [
      'an IRS number (IRSN)',
      { tinType: 'itin', tin: '912-05-4567' },
      [{ field: 'tin', code: 'irsn_not_accepted' }],
    ],
    ['no ZIP', { postalCode: '' }, [{ field: 'postalCode', code: 'zip_invalid' }]],
    ['a made-up state', { state: 'XX' }, [{ field: 'state', code: 'state_invalid' }]],
  ];
  for (const [name, change, problems] of cases) {
    it(`refuses ${name}`, () => {
      const result = parseDetailsForm({ ...GOOD, ...change }, OPTIONS);
      assert.equal(result.ok, false);
      if (!result.ok) assert.deepEqual(result.problems, problems);
    });
  }

  it('turns 18 on the day of the birthday, not before', () => {
    assert.ok(parseDetailsForm({ ...GOOD, dobYear: '2008', dobMonth: '11', dobDay: '26' }, OPTIONS).ok);
    assert.ok(!parseDetailsForm({ ...GOOD, dobYear: '2008', dobMonth: '11', dobDay: '27' }, OPTIONS).ok);
  });

  it('accepts the records adapter’s test SSNs only when told to (development)', () => {
    const test = { ...GOOD, tin: '900-12-3456' };
    assert.ok(parseDetailsForm(test, { ...OPTIONS, allowTestNumbers: true }).ok);
  });
});

describe('prefillFromDocument', () => {
  it('takes the first given name, the family name, the date and the address', () => {
    assert.deepEqual(prefillFromDocument(DOCUMENT), {
      givenName: 'Grace',
      familyName: 'Kim',
      dobYear: '1992',
      dobMonth: '8',
      dobDay: '21',
      street: '2417 PINE ST',
      city: 'BOULDER',
      state: 'CO',
      postalCode: '80302',
    });
  });
  it('leaves the address empty for a passport, and everything without a document', () => {
    assert.equal(prefillFromDocument({ ...DOCUMENT, address: null }).street, undefined);
    assert.deepEqual(prefillFromDocument(null), {});
  });
  it('capitalises hyphenated and apostrophised names', () => {
    assert.equal(prefillFromDocument({ ...DOCUMENT, familyName: "O'NEIL-SMITH" }).familyName, "O'Neil-Smith");
  });
});

describe('compareWithDocument', () => {
  const details = (change: Partial<DetailsForm>) => {
    const result = parseDetailsForm({ ...GOOD, ...change }, OPTIONS);
    assert.ok(result.ok);
    return result.details;
  };
  const table: [string, Partial<DetailsForm>, string[]][] = [
    ['the same person', {}, []],
    ['both given names', { givenName: 'Grace Min' }, []],
    ['accents and case', { givenName: 'GRÁCE', familyName: 'kim' }, []],
    ['another given name', { givenName: 'Grant' }, ['name']],
    ['another family name', { familyName: 'Kimball' }, ['name']],
    ['another birthday', { dobDay: '22' }, ['date_of_birth']],
    ['both wrong', { familyName: 'Lee', dobYear: '1993' }, ['name', 'date_of_birth']],
  ];
  for (const [name, change, expected] of table) {
    it(name, () => assert.deepEqual(compareWithDocument(details(change), DOCUMENT), expected));
  }
  it('has nothing to compare without document fields', () => {
    assert.deepEqual(compareWithDocument(details({ familyName: 'Lee' }), null), []);
  });
});
