// The "confirm your address" letter as a one-page U.S. Letter PDF, in English or Spanish: the
// sender block and the recipient's name and address where a #10 double-window envelope shows
// them, the date, a plain-language explanation (and what to do if it wasn't you), the one-time
// code in large monospace groups, when it expires and where to enter it.
//
// Same approach as the tax account's agreement PDF (apps/account/src/plans/agreement-pdf.ts):
// pdfkit with only its built-in Helvetica/Courier fonts (nothing read from disk), CreationDate
// taken from `issuedAt`, so the same input gives the same bytes. The words are in
// src/platform/i18n/messages/{en,es}-idv-letter.ts. Nothing here logs: the letter is all PII.
import PDFDocument from 'pdfkit';
import { enIdvLetter } from '#platform/i18n/messages/en-idv-letter.ts';
import { esIdvLetter } from '#platform/i18n/messages/es-idv-letter.ts';
import { groupedCode, type Letter } from './postal-mail-port.ts';

export interface AddressLetterOptions {
  /** Who sends the letter, e.g. "Login.gov" (sender block, explanation, sign-off). */
  providerName: string;
  /** The letter's date (and the PDF's CreationDate). */
  issuedAt: Date;
  /** Where the person enters the code. */
  verifyUrl: string;
}

type LetterKey = keyof typeof enIdvLetter;
const TEXTS: Record<Letter['locale'], Record<LetterKey, string>> = { en: enIdvLetter, es: esIdvLetter };

/** Dates on the letter are in the agency's time zone, as on the account pages. */
export const LETTER_TIME_ZONE = 'America/New_York';

const PAGE = { width: 612, height: 792 }; // U.S. Letter, in points
const MARGIN = 72;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
/** Top of the recipient block: inside the lower window of a #10 envelope once tri-folded. */
const ADDRESS_TOP = 150;
const ADDRESS_WIDTH = 288; // 4 in, the window's width
const INK = '#1b1b1b';
const MUTED = '#565c65';
const RULE = '#dfe1e2';
const ACCENT = '#162e51';
const CODE_SHADE = '#f0f0f0';
const NOTICE_SHADE = '#faf3d1';
const NOTICE_BAR = '#ffbe2e';

function formatter(locale: Letter['locale'], withTime: boolean): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', {
    dateStyle: 'long',
    ...(withTime ? { timeStyle: 'short' } : {}),
    timeZone: LETTER_TIME_ZONE,
  });
}

/** The expiry: the date alone when the code lasts to the end of that day, otherwise date and time. */
function formatExpiry(expiresAt: Date, locale: Letter['locale']): string {
  const time = new Intl.DateTimeFormat('en-US', {
    timeZone: LETTER_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(expiresAt);
  if (time === '23:59') return formatter(locale, false).format(expiresAt);
  const zone = new Intl.DateTimeFormat('en-US', { timeZone: LETTER_TIME_ZONE, timeZoneName: 'short' })
    .formatToParts(expiresAt)
    .find((part) => part.type === 'timeZoneName')?.value;
  return `${formatter(locale, true).format(expiresAt)}${zone ? ` ${zone}` : ''}`;
}

/** The largest size from `max` down to `min` (in half points) at which `line` fits `width` in Helvetica. */
function fittingFontSize(
  doc: PDFKit.PDFDocument,
  line: string,
  width: number,
  max: number,
  min: number,
): number {
  doc.font('Helvetica');
  for (let size = max; size > min; size -= 0.5) {
    if (doc.fontSize(size).widthOfString(line) <= width) return size;
  }
  return min;
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

function checkInput(letter: Letter, options: AddressLetterOptions): void {
  // Messages name the field only, never its value (it is personal data).
  if (groupedCode(letter.code) === '') throw new RangeError('letter code is empty');
  if (Number.isNaN(letter.expiresAt.getTime())) throw new RangeError('letter expiresAt is not a date');
  if (Number.isNaN(options.issuedAt.getTime())) throw new RangeError('issuedAt is not a date');
  if (letter.recipientName.trim() === '') throw new RangeError('letter recipientName is empty');
}

/** Renders the address-confirmation letter to a one-page PDF. */
export async function renderAddressLetterPdf(letter: Letter, options: AddressLetterOptions): Promise<Buffer> {
  checkInput(letter, options);
  const words = TEXTS[letter.locale];
  const { providerName: provider, verifyUrl: url } = options;
  const t = (key: LetterKey, params: Record<string, string> = {}): string =>
    fill(words[key], { provider, url, ...params });
  const issued = formatter(letter.locale, false).format(options.issuedAt);

  const doc = new PDFDocument({
    size: 'LETTER',
    margin: MARGIN,
    compress: true,
    pdfVersion: '1.4',
    lang: letter.locale === 'es' ? 'es-US' : 'en-US',
    displayTitle: true,
    font: 'Helvetica',
    info: {
      Title: t('idv.letter.pdfTitle'),
      Author: provider,
      Subject: t('idv.letter.title'),
      Creator: provider,
      Producer: 'PDFKit',
      CreationDate: options.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Sender block (upper window) and the date.
  doc.font('Helvetica-Bold').fontSize(11).fillColor(ACCENT);
  doc.text(provider, MARGIN, 48, { width: ADDRESS_WIDTH });
  doc.font('Helvetica').fontSize(9).fillColor(MUTED);
  doc.text(t('idv.letter.senderLine'), { width: ADDRESS_WIDTH });
  doc.font('Helvetica').fontSize(10).fillColor(INK);
  doc.text(issued, MARGIN + ADDRESS_WIDTH, 48, { width: CONTENT_WIDTH - ADDRESS_WIDTH, align: 'right' });

  // Recipient block (lower window): one line each, in a smaller size when a line is too wide.
  const { street, city, state, postalCode } = letter.address;
  let y = ADDRESS_TOP;
  for (const line of [letter.recipientName, street, `${city}, ${state} ${postalCode}`]) {
    const size = fittingFontSize(doc, line, ADDRESS_WIDTH, 11, 7);
    doc.font('Helvetica').fontSize(size).fillColor(INK);
    doc.text(line, MARGIN, y, { width: ADDRESS_WIDTH, lineBreak: false });
    y += 15;
  }

  // Title and explanation.
  doc.font('Helvetica-Bold').fontSize(20).fillColor(ACCENT);
  doc.text(t('idv.letter.title'), MARGIN, 250, { width: CONTENT_WIDTH });
  doc.moveDown(0.2);
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(MARGIN + CONTENT_WIDTH, doc.y)
    .lineWidth(2)
    .strokeColor(ACCENT)
    .stroke();
  doc.moveDown(0.7);
  const paragraph = (text: string): void => {
    doc.font('Helvetica').fontSize(11).fillColor(INK);
    doc.text(text, MARGIN, doc.y, { width: CONTENT_WIDTH, lineGap: 1.5 });
    doc.moveDown(0.5);
  };
  paragraph(t('idv.letter.greeting', { name: letter.recipientName }));
  paragraph(t('idv.letter.intro'));

  // The code.
  const boxTop = doc.y + 4;
  const boxHeight = 90;
  doc.rect(MARGIN, boxTop, CONTENT_WIDTH, boxHeight).fillColor(CODE_SHADE).fill();
  doc.font('Helvetica-Bold').fontSize(10).fillColor(MUTED);
  doc.text(t('idv.letter.codeLabel'), MARGIN, boxTop + 12, { width: CONTENT_WIDTH, align: 'center' });
  doc.font('Courier-Bold').fontSize(32).fillColor(INK);
  doc.text(groupedCode(letter.code), MARGIN, boxTop + 30, {
    width: CONTENT_WIDTH,
    align: 'center',
    characterSpacing: 2,
  });
  doc.font('Helvetica').fontSize(10).fillColor(INK);
  doc.text(
    t('idv.letter.expires', { date: formatExpiry(letter.expiresAt, letter.locale) }),
    MARGIN + 12,
    boxTop + 66,
    { width: CONTENT_WIDTH - 24, align: 'center' },
  );
  doc.x = MARGIN;
  doc.y = boxTop + boxHeight + 14;

  // Where to enter it.
  doc.font('Helvetica-Bold').fontSize(12).fillColor(ACCENT);
  doc.text(t('idv.letter.howHeading'), MARGIN, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
  for (const [index, step] of [t('idv.letter.howStep1'), t('idv.letter.howStep2')].entries()) {
    const top = doc.y;
    doc.font('Helvetica-Bold').fontSize(11).fillColor(ACCENT);
    doc.text(`${index + 1}.`, MARGIN, top, { width: 18 });
    doc.font('Helvetica').fontSize(11).fillColor(INK);
    doc.text(step, MARGIN + 20, top, { width: CONTENT_WIDTH - 20, lineGap: 2 });
    doc.moveDown(0.3);
  }
  doc.moveDown(0.6);

  // If it wasn't you.
  const noticeWidth = CONTENT_WIDTH - 28;
  doc.font('Helvetica').fontSize(10);
  const noticeBody = t('idv.letter.notYouBody');
  const noticeHeight = doc.heightOfString(noticeBody, { width: noticeWidth, lineGap: 1.5 }) + 38;
  const noticeTop = doc.y;
  doc.rect(MARGIN, noticeTop, CONTENT_WIDTH, noticeHeight).fillColor(NOTICE_SHADE).fill();
  doc.rect(MARGIN, noticeTop, 4, noticeHeight).fillColor(NOTICE_BAR).fill();
  doc.font('Helvetica-Bold').fontSize(11).fillColor(INK);
  doc.text(t('idv.letter.notYouHeading'), MARGIN + 16, noticeTop + 10, { width: noticeWidth });
  doc.font('Helvetica').fontSize(10).fillColor(INK);
  doc.text(noticeBody, MARGIN + 16, noticeTop + 27, { width: noticeWidth, lineGap: 1.5 });
  doc.x = MARGIN;
  doc.y = noticeTop + noticeHeight + 12;

  doc.font('Helvetica-Bold').fontSize(10).fillColor(INK);
  doc.text(t('idv.letter.neverAsks'), MARGIN, doc.y, { width: CONTENT_WIDTH, lineGap: 1.5 });
  doc.moveDown(1);

  // Sign-off.
  doc.font('Helvetica').fontSize(11).fillColor(INK);
  doc.text(t('idv.letter.signOff'), MARGIN, doc.y, { width: CONTENT_WIDTH });
  doc.font('Helvetica-Bold').text(provider, { width: CONTENT_WIDTH });

  // Footer, inside the bottom margin (which pdfkit would otherwise treat as the end of the page).
  const margins = doc.page.margins;
  doc.page.margins = { ...margins, bottom: 0 };
  doc
    .moveTo(MARGIN, PAGE.height - 58)
    .lineTo(MARGIN + CONTENT_WIDTH, PAGE.height - 58)
    .lineWidth(0.75)
    .strokeColor(RULE)
    .stroke();
  doc.font('Helvetica').fontSize(8).fillColor(MUTED);
  doc.text(t('idv.letter.footer', { date: issued }), MARGIN, PAGE.height - 50, {
    width: CONTENT_WIDTH,
    lineBreak: false,
  });
  doc.page.margins = margins;

  doc.end();
  return done;
}
