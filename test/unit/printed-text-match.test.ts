// The printed-text cross-check claims a mismatch only on positive evidence (table-driven, over OCR
// text as tesseract returns it from card fronts, noise included).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matchPrintedText } from '../../apps/identity/src/verification/engine/printed-text-match.ts';
import type { DocumentFields } from '../../apps/identity/src/verification/engine/document-fields.ts';

const fields = (family: string, given: string, dob: string): DocumentFields => ({
  familyName: family,
  givenNames: given,
  dateOfBirth: dob,
  expirationDate: '2031-05-25',
  issueDate: undefined,
  documentNumber: 'X1',
  sex: 'F',
  address: null,
  issuer: 'FL',
});

const HYE_JIN =
  '4d DLN\n\nG454663769309 O6r1s2022\n\nGARCIA-LOPEZ\nHYE-IN\n\n8\n4184 MILL AVE UNIT 278\nTAMPA, FL 33602\n\n3 Dog ab Exp.\n\n05/25/1954 05/25/2031\n';

describe('printed text against the barcode', () => {
  const cases: {
    name: string;
    text: string;
    fields: DocumentFields;
    printedName: string;
    printedDob: string;
  }[] = [
    {
      name: 'all there',
      text: HYE_JIN.replace('HYE-IN', 'HYE-JIN'),
      fields: fields('GARCIA-LOPEZ', 'HYE-JIN', '1954-05-25'),
      printedName: 'pass',
      printedDob: 'pass',
    },
    {
      name: 'one short part misread ("JIN" as "IN")',
      text: HYE_JIN,
      fields: fields('GARCIA-LOPEZ', 'HYE-JIN', '1954-05-25'),
      printedName: 'pass',
      printedDob: 'pass',
    },
    {
      name: 'another person’s name printed',
      text: HYE_JIN,
      fields: fields('OKAFOR', 'DAVID', '1954-05-25'),
      printedName: 'fail',
      printedDob: 'pass',
    },
    {
      name: 'another date of birth printed',
      text: HYE_JIN,
      fields: fields('GARCIA-LOPEZ', 'HYE-JIN', '1961-02-04'),
      printedName: 'pass',
      printedDob: 'fail',
    },
    {
      name: 'unreadable OCR',
      text: 'ad 124 AV ~~ 3M',
      fields: fields('GARCIA-LOPEZ', 'HYE-JIN', '1954-05-25'),
      printedName: 'unknown',
      printedDob: 'unknown',
    },
    {
      name: 'nothing of either found: OCR of something else',
      text: 'THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG 123',
      fields: fields('GARCIA-LOPEZ', 'HYE-JIN', '1954-05-25'),
      printedName: 'unknown',
      printedDob: 'unknown',
    },
    {
      name: 'name found, no date read at all',
      text: 'GARCIA-LOPEZ HYE-JIN 4184 MILL AVE TAMPA FL',
      fields: fields('GARCIA-LOPEZ', 'HYE-JIN', '1954-05-25'),
      printedName: 'pass',
      printedDob: 'unknown',
    },
  ];
  for (const c of cases) {
    it(`${c.name}: name ${c.printedName}, date of birth ${c.printedDob}`, () => {
      const result = matchPrintedText(c.text, c.fields);
      assert.equal(result.name.status, c.printedName);
      assert.equal(result.dateOfBirth.status, c.printedDob);
      if (result.name.status === 'fail') assert.equal(result.name.code, 'printed_name_mismatch');
      if (result.dateOfBirth.status === 'fail')
        assert.equal(result.dateOfBirth.code, 'printed_date_of_birth_mismatch');
    });
  }
});
