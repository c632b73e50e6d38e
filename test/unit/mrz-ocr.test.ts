// MRZ OCR with tesseract.js on rendered specimens: a passport data page (TD3) and a passport card back
// (TD1) read back to the truth, clean and after mild degradation (rotation 3°, JPEG q40, blur, downscale
// 0.7 — made here with sharp); a blank image and a card front give null. Also the text-level repairs
// (fillers miscounted, stray characters, O/0 in the document number) and the printed-text helpers.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { parseMrz, type MrzDocument } from '../../apps/identity/src/verification/documents/mrz.ts';
import {
  bestMrzFromText,
  readMrz,
  type RawImage,
} from '../../apps/identity/src/verification/mrz-ocr/read-mrz.ts';
import {
  findDateNear,
  readPrintedText,
  textContainsName,
} from '../../apps/identity/src/verification/mrz-ocr/read-printed-text.ts';
import { closeMrzWorker } from '../../apps/identity/src/verification/mrz-ocr/tesseract-worker.ts';
import {
  buildTd1Mrz,
  buildTd3Mrz,
  renderPassportCard,
  renderPassportPage,
  type PassportSpecimen,
} from '../../apps/identity/src/verification/specimens/passport-page.ts';

/** Accuracy, not latency: no time budget, so a busy machine reads what a quiet one does. */
const ACCURACY = { timeBudgetMs: 60_000 };

const BOOK: PassportSpecimen = {
  surname: 'Garcia-Lopez',
  givenNames: 'Jose Luis',
  documentNumber: '463180840',
  nationality: 'USA',
  dateOfBirth: '1968-10-09',
  sex: 'M',
  placeOfBirth: 'Texas, U.S.A.',
  issueDate: '2020-05-12',
  expirationDate: '2030-05-11',
};
const CARD: PassportSpecimen = {
  surname: "O'Brien",
  givenNames: 'Ronald',
  documentNumber: 'C69586310',
  nationality: 'USA',
  dateOfBirth: '1949-08-15',
  sex: 'X',
  placeOfBirth: 'Ohio, U.S.A.',
  issueDate: '2018-02-10',
  expirationDate: '2028-02-09',
};

// Mild degradations of a phone capture (the shared degrade module belongs to another part of the code).
const degrade = {
  rotate: (png: Buffer, degrees: number) =>
    sharp(png).rotate(degrees, { background: '#6f6f6f' }).png().toBuffer(),
  jpeg: (png: Buffer, quality: number) => sharp(png).jpeg({ quality }).toBuffer(),
  blur: (png: Buffer, sigma: number) => sharp(png).blur(sigma).png().toBuffer(),
  downscale: async (png: Buffer, factor: number) => {
    const { width } = await sharp(png).metadata();
    return sharp(png)
      .resize(Math.round(width! * factor))
      .png()
      .toBuffer();
  },
};
const CONDITIONS: [string, (png: Buffer) => Promise<Buffer>][] = [
  ['clean', async (png) => png],
  ['rotated 3°', (png) => degrade.rotate(png, 3)],
  ['JPEG quality 40', (png) => degrade.jpeg(png, 40)],
  ['blurred σ1.2', (png) => degrade.blur(png, 1.2)],
  ['downscaled 0.7', (png) => degrade.downscale(png, 0.7)],
];

async function raw(encoded: Buffer): Promise<RawImage> {
  const { data, info } = await sharp(encoded).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function truthOf(lines: readonly string[]): MrzDocument {
  const result = parseMrz(lines);
  assert.ok(result.ok);
  return result.value;
}

function assertSameFields(read: MrzDocument, truth: MrzDocument): void {
  assert.equal(read.checkDigitsValid, true, `check digits: ${read.lines.join(' / ')}`);
  for (const key of [
    'format',
    'documentCode',
    'issuingState',
    'documentNumber',
    'nationality',
    'sex',
  ] as const) {
    assert.equal(read[key], truth[key], key);
  }
  assert.equal(read.primaryIdentifier, truth.primaryIdentifier);
  assert.equal(read.secondaryIdentifier, truth.secondaryIdentifier);
  assert.equal(read.birthDate.iso, truth.birthDate.iso);
  assert.equal(read.expirationDate.iso, truth.expirationDate.iso);
}

let page: Buffer;
let cardFront: Buffer;
let cardBack: Buffer;
const latencies: number[] = [];

before(async () => {
  page = await renderPassportPage(BOOK, { seed: 11 });
  ({ front: cardFront, back: cardBack } = await renderPassportCard(CARD, { seed: 12 }));
});

after(async () => {
  await closeMrzWorker();
  if (latencies.length > 0) {
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `readMrz latency (warm): median ${sorted[Math.floor(sorted.length / 2)]} ms, max ${sorted.at(-1)} ms`,
    );
  }
});

describe('readMrz on a passport data page (TD3)', () => {
  const truth = truthOf(buildTd3Mrz(BOOK));
  for (const [name, apply] of CONDITIONS) {
    it(`reads every field: ${name}`, async () => {
      const reading = await readMrz(await raw(await apply(page)), 'TD3', ACCURACY);
      assert.ok(reading, 'an MRZ was found');
      assert.ok(reading.result.ok);
      assertSameFields(reading.result.value, truth);
      assert.equal(reading.lines.length, 2);
      if (name !== 'clean') latencies.push(reading.ms);
    });
  }

  it('finds the format without a hint', async () => {
    const reading = await readMrz(await raw(await degrade.jpeg(page, 40)), undefined, ACCURACY);
    assert.ok(reading?.result.ok);
    assertSameFields(reading.result.value, truth);
  });
});

describe('readMrz on a passport card back (TD1)', () => {
  const truth = truthOf(buildTd1Mrz(CARD));
  for (const [name, apply] of CONDITIONS) {
    it(`reads every field: ${name}`, async () => {
      const reading = await readMrz(await raw(await apply(cardBack)), 'TD1', ACCURACY);
      assert.ok(reading, 'an MRZ was found');
      assert.ok(reading.result.ok);
      assertSameFields(reading.result.value, truth);
      assert.equal(reading.lines.length, 3);
      latencies.push(reading.ms);
    });
  }
});

describe('readMrz on an OCR-B MRZ (the ICAO typeface, whose fillers tesseract reads as K/L/C)', () => {
  // K is worth 20 ≡ 0 mod 10 like '<', so a filler read as K passes every check digit: the lines must
  // equal the truth exactly, not only the checked fields.
  it('reads the data page to the exact lines, fillers included', async () => {
    const png = await renderPassportPage(BOOK, { seed: 11, mrzFont: 'ocr-b' });
    const reading = await readMrz(await raw(png), 'TD3', ACCURACY);
    assert.deepEqual(reading?.lines, buildTd3Mrz(BOOK));
  });

  it('reads the card back to the exact lines, fillers included', async () => {
    const { back } = await renderPassportCard(CARD, { seed: 12, mrzFont: 'ocr-b' });
    const reading = await readMrz(await raw(await degrade.jpeg(back, 40)), 'TD1', ACCURACY);
    assert.deepEqual(reading?.lines, buildTd1Mrz(CARD));
  });
});

describe('readMrz without an MRZ', () => {
  it('returns null for a blank image', async () => {
    const blank = await sharp({ create: { width: 1000, height: 700, channels: 3, background: '#f4f4f0' } })
      .png()
      .toBuffer();
    assert.equal(await readMrz(await raw(blank), 'TD3', ACCURACY), null);
  });

  it('returns null for a card front (printed fields, no MRZ)', async () => {
    assert.equal(await readMrz(await raw(cardFront), 'TD1', ACCURACY), null);
  });
});

describe('bestMrzFromText (OCR text → MRZ)', () => {
  const [book1, book2] = buildTd3Mrz(BOOK);
  const card = buildTd1Mrz(CARD);
  const readLines = (text: string, hint?: 'TD1' | 'TD3') => bestMrzFromText(text, hint)?.lines;

  it('restores fillers that OCR dropped or added', () => {
    assert.deepEqual(readLines(`${book1.slice(0, 30)}\n${book2.replace('<<<<<', '<<<')}`, 'TD3'), [
      book1,
      book2,
    ]);
    assert.deepEqual(readLines(`${book1}<<<\n${book2.replace('<<<<<', '<<<<<<<')}`, 'TD3'), [book1, book2]);
  });

  it('drops a stray character inserted between two glyphs', () => {
    const noisy = book2.replace('USA', 'USAB');
    assert.deepEqual(readLines(`${book1}\n${noisy}`, 'TD3'), [book1, book2]);
  });

  it('fixes O/0 and I/1 by position, in the dates and in the document number', () => {
    const noisy = card[0]!.replace('C695863100', 'C695B63IO0');
    const dates = card[1]!.replace('4908', '49O8').replace('2802091', '28O2O9I');
    assert.deepEqual(readLines(`T${noisy.slice(1)}\n${dates}\n${card[2]}`, 'TD1'), card);
  });

  it('does not turn letters in a US number into a valid reading', () => {
    // US book and card numbers have digits after their first character: a letter there is its digit
    // look-alike, whatever the check digits would accept.
    const read = bestMrzFromText(`${book1}\n${book2.replace('4631808', '46318O8')}`, 'TD3');
    assert.ok(read?.result.ok);
    assert.equal(read.result.value.documentNumber, BOOK.documentNumber);
  });

  it('repairs one digit look-alike in a date when exactly one repair passes every check digit', () => {
    // Roboto Mono's slashed zero reads as 8: 000922 → 008922 (birth date check fails, composite too).
    const line1 = 'P<USAPATEL<<NOELLE<LOUISE<<<<<<<<<<<<<<<<<<<';
    const line2 = '8670422456USA0009221F3307113<<<<<<<<<<<<<<08';
    const read = bestMrzFromText(`${line1}\n${line2.replace('0009221', '0089221')}`, 'TD3');
    assert.ok(read?.result.ok);
    assert.deepEqual(read.lines, [line1, line2]);
    assert.equal(read.result.value.checkDigitsValid, true);
  });

  it('does not guess when two look-alike repairs both pass (WASHINGTON: 001121 read 881121)', () => {
    // 001121 and 081127 both satisfy the birth date and the composite check digits: no reading wins.
    const line1 = 'P<USAWASHINGTON<<GRACE<GRACE<<<<<<<<<<<<<<<<';
    const read = bestMrzFromText(`${line1}\n7331967516USA8811215F3502284<<<<<<<<<<<<<<04`, 'TD3');
    assert.ok(read?.result.ok);
    assert.equal(read.result.value.checkDigitsValid, false);
  });

  it('turns K/L/C after the end of the name, and in an empty optional field, back into fillers', () => {
    const [l1, l2, l3] = buildTd1Mrz(CARD);
    const read = bestMrzFromText(
      [l1, `${l2!.slice(0, 18)}<K<<K<<L<K<${l2!.slice(29)}`, 'OBRIEN<<RONALD<<<<<<KL<<<K<<KC'].join('\n'),
      'TD1',
    );
    assert.deepEqual(read?.lines, [l1, l2, l3]);
    const [b1, b2] = buildTd3Mrz(BOOK);
    const book = bestMrzFromText([`${b1!.slice(0, 30)}KKLLKCLKKLLLKK`, b2].join('\n'), 'TD3');
    assert.deepEqual(book?.lines, [b1, b2]);
  });

  it('keeps K, L and C that are part of a name (an initial, a last letter)', () => {
    const b2 = buildTd3Mrz(BOOK)[1];
    const name = 'P<USAGARCIA<LOPEZ<<JOSE<LUIS<K<<<<<<<<<<<<<<';
    assert.deepEqual(bestMrzFromText([name, b2].join('\n'), 'TD3')?.lines, [name, b2]);
    const paul = 'P<USAGARCIA<LOPEZ<<PAUL<<<<<<<<<<<<<<<<<<<<<';
    assert.deepEqual(bestMrzFromText([paul, b2].join('\n'), 'TD3')?.lines, [paul, b2]);
  });

  it('finds nothing in text that is not an MRZ', () => {
    assert.equal(
      bestMrzFromText('UNITED STATES OF AMERICA\nPASSPORT CARD\nSURNAME GARCIA', 'TD3'),
      undefined,
    );
    assert.equal(bestMrzFromText('', 'TD1'), undefined);
  });
});

describe('printed text of a card front', () => {
  it('reads the printed name and date of birth (general OCR, no whitelist)', async () => {
    const { text, ms } = await readPrintedText(await raw(cardFront));
    assert.ok(ms >= 0);
    assert.equal(textContainsName(text, CARD.surname, CARD.givenNames), true, text);
    assert.equal(findDateNear(text, CARD.dateOfBirth), true, text);
    assert.equal(findDateNear(text, '1949-08-16'), false);
  });

  it('matches dates in US and ICAO layouts, with OCR look-alikes but never another digit', () => {
    for (const text of [
      'DOB 03/17/1984',
      'DOB O3/I7/1984',
      '3-17-84',
      '17 MAR 1984',
      '17MAP1984',
      'Mar 17, 1984',
      '1984-03-17',
    ]) {
      assert.equal(findDateNear(text, '1984-03-17'), true, text);
    }
    for (const text of ['03/17/1985', '03/18/1984', '17 APR 1984', '13/17/1984', 'no date here']) {
      assert.equal(findDateNear(text, '1984-03-17'), false, text);
    }
  });

  it('matches names case-insensitively with one wrong letter per longer word', () => {
    assert.equal(
      textContainsName("SURNAME O'BRIEN-SMITH GIVEN NAMES MARY ANN", "O'Brien-Smith", 'Mary'),
      true,
    );
    assert.equal(textContainsName('0BRIEN SMTH mary', "O'Brien-Smith", 'Mary'), true);
    assert.equal(textContainsName('MC DONALD SOFIA', 'McDonald', 'Sofia'), true);
    assert.equal(textContainsName('GARCÍA LÓPEZ JOSÉ', 'Garcia-Lopez', 'Jose'), true);
    assert.equal(textContainsName('JONES MARY', 'Smith', 'Mary'), false);
    assert.equal(textContainsName('LA WEI', 'Li', 'Wei'), false);
  });
});
