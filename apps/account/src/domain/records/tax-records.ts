// The agency's own records of a taxpayer, as the tax account reads them: tax modules (one
// per tax year and form) with their transactions, the returns filed, information returns
// (W-2, 1099) and notices. Plain data, no I/O; the repositories fill it.
//
// Amounts are integer cents, signed as on an IRS account transcript: debits to the module
// (tax, penalties, interest assessed; refunds and offsets going out) are positive, credits
// (payments, withholding, abatements, credits coming in) are negative. Dates are
// YYYY-MM-DD; a cycle is the IRS posting cycle YYYYWWDD (year, week, day).

/**
 * Transaction codes the records hold (IRS Document 6209; see ../shared/reference/domain.md):
 * 150 return filed and tax assessed · 166 failure-to-file penalty · 196 interest assessed ·
 * 276 failure-to-pay penalty · 280 dishonored-payment penalty (IRC 6657) · 290 additional tax
 * assessed · 291 tax abated · 610 payment with the return · 670 subsequent payment · 671 a
 * dishonored payment (reverses its 670) · 706 credit applied from another tax year (the
 * receiving side of an 826) · 806 withholding credit · 826 overpayment offset to another
 * tax year · 846 refund issued · 971 miscellaneous action (with an action code) · 972 reversal
 * of a 971 action.
 */
export const TRANSACTION_CODES = [
  150, 166, 196, 276, 280, 290, 291, 610, 670, 671, 706, 806, 826, 846, 971, 972,
] as const;
export type TransactionCode = (typeof TRANSACTION_CODES)[number];

/** Codes whose amount is a debit (≥ 0), a credit (≤ 0), or always zero (indicators). */
export const DEBIT_CODES: readonly TransactionCode[] = [150, 166, 196, 276, 280, 290, 671, 826, 846];
export const CREDIT_CODES: readonly TransactionCode[] = [291, 610, 670, 706, 806];
export const INDICATOR_CODES: readonly TransactionCode[] = [971, 972];

/** TC 971/972 action codes for installment agreements (IRM 5.14.1, Exhibit 5.14.1-1). */
export const ACTION_CODES = {
  installmentAgreementPending: '043',
  installmentAgreementEstablished: '063',
} as const;

/** Notices the records know (domain.md, "Notices"). */
export const NOTICE_CODES = [
  'CP14',
  'CP501',
  'CP503',
  'CP504',
  'LT11',
  'L1058',
  'CP49',
  'CP2000',
  'CP71',
  'CP523',
  'CP11',
  'CP12',
  'CP22E',
] as const;
export type NoticeCode = (typeof NOTICE_CODES)[number];

/** Notice and demand (the first bill): interest on the failure-to-pay penalty runs from it. */
export const NOTICE_AND_DEMAND: readonly NoticeCode[] = ['CP14', 'CP11', 'CP22E'];
/** Notices of intent to levy: the failure-to-pay rate becomes 1% ten days after one. */
export const INTENT_TO_LEVY: readonly NoticeCode[] = ['CP504', 'LT11', 'L1058'];

export const INFORMATION_RETURN_FORMS = [
  'W-2',
  '1099-NEC',
  '1099-INT',
  '1099-DIV',
  '1099-G',
  '1099-R',
  '1099-K',
  '1099-MISC',
] as const;
export type InformationReturnForm = (typeof INFORMATION_RETURN_FORMS)[number];

export const FILING_STATUSES = [
  'single',
  'married_joint',
  'married_separate',
  'head_of_household',
  'qualifying_surviving_spouse',
] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

export const PLAN_TYPES = ['short_term', 'long_term_direct_debit', 'long_term'] as const;
export type PlanType = (typeof PLAN_TYPES)[number];

export interface PostalAddress {
  street_address: string;
  locality: string;
  region: string;
  postal_code: string;
}

export interface Transaction {
  code: TransactionCode;
  /** Three digits for TC 971/972, else null. */
  actionCode: string | null;
  /** The transaction (effective) date: it drives penalties and interest. */
  date: string;
  /** The posting cycle, YYYYWWDD. */
  cycle: string;
  amountCents: number;
  /** TC 826 and 706: the tax year the credit went to or came from. */
  relatedTaxYear: number | null;
  /** Postings made by the tax account's own payments (670, 671, 280): the payment's id. */
  paymentId?: string;
}

/** Key line items of a Form 1040 (original) or 1040-X (amended, the corrected figures). */
export interface TaxReturn {
  kind: 'original' | 'amended';
  receivedDate: string;
  filingStatus: FilingStatus;
  /** The address on the return; the latest one is what linking compares. */
  address: PostalAddress;
  wagesCents: number;
  adjustedGrossIncomeCents: number;
  taxableIncomeCents: number;
  totalTaxCents: number;
  /** Withholding, estimated payments and refundable credits. */
  totalPaymentsCents: number;
}

export interface TaxModule {
  id: string;
  taxYear: number;
  form: '1040';
  /** The return's due date, with any extension. */
  dueDate: string;
  /** When the original return was received; null when none is on file. */
  filedDate: string | null;
  transactions: Transaction[];
  returns: TaxReturn[];
}

export interface InformationReturn {
  taxYear: number;
  form: InformationReturnForm;
  payerName: string;
  /** Box 1 (wages, compensation, interest, dividends, distributions…). */
  amountCents: number;
  /** Federal income tax withheld. */
  withheldCents: number;
}

export interface Notice {
  code: NoticeCode;
  issuedDate: string;
  /** The tax year it is about, if any. */
  taxYear: number | null;
  amountDueCents: number | null;
}

/** Terms of an installment agreement; whether it is in force comes from TC 971 AC 063. */
export interface PaymentPlanTerms {
  planType: PlanType;
  monthlyPaymentCents: number;
  /** Day of the month a payment is due, 1–28. */
  paymentDay: number;
}

export interface TaxpayerRecords {
  taxpayerId: string;
  modules: TaxModule[];
  informationReturns: InformationReturn[];
  notices: Notice[];
  paymentPlan: PaymentPlanTerms | undefined;
}

export function isTransactionCode(value: number): value is TransactionCode {
  return (TRANSACTION_CODES as readonly number[]).includes(value);
}

export function isNoticeCode(value: string): value is NoticeCode {
  return (NOTICE_CODES as readonly string[]).includes(value);
}
