// The installment agreement PDF: a PDF, the same bytes (and SHA-256) for the same input, different
// ones for a different input, and the words in English and Spanish. The text is read from an
// uncompressed rendering (pdfkit writes each line as hex strings in TJ arrays); when poppler's
// pdftotext is on the machine the compressed PDF is checked through it as well.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AGREEMENT_SCHEDULE_ROWS,
  agreementSha256,
  renderAgreementPdf,
  type AgreementPdfInput,
} from '../../apps/account/src/plans/agreement-pdf.ts';
import { firstPaymentDate, planInstallments } from '../../apps/account/src/domain/payments/plan-schedule.ts';

function input(overrides: Partial<AgreementPdfInput> = {}): AgreementPdfInput {
  const first = firstPaymentDate('2025-01-20', 15);
  const schedule = planInstallments({
    owedCents: 1_234_567n,
    monthlyCents: 50_000n,
    paymentDay: 15,
    firstPaymentDate: first,
  });
  if (!schedule.ok) throw new Error(schedule.problem);
  return {
    language: 'en',
    agencyName: 'Department of Revenue',
    taxpayerName: 'María García',
    tinLast4: '1234',
    tinType: 'ssn',
    planType: 'long-term',
    taxYears: [2024, 2023],
    owedCents: 1_234_567n,
    monthlyCents: 50_000n,
    paymentDay: 15,
    firstPaymentDate: first,
    directDebit: { bankLast4: '6789', accountType: 'checking' },
    userFeeCents: 2_200n,
    feeKindLabel: 'long-term, direct debit, online',
    lowIncome: false,
    installments: schedule.installments,
    version: '2025-01',
    createdOn: '2025-01-20',
    ...overrides,
  };
}

/** The text lines of an uncompressed pdfkit PDF: each TJ array's hex strings, decoded (WinAnsi ≈ Latin-1 here). */
function pdfLines(pdf: Buffer): string[] {
  const lines: string[] = [];
  for (const [, array] of pdf.toString('latin1').matchAll(/\[([^\]]*)\] TJ/g)) {
    const hex = [...array!.matchAll(/<([0-9a-fA-F]*)>/g)].map((m) => m[1]).join('');
    lines.push(Buffer.from(hex, 'hex').toString('latin1'));
  }
  return lines;
}

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;

describe('agreement PDF', () => {
  it('is a PDF', async () => {
    const pdf = await renderAgreementPdf(input());
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.match(pdf.subarray(-8).toString('latin1'), /%%EOF\s*$/);
  });

  it('renders the same bytes for the same input, so the SHA-256 identifies what was accepted', async () => {
    const a = await renderAgreementPdf(input());
    const b = await renderAgreementPdf(input());
    assert.ok(a.equals(b));
    assert.match(agreementSha256(a), /^[0-9a-f]{64}$/);
    assert.equal(agreementSha256(a), agreementSha256(b));
  });

  it('a different input gives a different PDF', async () => {
    const base = agreementSha256(await renderAgreementPdf(input()));
    const variants: Partial<AgreementPdfInput>[] = [
      { monthlyCents: 50_001n },
      { taxpayerName: 'Maria Garcia' },
      { createdOn: '2025-01-21' },
      { version: '2025-02' },
      { directDebit: null },
      { language: 'es' },
    ];
    const hashes = new Set([base]);
    for (const variant of variants) hashes.add(agreementSha256(await renderAgreementPdf(input(variant))));
    assert.equal(hashes.size, variants.length + 1);
  });

  it('takes its CreationDate from createdOn, not the clock', async () => {
    const pdf = (
      await renderAgreementPdf(input({ createdOn: '2025-01-20T15:04:05Z' }), { compress: false })
    ).toString('latin1');
    assert.match(pdf, /\(D:20250120150405Z\)/);
    assert.equal(pdf.match(/\(D:\d{14}Z\)/g)?.length, 1);
  });

  it('English: title, terms, the first 12 payments, the conditions and acceptance', async () => {
    const lines = pdfLines(await renderAgreementPdf(input(), { compress: false }));
    const text = lines.join('\n');
    assert.ok(lines.includes('Installment Agreement'));
    for (const expected of [
      'Social Security number ending in 1234',
      '$12,345.67',
      '$500.00',
      'The 15th of each month',
      'March 15, 2025',
      'Direct debit from your checking account ending in 6789',
      '$22.00 (long-term, direct debit, online)',
      'February 15, 2026', // the 12th payment
      '0.25% per month',
      'Notice of Federal Tax Lien',
      'You accept by selecting "I agree"; no signature is needed.',
    ]) {
      assert.ok(text.replace(/\s+/g, ' ').includes(expected), `missing: ${expected}`);
    }
    assert.ok(!text.includes('March 15, 2026'), 'only the first 12 payments are listed'); // the 13th
    assert.match(text, /and 13 more monthly payments\. The last payment, \$345\.67, is due March 15, 2027\./);
    assert.equal(AGREEMENT_SCHEDULE_ROWS, 12);
  });

  it('Spanish: title and the same terms in Spanish', async () => {
    const lines = pdfLines(
      await renderAgreementPdf(
        input({ language: 'es', tinType: 'itin', feeKindLabel: 'largo plazo, débito directo, en línea' }),
        {
          compress: false,
        },
      ),
    );
    const text = lines.join(' ').replace(/\s+/g, ' ');
    assert.ok(lines.includes('Acuerdo de pagos a plazos'));
    for (const expected of [
      'que termina en 1234',
      'El día 15 de cada mes',
      '15 de marzo de 2025',
      'Débito directo de su cuenta de cheques que termina en 6789',
      '0.25% al mes',
      'Aviso de Gravamen de Impuestos Federales',
      'Usted acepta al seleccionar «Acepto»; no se necesita firma.',
    ]) {
      assert.ok(text.includes(expected), `missing: ${expected}`);
    }
    assert.ok(!text.includes('Installment Agreement'));
  });

  it('a short-term plan shows its pay-by date; without direct debit, no debit authorization', async () => {
    const lines = pdfLines(
      await renderAgreementPdf(
        input({
          planType: 'short-term',
          owedCents: 100_000n,
          monthlyCents: 50_000n,
          payBy: '2025-07-19',
          directDebit: null,
          userFeeCents: 0n,
          installments: [
            { date: '2025-03-15', amountCents: 50_000n },
            { date: '2025-04-15', amountCents: 50_000n },
          ],
        }),
        { compress: false },
      ),
    );
    const text = lines.join(' ');
    assert.ok(text.includes('July 19, 2025'));
    assert.ok(text.includes('Short-term payment plan'));
    assert.ok(!text.includes('You authorize us'));
    assert.ok(!text.includes('more monthly'));
  });

  it('refuses anything but the last 4 digits of a TIN or bank account, and an empty schedule', async () => {
    await assert.rejects(async () => renderAgreementPdf(input({ tinLast4: '123456789' })), RangeError);
    await assert.rejects(
      async () =>
        renderAgreementPdf(input({ directDebit: { bankLast4: '12345678', accountType: 'savings' } })),
      RangeError,
    );
    await assert.rejects(async () => renderAgreementPdf(input({ installments: [] })), RangeError);
    await assert.rejects(async () => renderAgreementPdf(input({ createdOn: 'yesterday' })), RangeError);
  });

  it('reads correctly through pdftotext (when poppler is installed)', { skip: !hasPdftotext }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agreement-'));
    try {
      const file = join(dir, 'agreement.pdf');
      writeFileSync(file, await renderAgreementPdf(input({ language: 'es' })));
      const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
      assert.equal(result.status, 0);
      assert.match(result.stdout, /Acuerdo de pagos a plazos/);
      assert.match(result.stdout, /María García/);
      assert.match(result.stdout, /Página 1 de 2/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
