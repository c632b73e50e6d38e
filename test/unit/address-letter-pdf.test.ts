// The "confirm your address" letter: a one-page PDF in English or Spanish with the recipient, the
// address, the code in groups, the expiry and where to enter it; the same bytes for the same input.
// The words are read back through poppler's pdftotext when it is installed (skipped otherwise).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderAddressLetterPdf } from '../../apps/identity/src/verification/confirm/address-letter-pdf.ts';
import { groupedCode, type Letter } from '../../apps/identity/src/verification/confirm/postal-mail-port.ts';

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const NO_POPPLER = 'pdftotext (poppler-utils) is not installed';

function letter(overrides: Partial<Letter> = {}): Letter {
  return {
    kind: 'address_confirmation',
    recipientName: 'María José Fernández-Ortega',
    address: {
      street: '1234 Independence Ave SW Apt 5B',
      city: 'Washington',
      state: 'DC',
      postalCode: '20201',
    },
    code: 'K7QM4XZ2',
    // The end of March 5 in the agency's time zone (EST): printed as a date alone.
    expiresAt: new Date('2027-03-06T04:59:59Z'),
    locale: 'en',
    ...overrides,
  };
}

const OPTIONS = {
  providerName: 'Login.example',
  issuedAt: new Date('2027-02-04T15:00:00Z'),
  verifyUrl: 'https://idp.example.gov/verify/address',
};

/** Runs a poppler tool on the PDF and answers its output. */
function poppler(tool: 'pdftotext' | 'pdfinfo', pdf: Buffer): string {
  const folder = mkdtempSync(join(tmpdir(), 'letter-'));
  try {
    const file = join(folder, 'letter.pdf');
    writeFileSync(file, pdf);
    const args = tool === 'pdftotext' ? ['-enc', 'UTF-8', file, '-'] : ['-enc', 'UTF-8', file];
    const result = spawnSync(tool, args, { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    return result.stdout;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The letter's words with every run of whitespace made one space. */
const text = (pdf: Buffer): string => poppler('pdftotext', pdf).replace(/\s+/g, ' ');

/** Page objects are never inside compressed streams in pdfkit's output. */
const pageCount = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

describe('groupedCode', () => {
  for (const [input, expected] of [
    ['K7QM4XZ2', 'K7QM-4XZ2'],
    ['K7QM-4XZ2', 'K7QM-4XZ2'],
    [' k7qm 4xz2 ', 'k7qm-4xz2'],
    ['123456789', '1234-5678-9'],
    ['', ''],
  ] as const) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () =>
      assert.equal(groupedCode(input), expected));
  }
});

describe('renderAddressLetterPdf', () => {
  for (const locale of ['en', 'es'] as const) {
    it(`renders a one-page ${locale} PDF with its title and language set`, async () => {
      const pdf = await renderAddressLetterPdf(letter({ locale }), OPTIONS);
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.equal(pageCount(pdf), 1);
      assert.match(pdf.toString('latin1'), new RegExp(`/Lang \\(${locale}-US\\)`));
      if (hasPoppler) {
        const info = poppler('pdfinfo', pdf);
        assert.match(info, /^Pages:\s+1$/m);
        assert.match(
          info,
          locale === 'en'
            ? /^Title:\s+Confirm your address — Login\.example$/m
            : /^Title:\s+Confirme su dirección/m,
        );
      }
    });
  }

  it('stays on one page with a very long name, street, provider name and a timed expiry', async () => {
    const pdf = await renderAddressLetterPdf(
      letter({
        locale: 'es',
        recipientName: 'Guadalupe Esperanza Villanueva-Castellanos de la Rosa',
        address: {
          street: '98765 North Martin Luther King Junior Boulevard Building 12 Apartment 1204',
          city: 'Rancho Santa Margarita',
          state: 'CA',
          postalCode: '92688-1234',
        },
        code: '1234567890AB',
        expiresAt: new Date('2027-03-05T17:00:00Z'),
      }),
      { ...OPTIONS, providerName: 'Servicio de Identidad del Estado' },
    );
    assert.equal(pageCount(pdf), 1);
  });

  it('the same input gives the same bytes; another code gives others', async () => {
    const [a, b, c] = await Promise.all([
      renderAddressLetterPdf(letter(), OPTIONS),
      renderAddressLetterPdf(letter(), OPTIONS),
      renderAddressLetterPdf(letter({ code: 'AAAABBBB' }), OPTIONS),
    ]);
    assert.ok(a.equals(b));
    assert.ok(!a.equals(c));
  });

  it('refuses an empty code or an invalid expiry, without echoing the letter', async () => {
    for (const bad of [letter({ code: ' - ' }), letter({ expiresAt: new Date(Number.NaN) })]) {
      await assert.rejects(renderAddressLetterPdf(bad, OPTIONS), (error: unknown) => {
        assert.ok(error instanceof RangeError);
        assert.ok(!error.message.includes('María') && !error.message.includes('Independence'), error.message);
        return true;
      });
    }
  });

  it('the English letter has the name, address, code, expiry and where to enter it', async (t) => {
    if (!hasPoppler) return t.skip(NO_POPPLER);
    const words = text(await renderAddressLetterPdf(letter(), OPTIONS));
    for (const expected of [
      'María José Fernández-Ortega',
      '1234 Independence Ave SW Apt 5B',
      'Washington, DC 20201',
      'K7QM-4XZ2',
      'This code expires on March 5, 2027.',
      'Go to https://idp.example.gov/verify/address and sign in.',
      'February 4, 2027',
      'Confirm your address',
      'If you did not ask to verify your identity, do not enter the code',
      'never asks for your password, codes or other sign-in details by email, text message or phone call',
    ]) {
      assert.ok(words.includes(expected), `${expected} not in: ${words}`);
    }
  });

  it('the Spanish letter is in Spanish', async (t) => {
    if (!hasPoppler) return t.skip(NO_POPPLER);
    const words = text(await renderAddressLetterPdf(letter({ locale: 'es' }), OPTIONS));
    for (const expected of [
      'Confirme su dirección',
      'Estimado(a) María José Fernández-Ortega:',
      '1234 Independence Ave SW Apt 5B',
      'Washington, DC 20201',
      'Su código de confirmación',
      'K7QM-4XZ2',
      'Este código vence el 5 de marzo de 2027.',
      'Vaya a https://idp.example.gov/verify/address e inicie sesión.',
      '4 de febrero de 2027',
      '¿No lo pidió usted?',
    ]) {
      assert.ok(words.includes(expected), `${expected} not in: ${words}`);
    }
    for (const english of ['Confirm your address', 'expires', 'How to use']) {
      assert.ok(!words.includes(english), `English "${english}" in the Spanish letter`);
    }
  });

  it('an expiry that is not the end of a day is printed with its time and zone', async (t) => {
    if (!hasPoppler) return t.skip(NO_POPPLER);
    const words = text(
      await renderAddressLetterPdf(letter({ expiresAt: new Date('2027-03-05T17:00:00Z') }), OPTIONS),
    );
    assert.match(words, /This code expires on March 5, 2027,? at 12:00\s?PM EST\./);
  });
});
