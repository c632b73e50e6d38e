// Passport specimens: the TD3 and TD1 MRZ builders round-trip through parseMrz with every check digit
// valid (table cases and generated people), ICAO name transliteration and truncation, and the rendered
// PNGs (size, determinism, a visible red SPECIMEN mark, portrait or silhouette).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import sharp from 'sharp';
import { parseMrz, type MrzDocument } from '../../apps/identity/src/verification/documents/mrz.ts';
import {
  PASSPORT_CARD_SIZE,
  PASSPORT_PAGE_SIZE,
  buildTd1Mrz,
  buildTd3Mrz,
  mrzName,
  mrzNameField,
  printedDate,
  renderPassportCard,
  renderPassportPage,
  type PassportSpecimen,
} from '../../apps/identity/src/verification/specimens/passport-page.ts';

const REF = new Date('2026-06-01T00:00:00Z');

const PERSON: PassportSpecimen = {
  surname: "O'Brien-Smith",
  givenNames: 'Mary Ann',
  documentNumber: '583921047',
  nationality: 'USA',
  dateOfBirth: '1984-03-17',
  sex: 'F',
  placeOfBirth: 'New York, U.S.A.',
  issueDate: '2019-05-02',
  expirationDate: '2029-05-01',
};

function parsed(lines: readonly string[]): MrzDocument {
  const result = parseMrz(lines, { referenceDate: REF, correct: false });
  assert.ok(result.ok, `parse failed: ${result.ok ? '' : result.error.message}`);
  return result.value;
}

function assertRoundTrip(p: PassportSpecimen, doc: MrzDocument): void {
  assert.equal(doc.checkDigitsValid, true, JSON.stringify(doc.checkDigits.filter((c) => !c.valid)));
  assert.equal(doc.documentNumber, p.documentNumber);
  assert.equal(doc.birthDate.iso, p.dateOfBirth);
  assert.equal(doc.expirationDate.iso, p.expirationDate);
  assert.equal(doc.nationality, 'USA');
  assert.equal(doc.issuingState, 'USA');
  assert.equal(doc.sex, { M: 'male', F: 'female', X: 'unspecified' }[p.sex]);
}

describe('buildTd3Mrz (passport book)', () => {
  it('builds two 44-character lines that parse with every check digit valid', () => {
    const lines = buildTd3Mrz(PERSON);
    assert.deepEqual(lines, [
      'P<USAOBRIEN<SMITH<<MARY<ANN<<<<<<<<<<<<<<<<<',
      '5839210471USA8403179F2905017<<<<<<<<<<<<<<02',
    ]);
    const doc = parsed(lines);
    assert.equal(doc.format, 'TD3');
    assert.equal(doc.documentCode, 'P');
    assert.equal(doc.primaryIdentifier, 'OBRIEN SMITH');
    assert.equal(doc.secondaryIdentifier, 'MARY ANN');
    assert.deepEqual(
      doc.checkDigits.map((c) => c.name),
      ['documentNumber', 'birthDate', 'expirationDate', 'personalNumber', 'composite'],
    );
    assertRoundTrip(PERSON, doc);
  });

  it('catches a changed digit through the check digits', () => {
    const [line1, line2] = buildTd3Mrz(PERSON);
    const tampered = `${line2.slice(0, 13)}9${line2.slice(14)}`; // birth year 84 → 94
    assert.equal(parsed([line1, tampered]).checkDigitsValid, false);
  });
});

describe('buildTd1Mrz (passport card)', () => {
  it('builds three 30-character lines that parse with every check digit valid', () => {
    const card = { ...PERSON, documentNumber: 'C03005988' };
    const lines = buildTd1Mrz(card);
    assert.deepEqual(lines, [
      'IPUSAC030059887<<<<<<<<<<<<<<<',
      '8403179F2905017USA<<<<<<<<<<<0',
      'OBRIEN<SMITH<<MARY<ANN<<<<<<<<',
    ]);
    const doc = parsed(lines);
    assert.equal(doc.format, 'TD1');
    assert.equal(doc.documentCode, 'IP');
    assert.deepEqual(
      doc.checkDigits.map((c) => c.name),
      ['documentNumber', 'birthDate', 'expirationDate', 'composite'],
    );
    assertRoundTrip(card, doc);
  });
});

describe('MRZ names (ICAO 9303 Part 3)', () => {
  it('transliterates: uppercase, diacritics dropped, hyphens and spaces to fillers, apostrophes omitted', () => {
    assert.equal(mrzName("d'Artagnan"), 'DARTAGNAN');
    assert.equal(mrzName('Marie-Élise'), 'MARIE<ELISE');
    assert.equal(mrzName('  van der  Berg '), 'VAN<DER<BERG');
    assert.equal(mrzName('Müller'), 'MUELLER');
    assert.equal(mrzName('Straße'), 'STRASSE');
    assert.equal(mrzName('José Luis'), 'JOSE<LUIS');
    assert.equal(mrzName('Smith, Jr.'), 'SMITH<JR');
  });

  it('truncates the given names first, keeping the field length', () => {
    const field = mrzNameField('Smith', 'Alexandra Elizabeth Victoria Margaret', 39);
    assert.equal(field, 'SMITH<<ALEXANDRA<ELIZABETH<VICTORIA<MAR');
    assert.equal(field.length, 39);
    // A cut that would end on a filler drops it (and pads): no dangling separator is invented.
    assert.equal(mrzNameField('Smith', 'Anna Maria Theresa', 17), 'SMITH<<ANNA<MARIA');
    assert.equal(mrzNameField('Smith', 'Anna Maria Theresa', 18), 'SMITH<<ANNA<MARIA<');
  });

  it('truncates a very long surname only as far as needed to keep one initial', () => {
    const field = mrzNameField('Wolfeschlegelsteinhausenbergerdorff', 'Hubert Blaine', 30);
    assert.equal(field, 'WOLFESCHLEGELSTEINHAUSENBER<<H');
    assert.equal(
      mrzNameField('Wolfeschlegelsteinhausenbergerdorff', 'Hubert Blaine', 39),
      'WOLFESCHLEGELSTEINHAUSENBERGERDORFF<<HU',
    );
  });

  it('keeps a lone surname, padded', () => {
    assert.equal(mrzNameField('Cher', '', 30), `CHER${'<'.repeat(26)}`);
  });

  it('round-trips generated people with hyphens, apostrophes, accents and long names', () => {
    const letters = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÉéÜüñç');
    const word = fc.array(letters, { minLength: 1, maxLength: 14 }).map((cs) => cs.join(''));
    const name = fc
      .tuple(word, fc.array(fc.tuple(fc.constantFrom(' ', '-', "'"), word), { maxLength: 3 }))
      .map(([first, rest]) => first + rest.map(([sep, w]) => sep + w).join(''));
    const date = fc
      .date({
        min: new Date('1925-01-01T00:00:00Z'),
        max: new Date('2045-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const person = fc.record({
      surname: name,
      givenNames: name,
      documentNumber: fc.oneof(
        fc.stringMatching(/^\d{9}$/),
        fc.stringMatching(/^[A-Z]\d{8}$/),
        fc.stringMatching(/^C\d{8}$/),
      ),
      nationality: fc.constant('USA' as const),
      dateOfBirth: date,
      sex: fc.constantFrom('M' as const, 'F' as const, 'X' as const),
      placeOfBirth: fc.constant('OHIO, U.S.A.'),
      issueDate: date,
      expirationDate: date,
    });
    fc.assert(
      fc.property(person, (p) => {
        for (const [lines, length] of [
          [buildTd3Mrz(p), 44],
          [buildTd1Mrz(p), 30],
        ] as const) {
          for (const line of lines) {
            assert.equal(line.length, length);
            assert.match(line, /^[A-Z0-9<]+$/);
          }
          const result = parseMrz(lines, { referenceDate: REF, correct: false });
          assert.ok(result.ok);
          assert.equal(result.value.checkDigitsValid, true);
          assert.equal(result.value.documentNumber, p.documentNumber);
          assert.equal(result.value.birthDate.raw, p.dateOfBirth.slice(2).replace(/-/g, ''));
          assert.equal(result.value.expirationDate.raw, p.expirationDate.slice(2).replace(/-/g, ''));
          const primary = mrzName(p.surname).replace(/</g, ' ');
          assert.ok(primary.startsWith(result.value.primaryIdentifier), 'primary identifier is a prefix');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('printedDate', () => {
  it('prints dates like a US passport', () => {
    assert.equal(printedDate('1984-03-17'), '17 MAR 1984');
    assert.equal(printedDate('2030-12-01'), '01 DEC 2030');
  });
});

describe('renderPassportPage / renderPassportCard', () => {
  const require = createRequire(import.meta.url);
  const samples = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');

  async function redShare(png: Buffer): Promise<number> {
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    let red = 0;
    for (let i = 0; i < data.length; i += info.channels) {
      if (data[i]! > 180 && data[i]! - data[i + 1]! > 50 && data[i]! - data[i + 2]! > 50) red += 1;
    }
    return red / (info.width * info.height);
  }

  it('renders a 1250×880 data page PNG, deterministic for a seed, marked SPECIMEN in red', async () => {
    const page = await renderPassportPage(PERSON, { seed: 5 });
    const meta = await sharp(page).metadata();
    assert.equal(meta.format, 'png');
    assert.equal(meta.width, PASSPORT_PAGE_SIZE.width);
    assert.equal(meta.height, PASSPORT_PAGE_SIZE.height);
    assert.deepEqual(await renderPassportPage(PERSON, { seed: 5 }), page);
    assert.notDeepEqual(await renderPassportPage(PERSON, { seed: 6 }), page);
    assert.ok((await redShare(page)) > 0.01, 'a visible red SPECIMEN mark');
  });

  it('composites the portrait when given, a grey silhouette otherwise', async () => {
    const portrait = readFileSync(join(samples, 'sample2.jpg'));
    const withPhoto = await renderPassportPage({ ...PERSON, portrait }, { seed: 5 });
    const without = await renderPassportPage(PERSON, { seed: 5 });
    const raw = async (png: Buffer, area: { left: number; top: number; width: number; height: number }) =>
      sharp(png).extract(area).removeAlpha().raw().toBuffer();
    const meanDifference = (a: Buffer, b: Buffer) =>
      a.reduce((s, v, i) => s + Math.abs(v - b[i]!), 0) / a.length;
    const portraitArea = { left: 70, top: 185, width: 280, height: 360 };
    const mrzArea = { left: 0, top: 700, width: 1250, height: 170 };
    // The portrait area shows the photo instead of the silhouette; the rest of the page is the same.
    assert.ok(meanDifference(await raw(withPhoto, portraitArea), await raw(without, portraitArea)) > 15);
    assert.equal(meanDifference(await raw(withPhoto, mrzArea), await raw(without, mrzArea)), 0);
  });

  it('renders a passport card front and back at ID-1 size (1012×638)', async () => {
    const { front, back } = await renderPassportCard({ ...PERSON, documentNumber: 'C03005988' }, { seed: 2 });
    for (const png of [front, back]) {
      const meta = await sharp(png).metadata();
      assert.equal(meta.format, 'png');
      assert.equal(meta.width, PASSPORT_CARD_SIZE.width);
      assert.equal(meta.height, PASSPORT_CARD_SIZE.height);
      assert.ok((await redShare(png)) > 0.01, 'a visible red SPECIMEN mark');
    }
    assert.notDeepEqual(front, back);
  });
});
