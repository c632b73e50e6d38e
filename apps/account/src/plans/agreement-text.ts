// The words of the installment agreement PDF (./agreement-pdf.ts) in English and Spanish, and
// the money and date formats it uses. The formats are written out here rather than taken from
// Intl so the same agreement renders to the same bytes on any Node/ICU version: its SHA-256 is
// what the person accepted.
//
// The conditions follow what the IRS's own agreements state, without adding terms:
// Form 433-D "Installment Agreement" and Form 9465 "Installment Agreement Request" (and its
// instructions): file all required returns and pay all taxes on time while the agreement is in
// force; refunds are applied to the amount owed until it is paid; penalties and interest keep
// accruing, and for a return filed on time the failure-to-pay penalty is reduced to 0.25% a month
// while the agreement is in effect ([V] irs.gov/payments/failure-to-pay-penalty, domain.md
// "Failure to pay"); a missed payment (or another broken condition) can default the agreement,
// after a notice (CP523, see ../domain/payments/plan-schedule.ts), and the amount owed can then
// be collected by levy; a Notice of Federal Tax Lien may be filed. The direct debit
// authorization paraphrases Form 433-D's ("remains in effect until you tell us to end it").
// Spanish terms follow the account's Spanish pages (src/platform/i18n/messages/es-records.ts:
// "plan de pagos", "acuerdo de pagos a plazos", "débito directo", "multa por pagar tarde").
import { SHORT_TERM_MAX_DAYS } from '../domain/payments/payment-plans.ts';

export type AgreementLanguage = 'en' | 'es';

export interface AgreementText {
  title: string;
  versionLine(version: string, createdOn: string): string;
  taxpayerHeading: string;
  name: string;
  tinLabel: string;
  tin(tinType: 'ssn' | 'itin', last4: string): string;
  termsHeading: string;
  planTypeLabel: string;
  planType(type: 'short-term' | 'long-term'): string;
  taxYears: string;
  owed: string;
  monthly: string;
  paymentDay: string;
  paymentDayValue(day: number): string;
  firstPayment: string;
  payBy: string;
  payments: string;
  paymentsValue(count: number, last: string, lastDate: string): string;
  method: string;
  directDebit(accountType: 'checking' | 'savings', last4: string): string;
  payYourself: string;
  userFee: string;
  userFeeValue(fee: string, kindLabel: string, lowIncome: boolean): string;
  scheduleHeading(shown: number): string;
  scheduleColumns: { number: string; date: string; amount: string };
  scheduleMore(more: number, lastAmount: string, lastDate: string): string;
  conditionsHeading: string;
  intro(agencyName: string): string;
  conditions(input: { directDebit: boolean }): string[];
  acceptHeading: string;
  accept: string;
  page(n: number, of: number): string;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const ES_MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

/** 123456n → "$1,234.56" (U.S. dollars, the same in English and U.S. Spanish). */
export function formatMoney(cents: bigint): string {
  const negative = cents < 0n;
  const magnitude = negative ? -cents : cents;
  const dollars = (magnitude / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = `$${dollars}.${(magnitude % 100n).toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/** "2025-03-05" → "March 5, 2025" / "5 de marzo de 2025". */
export function formatDate(isoDate: string, language: AgreementLanguage): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  return language === 'es'
    ? `${day} de ${ES_MONTHS[month - 1]} de ${year}`
    : `${EN_MONTHS[month - 1]} ${day}, ${year}`;
}

function enOrdinal(day: number): string {
  const tens = day % 100;
  if (tens >= 11 && tens <= 13) return `${day}th`;
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`;
}

const EN: AgreementText = {
  title: 'Installment Agreement',
  versionLine: (version, createdOn) => `Agreement version ${version} · Prepared ${createdOn}`,
  taxpayerHeading: 'Taxpayer',
  name: 'Name',
  tinLabel: 'Taxpayer ID',
  tin: (tinType, last4) =>
    `${tinType === 'itin' ? 'Individual Taxpayer Identification Number (ITIN)' : 'Social Security number'} ending in ${last4}`,
  termsHeading: 'Terms of your payment plan',
  planTypeLabel: 'Plan type',
  planType: (type) =>
    type === 'short-term'
      ? `Short-term payment plan (pay in full within ${SHORT_TERM_MAX_DAYS} days)`
      : 'Long-term payment plan (installment agreement)',
  taxYears: 'Tax years',
  owed: 'Amount owed when this agreement was made',
  monthly: 'Monthly payment',
  paymentDay: 'Payment due',
  paymentDayValue: (day) => `The ${enOrdinal(day)} of each month`,
  firstPayment: 'First payment',
  payBy: 'Pay in full by',
  payments: 'Number of payments',
  paymentsValue: (count, last, lastDate) =>
    count === 1 ? `1 payment of ${last} on ${lastDate}` : `${count}; the last one, ${last}, on ${lastDate}`,
  method: 'How you pay',
  directDebit: (accountType, last4) =>
    `Direct debit from your ${accountType === 'savings' ? 'savings' : 'checking'} account ending in ${last4}`,
  payYourself: 'You make each payment yourself (bank account, debit or credit card, check or money order)',
  userFee: 'User fee',
  userFeeValue: (fee, kindLabel, lowIncome) => `${fee} (${kindLabel}${lowIncome ? '; low-income rate' : ''})`,
  scheduleHeading: (shown) => (shown === 1 ? 'Your payment' : `Your first ${shown} payments`),
  scheduleColumns: { number: 'Payment', date: 'Due date', amount: 'Amount' },
  scheduleMore: (more, lastAmount, lastDate) =>
    `…and ${more} more monthly ${more === 1 ? 'payment' : 'payments'}. The last payment, ${lastAmount}, is due ${lastDate}.`,
  conditionsHeading: 'What you agree to',
  intro: (agencyName) =>
    `In this agreement, "we" and "us" mean ${agencyName}, and "you" means the taxpayer named below.`,
  conditions: ({ directDebit }) => [
    'You will make each monthly payment in full and on time, on the due date shown above, until you have paid everything you owe.',
    'You will file all required federal tax returns and pay all taxes you owe on time while this agreement is in effect.',
    'We will apply any federal tax refund or overpayment you are due to the amount you owe until it is paid in full.',
    'Penalties and interest continue to accrue until you pay the full amount you owe. If you filed your tax return on time, the failure-to-pay penalty is reduced to 0.25% per month while this agreement is in effect.',
    'If you miss a payment or do not meet the other conditions of this agreement, the agreement can default. We will send you a notice before we end it. If it ends, we may collect the entire amount you owe, including by levy on your income, bank accounts or other property.',
    "We may file a Notice of Federal Tax Lien to protect the government's interest, if one has not already been filed.",
    ...(directDebit
      ? [
          `You authorize us to withdraw the monthly payment from the bank account above on each due date until the amount you owe is paid. This authorization stays in effect until you tell us to end it.`,
        ]
      : []),
  ],
  acceptHeading: 'Your acceptance',
  accept: 'You accept by selecting "I agree"; no signature is needed.',
  page: (n, of) => `Page ${n} of ${of}`,
};

const ES: AgreementText = {
  title: 'Acuerdo de pagos a plazos',
  versionLine: (version, createdOn) => `Versión del acuerdo ${version} · Preparado el ${createdOn}`,
  taxpayerHeading: 'Contribuyente',
  name: 'Nombre',
  tinLabel: 'Número de identificación',
  tin: (tinType, last4) =>
    `${tinType === 'itin' ? 'Número de Identificación Personal del Contribuyente (ITIN)' : 'Número de Seguro Social'} que termina en ${last4}`,
  termsHeading: 'Condiciones de su plan de pagos',
  planTypeLabel: 'Tipo de plan',
  planType: (type) =>
    type === 'short-term'
      ? `Plan a corto plazo (pague todo en un máximo de ${SHORT_TERM_MAX_DAYS} días)`
      : 'Plan a largo plazo (acuerdo de pagos a plazos)',
  taxYears: 'Años tributarios',
  owed: 'Cantidad adeudada al hacer este acuerdo',
  monthly: 'Pago mensual',
  paymentDay: 'Vencimiento del pago',
  paymentDayValue: (day) => `El día ${day} de cada mes`,
  firstPayment: 'Primer pago',
  payBy: 'Pague todo a más tardar el',
  payments: 'Número de pagos',
  paymentsValue: (count, last, lastDate) =>
    count === 1 ? `1 pago de ${last} el ${lastDate}` : `${count}; el último, de ${last}, el ${lastDate}`,
  method: 'Cómo paga',
  directDebit: (accountType, last4) =>
    `Débito directo de su cuenta ${accountType === 'savings' ? 'de ahorros' : 'de cheques'} que termina en ${last4}`,
  payYourself: 'Usted hace cada pago (cuenta bancaria, tarjeta de débito o crédito, cheque o giro postal)',
  userFee: 'Cargo por el acuerdo',
  userFeeValue: (fee, kindLabel, lowIncome) =>
    `${fee} (${kindLabel}${lowIncome ? '; tarifa para bajos ingresos' : ''})`,
  scheduleHeading: (shown) => (shown === 1 ? 'Su pago' : `Sus primeros ${shown} pagos`),
  scheduleColumns: { number: 'Pago', date: 'Vence el', amount: 'Cantidad' },
  scheduleMore: (more, lastAmount, lastDate) =>
    `…y ${more} ${more === 1 ? 'pago mensual más' : 'pagos mensuales más'}. El último pago, de ${lastAmount}, vence el ${lastDate}.`,
  conditionsHeading: 'Lo que usted acepta',
  intro: (agencyName) =>
    `En este acuerdo, «nosotros» se refiere a ${agencyName}, y «usted», al contribuyente nombrado abajo.`,
  conditions: ({ directDebit }) => [
    'Hará cada pago mensual completo y a tiempo, en la fecha de vencimiento indicada arriba, hasta pagar todo lo que debe.',
    'Presentará todas las declaraciones de impuestos federales requeridas y pagará a tiempo todos los impuestos que deba mientras este acuerdo esté vigente.',
    'Aplicaremos cualquier reembolso o pago en exceso de impuestos federales que le corresponda a la cantidad que debe hasta que esté pagada por completo.',
    'Las multas y los intereses se siguen acumulando hasta que pague todo lo que debe. Si presentó su declaración a tiempo, la multa por pagar tarde se reduce al 0.25% al mes mientras este acuerdo esté vigente.',
    'Si no hace un pago o no cumple las demás condiciones de este acuerdo, el acuerdo puede quedar en incumplimiento. Le enviaremos un aviso antes de darlo por terminado. Si termina, podemos cobrar toda la cantidad que debe, incluso mediante el embargo de sus ingresos, cuentas bancarias u otros bienes.',
    'Podemos presentar un Aviso de Gravamen de Impuestos Federales para proteger los intereses del gobierno, si aún no se ha presentado uno.',
    ...(directDebit
      ? [
          `Usted nos autoriza a retirar el pago mensual de la cuenta bancaria indicada arriba en cada fecha de vencimiento hasta que la cantidad que debe esté pagada. Esta autorización sigue vigente hasta que nos pida terminarla.`,
        ]
      : []),
  ],
  acceptHeading: 'Su aceptación',
  accept: 'Usted acepta al seleccionar «Acepto»; no se necesita firma.',
  page: (n, of) => `Página ${n} de ${of}`,
};

export function agreementText(language: AgreementLanguage): AgreementText {
  return language === 'es' ? ES : EN;
}
