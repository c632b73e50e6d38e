// The installment agreement a person accepts when they set up a payment plan, as a PDF (issue #8):
// who it is for (name and the last 4 digits of the SSN or ITIN only), the terms, the first 12
// payments (../domain/payments/plan-schedule.ts), the standard conditions and how acceptance works
// ("I agree", no signature). English or Spanish; the words are in ./agreement-text.ts.
//
// The same input always gives the same bytes, so the SHA-256 of the PDF (agreementSha256) can be
// recorded as exactly what the person accepted: only pdfkit's built-in Helvetica fonts (nothing
// read from disk or the network, no font subset tags), the document's CreationDate is taken from
// `createdOn` (pdfkit would use the current time; its file ID is an MD5 of the info dictionary,
// so it is fixed too), no ModDate, and no Intl formatting. A different pdfkit version may lay out
// different bytes, which is why pdfkit is pinned exactly: keep the PDF itself with the hash
// rather than re-rendering it later.
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { Installment } from '../domain/payments/plan-schedule.ts';
import { agreementText, formatDate, formatMoney, type AgreementLanguage } from './agreement-text.ts';

/** How many payments the schedule table lists (issue #8: "the first 12 payments"). */
export const AGREEMENT_SCHEDULE_ROWS = 12;

export interface AgreementPdfInput {
  language: AgreementLanguage;
  agencyName: string;
  taxpayerName: string;
  /** The last 4 digits only; a full number is refused. */
  tinLast4: string;
  tinType: 'ssn' | 'itin';
  planType: 'short-term' | 'long-term';
  taxYears: readonly number[];
  owedCents: bigint;
  monthlyCents: bigint;
  paymentDay: number;
  firstPaymentDate: string;
  /** Short-term plans: the date by which everything is paid. */
  payBy?: string;
  directDebit: { bankLast4: string; accountType: 'checking' | 'savings' } | null;
  userFeeCents: bigint;
  /** How the fee was chosen, in the document's language (e.g. "long-term, direct debit, online"). */
  feeKindLabel: string;
  lowIncome: boolean;
  installments: readonly Installment[];
  /** The version of the agreement's wording. */
  version: string;
  /** When the agreement was prepared: YYYY-MM-DD or an ISO 8601 timestamp. */
  createdOn: string;
}

export interface AgreementPdfOptions {
  /** Deflate the page streams (default true). Tests turn it off to read the text. */
  compress?: boolean;
}

const PAGE = { width: 612, height: 792 }; // U.S. Letter, in points
const MARGIN = 54;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
const LABEL_WIDTH = 190;
const INK = '#1b1b1b';
const MUTED = '#565c65';
const RULE = '#dfe1e2';
const SHADE = '#f0f0f0';
const ACCENT = '#162e51';

function creationDate(createdOn: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(createdOn) ? `${createdOn}T00:00:00Z` : createdOn);
  if (Number.isNaN(date.getTime())) throw new RangeError(`createdOn is not a date: ${createdOn}`);
  return date;
}

function checkLast4(value: string, what: string): void {
  if (!/^\d{4}$/.test(value)) throw new RangeError(`${what} must be exactly the last 4 digits`);
}

/** Renders the agreement to a PDF. */
export function renderAgreementPdf(
  input: AgreementPdfInput,
  options: AgreementPdfOptions = {},
): Promise<Buffer> {
  checkLast4(input.tinLast4, 'tinLast4');
  if (input.directDebit) checkLast4(input.directDebit.bankLast4, 'bankLast4');
  if (input.installments.length === 0) throw new RangeError('An agreement needs at least one payment');
  const text = agreementText(input.language);
  const date = (iso: string): string => formatDate(iso, input.language);

  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    compress: options.compress ?? true,
    bufferPages: true,
    pdfVersion: '1.4',
    lang: input.language === 'es' ? 'es-US' : 'en-US',
    displayTitle: true,
    font: 'Helvetica',
    info: {
      Title: `${text.title} — ${input.agencyName}`,
      Author: input.agencyName,
      Subject: text.title,
      Creator: input.agencyName,
      Producer: 'PDFKit',
      CreationDate: creationDate(input.createdOn),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const bottom = (): number => PAGE.height - MARGIN;
  const ensureSpace = (height: number): void => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  // Heading block
  doc.font('Helvetica-Bold').fontSize(10).fillColor(MUTED);
  doc.text(input.agencyName.toUpperCase(), MARGIN, MARGIN, { width: CONTENT_WIDTH, characterSpacing: 0.5 });
  doc.moveDown(0.3);
  doc.font('Helvetica-Bold').fontSize(22).fillColor(ACCENT);
  doc.text(text.title, { width: CONTENT_WIDTH });
  doc.moveDown(0.2);
  doc.font('Helvetica').fontSize(9).fillColor(MUTED);
  doc.text(text.versionLine(input.version, date(input.createdOn.slice(0, 10))), { width: CONTENT_WIDTH });
  doc.moveDown(0.6);
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + CONTENT_WIDTH, doc.y)
    .lineWidth(2)
    .strokeColor(ACCENT)
    .stroke();
  doc.moveDown(0.8);
  doc.font('Helvetica').fontSize(10).fillColor(INK);
  doc.text(text.intro(input.agencyName), MARGIN, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(1);

  const heading = (title: string): void => {
    ensureSpace(60);
    doc.font('Helvetica-Bold').fontSize(13).fillColor(ACCENT);
    doc.text(title, MARGIN, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.4);
  };

  const rows = (pairs: readonly (readonly [string, string])[]): void => {
    for (const [label, value] of pairs) {
      doc.fontSize(10);
      const valueWidth = CONTENT_WIDTH - LABEL_WIDTH - 8;
      const height =
        Math.max(
          doc.font('Helvetica-Bold').heightOfString(label, { width: LABEL_WIDTH - 8 }),
          doc.font('Helvetica').heightOfString(value, { width: valueWidth }),
        ) + 10;
      ensureSpace(height);
      const top = doc.y;
      doc
        .font('Helvetica-Bold')
        .fillColor(MUTED)
        .text(label, MARGIN, top + 5, { width: LABEL_WIDTH - 8 });
      doc
        .font('Helvetica')
        .fillColor(INK)
        .text(value, MARGIN + LABEL_WIDTH, top + 5, { width: valueWidth });
      doc
        .moveTo(MARGIN, top + height)
        .lineTo(MARGIN + CONTENT_WIDTH, top + height)
        .lineWidth(0.75)
        .strokeColor(RULE)
        .stroke();
      doc.x = MARGIN;
      doc.y = top + height;
    }
    doc.moveDown(1);
  };

  // Taxpayer
  heading(text.taxpayerHeading);
  rows([
    [text.name, input.taxpayerName],
    [text.tinLabel, text.tin(input.tinType, input.tinLast4)],
  ]);

  // Terms
  const last = input.installments[input.installments.length - 1]!;
  heading(text.termsHeading);
  rows([
    [text.planTypeLabel, text.planType(input.planType)],
    [text.taxYears, [...input.taxYears].sort((a, b) => a - b).join(', ')],
    [text.owed, formatMoney(input.owedCents)],
    [text.monthly, formatMoney(input.monthlyCents)],
    [text.paymentDay, text.paymentDayValue(input.paymentDay)],
    [text.firstPayment, date(input.firstPaymentDate)],
    ...(input.payBy ? [[text.payBy, date(input.payBy)] as const] : []),
    [
      text.payments,
      text.paymentsValue(input.installments.length, formatMoney(last.amountCents), date(last.date)),
    ],
    [
      text.method,
      input.directDebit
        ? text.directDebit(input.directDebit.accountType, input.directDebit.bankLast4)
        : text.payYourself,
    ],
    [text.userFee, text.userFeeValue(formatMoney(input.userFeeCents), input.feeKindLabel, input.lowIncome)],
  ]);

  // The first payments
  const shown = input.installments.slice(0, AGREEMENT_SCHEDULE_ROWS);
  heading(text.scheduleHeading(shown.length));
  const col = { number: MARGIN + 10, date: MARGIN + 110, amountRight: MARGIN + CONTENT_WIDTH - 10 };
  const rowHeight = 16;
  const tableRow = (cells: [string, string, string], header: boolean, shade: boolean): void => {
    ensureSpace(rowHeight);
    const top = doc.y;
    if (shade)
      doc
        .rect(MARGIN, top, CONTENT_WIDTH, rowHeight)
        .fillColor(header ? SHADE : '#f8f8f8')
        .fill();
    doc
      .font(header ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(10)
      .fillColor(header ? MUTED : INK);
    doc.text(cells[0], col.number, top + 4, { width: 90, lineBreak: false });
    doc.text(cells[1], col.date, top + 4, { width: 250, lineBreak: false });
    doc.text(cells[2], col.amountRight - 150, top + 4, { width: 150, align: 'right', lineBreak: false });
    doc.x = MARGIN;
    doc.y = top + rowHeight;
  };
  tableRow([text.scheduleColumns.number, text.scheduleColumns.date, text.scheduleColumns.amount], true, true);
  shown.forEach((installment, index) => {
    tableRow(
      [String(index + 1), date(installment.date), formatMoney(installment.amountCents)],
      false,
      index % 2 === 1,
    );
  });
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + CONTENT_WIDTH, doc.y)
    .lineWidth(0.75)
    .strokeColor(RULE)
    .stroke();
  const more = input.installments.length - shown.length;
  if (more > 0) {
    doc.moveDown(0.5);
    doc.font('Helvetica').fontSize(10).fillColor(INK);
    doc.text(text.scheduleMore(more, formatMoney(last.amountCents), date(last.date)), MARGIN, doc.y, {
      width: CONTENT_WIDTH,
    });
  }
  doc.moveDown(1.2);

  // Conditions
  heading(text.conditionsHeading);
  const conditions = text.conditions({
    directDebit: input.directDebit !== null,
  });
  doc.fontSize(10);
  conditions.forEach((condition, index) => {
    const height = doc
      .font('Helvetica')
      .heightOfString(condition, { width: CONTENT_WIDTH - 22, lineGap: 1.5 });
    ensureSpace(height + 6);
    const top = doc.y;
    doc
      .font('Helvetica-Bold')
      .fillColor(ACCENT)
      .text(`${index + 1}.`, MARGIN, top, { width: 18 });
    doc
      .font('Helvetica')
      .fillColor(INK)
      .text(condition, MARGIN + 22, top, { width: CONTENT_WIDTH - 22, lineGap: 1.5 });
    doc.x = MARGIN;
    doc.y = top + height + 6;
  });
  doc.moveDown(0.8);

  // Acceptance
  doc.fontSize(11);
  const acceptHeight = doc.font('Helvetica').heightOfString(text.accept, { width: CONTENT_WIDTH - 28 }) + 40;
  ensureSpace(acceptHeight);
  const boxTop = doc.y;
  doc.rect(MARGIN, boxTop, CONTENT_WIDTH, acceptHeight).fillColor('#e7f2f5').fill();
  doc.rect(MARGIN, boxTop, 4, acceptHeight).fillColor(ACCENT).fill();
  doc
    .font('Helvetica-Bold')
    .fontSize(12)
    .fillColor(ACCENT)
    .text(text.acceptHeading, MARGIN + 16, boxTop + 10, { width: CONTENT_WIDTH - 28 });
  doc
    .font('Helvetica')
    .fontSize(11)
    .fillColor(INK)
    .text(text.accept, MARGIN + 16, boxTop + 28, { width: CONTENT_WIDTH - 28 });

  // Footer on every page: written inside the bottom margin, which pdfkit would otherwise treat as
  // the end of the page and break to a new one.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const margins = doc.page.margins;
    doc.page.margins = { ...margins, bottom: 0 };
    doc.font('Helvetica').fontSize(8).fillColor(MUTED);
    doc.text(`${input.agencyName} · ${text.title} · ${input.version}`, MARGIN, PAGE.height - MARGIN + 18, {
      width: CONTENT_WIDTH / 2,
      lineBreak: false,
    });
    doc.text(text.page(index + 1, range.count), MARGIN + CONTENT_WIDTH / 2, PAGE.height - MARGIN + 18, {
      width: CONTENT_WIDTH / 2,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins = margins;
  }

  doc.end();
  return done;
}

/** The SHA-256 of the PDF, lowercase hex: the record of what the person accepted. */
export function agreementSha256(pdf: Buffer): string {
  return createHash('sha256').update(pdf).digest('hex');
}
