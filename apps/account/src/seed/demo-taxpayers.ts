// Demo taxpayers: the agency's own records of the identity provider's demo people
// (apps/identity/src/seed/demo-people.ts holds the same SSN or ITIN, name, date of birth and
// address, verified — a unit test keeps the two in step). Seeded outside production only.
// Each shows one situation of the online account; `scenario` is what `npm start` prints.
// Numbers are made up but shaped like real ones (domain.md §5); amounts are plausible 1040
// figures. Penalties and interest posted (TC 166, 276, 196) on the `assessOn` dates are
// computed by the seed with the money engine, so they agree with what the pages show.
import { dollarsToCents } from '../domain/records/cents.ts';
import type { TinType } from '../domain/records/link-taxpayer.ts';
import type {
  FilingStatus,
  InformationReturn,
  Notice,
  PaymentPlanTerms,
  PostalAddress,
  TaxReturn,
  Transaction,
  TransactionCode,
} from '../domain/records/tax-records.ts';
import { cycleOf } from '../domain/records/posting-cycle.ts';

export interface DemoModule {
  taxYear: number;
  dueDate: string;
  filedDate: string | null;
  returns: TaxReturn[];
  transactions: Transaction[];
  /** Dates on which the penalties and interest accrued since the last posting were assessed. */
  assessOn?: string[];
}

export interface DemoTaxpayer {
  /** What this person shows, in a few words (printed by `npm start`). */
  scenario: string;
  tin: string;
  tinType: TinType;
  givenName: string;
  familyName: string;
  birthdate: string;
  addressOfRecord: PostalAddress;
  modules: DemoModule[];
  informationReturns: InformationReturn[];
  notices: Notice[];
  paymentPlan?: PaymentPlanTerms;
}

// ---- small builders ----------------------------------------------------------------------

export { cycleOf };

const tx = (
  code: TransactionCode,
  date: string,
  cents: number,
  extra: { actionCode?: string; relatedTaxYear?: number } = {},
): Transaction => ({
  code,
  actionCode: extra.actionCode ?? null,
  date,
  cycle: cycleOf(date),
  amountCents: cents,
  relatedTaxYear: extra.relatedTaxYear ?? null,
});

/** A debit: tax assessed (150, 290), a refund (846) or an offset out (826). */
const debit = (code: 150 | 290 | 826 | 846, date: string, dollars: string, relatedTaxYear?: number) =>
  tx(code, date, dollarsToCents(dollars), relatedTaxYear === undefined ? {} : { relatedTaxYear });

/** A credit: withholding (806), a payment (610, 670), a credit in (706), an abatement (291). */
const credit = (code: 291 | 610 | 670 | 706 | 806, date: string, dollars: string, relatedTaxYear?: number) =>
  tx(code, date, -dollarsToCents(dollars), relatedTaxYear === undefined ? {} : { relatedTaxYear });

const action = (code: 971 | 972, actionCode: string, date: string) => tx(code, date, 0, { actionCode });

function taxReturn(
  kind: TaxReturn['kind'],
  receivedDate: string,
  address: PostalAddress,
  figures: {
    status?: FilingStatus;
    wages: string;
    agi: string;
    taxable: string;
    tax: string;
    payments: string;
  },
): TaxReturn {
  return {
    kind,
    receivedDate,
    filingStatus: figures.status ?? 'single',
    address,
    wagesCents: dollarsToCents(figures.wages),
    adjustedGrossIncomeCents: dollarsToCents(figures.agi),
    taxableIncomeCents: dollarsToCents(figures.taxable),
    totalTaxCents: dollarsToCents(figures.tax),
    totalPaymentsCents: dollarsToCents(figures.payments),
  };
}

const w2 = (taxYear: number, payerName: string, wages: string, withheld: string): InformationReturn => ({
  taxYear,
  form: 'W-2',
  payerName,
  amountCents: dollarsToCents(wages),
  withheldCents: dollarsToCents(withheld),
});

const form1099 = (
  taxYear: number,
  form: InformationReturn['form'],
  payerName: string,
  amount: string,
): InformationReturn => ({ taxYear, form, payerName, amountCents: dollarsToCents(amount), withheldCents: 0 });

const notice = (code: Notice['code'], issuedDate: string, taxYear: number | null): Notice => ({
  code,
  issuedDate,
  taxYear,
  amountDueCents: null,
});

/** Due dates of Form 1040 by tax year (April 15, moved to the next business day). */
export const DUE_DATES: Record<number, string> = {
  2021: '2022-04-18',
  2022: '2023-04-18',
  2023: '2024-04-15',
  2024: '2025-04-15',
  2025: '2026-04-15',
};
const due = (year: number) => DUE_DATES[year]!;

/** A monthly payment on `day` from `first` (YYYY-MM) through `last` (YYYY-MM). */
function monthlyPayments(first: string, last: string, day: number, dollars: string): Transaction[] {
  const out: Transaction[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const ym = `${year}-${String(month).padStart(2, '0')}`;
    if (ym > last) return out;
    out.push(credit(670, `${ym}-${String(day).padStart(2, '0')}`, dollars));
    month += 1;
    if (month === 13) [year, month] = [year + 1, 1];
  }
}

// ---- the people ----------------------------------------------------------------------------

const MARIA_ADDRESS = {
  street_address: '1200 Maple Ave Apt 4B',
  locality: 'Springfield',
  region: 'IL',
  postal_code: '62704',
};
const JAMES_ADDRESS = {
  street_address: '85 Harbor St',
  locality: 'Portland',
  region: 'ME',
  postal_code: '04101',
};
const LINDA_ADDRESS = {
  street_address: '4420 Oak Ridge Dr',
  locality: 'Austin',
  region: 'TX',
  postal_code: '78731',
};
const ROBERT_ADDRESS = {
  street_address: '310 Pine St',
  locality: 'Columbus',
  region: 'OH',
  postal_code: '43215',
};
const AISHA_ADDRESS = {
  street_address: '2701 Grand Ave Apt 12',
  locality: 'Des Moines',
  region: 'IA',
  postal_code: '50312',
};
const GRACE_ADDRESS = {
  street_address: '2417 Pine St',
  locality: 'Boulder',
  region: 'CO',
  postal_code: '80302',
};
const DAVID_ADDRESS = {
  street_address: '19 Cedar Ln',
  locality: 'Raleigh',
  region: 'NC',
  postal_code: '27603',
};
const SOFIA_ADDRESS = {
  street_address: '908 Mission Blvd',
  locality: 'Hayward',
  region: 'CA',
  postal_code: '94541',
};
const THOMAS_ADDRESS = {
  street_address: '55 Birch Rd',
  locality: 'Burlington',
  region: 'VT',
  postal_code: '05401',
};
/** Olivia's address on her returns; she has since moved (the identity provider has the new one). */
const OLIVIA_OLD_ADDRESS = {
  street_address: '410 Elm St Apt 2',
  locality: 'Milwaukee',
  region: 'WI',
  postal_code: '53202',
};

export const DEMO_TAXPAYERS: readonly DemoTaxpayer[] = [
  {
    scenario: 'a balance for 2024 (notices, one payment)',
    tin: '400123456',
    tinType: 'ssn',
    givenName: 'Maria',
    familyName: 'Garcia',
    birthdate: '1984-03-17',
    addressOfRecord: MARIA_ADDRESS,
    modules: [
      {
        taxYear: 2023,
        dueDate: due(2023),
        filedDate: '2024-03-02',
        returns: [
          taxReturn('original', '2024-03-02', MARIA_ADDRESS, {
            wages: '61250.00',
            agi: '61250.00',
            taxable: '47400.00',
            tax: '5736.00',
            payments: '6480.00',
          }),
        ],
        transactions: [
          debit(150, '2024-03-18', '5736.00'),
          debit(846, '2024-03-22', '744.00'),
          credit(806, due(2023), '6480.00'),
        ],
      },
      {
        taxYear: 2024,
        dueDate: due(2024),
        filedDate: '2025-04-09',
        returns: [
          taxReturn('original', '2025-04-09', MARIA_ADDRESS, {
            wages: '64800.00',
            agi: '65012.40',
            taxable: '50412.40',
            tax: '6950.00',
            payments: '5100.00',
          }),
        ],
        transactions: [
          credit(806, due(2024), '5100.00'),
          debit(150, '2025-05-12', '6950.00'),
          credit(670, '2025-07-01', '500.00'),
        ],
        assessOn: ['2025-05-12', '2025-06-16'],
      },
      {
        taxYear: 2025,
        dueDate: due(2025),
        filedDate: '2026-03-20',
        returns: [
          taxReturn('original', '2026-03-20', MARIA_ADDRESS, {
            wages: '67000.00',
            agi: '67000.00',
            taxable: '51250.00',
            tax: '7150.00',
            payments: '7400.00',
          }),
        ],
        transactions: [
          debit(150, '2026-04-06', '7150.00'),
          debit(846, '2026-04-10', '250.00'),
          credit(806, due(2025), '7400.00'),
        ],
      },
    ],
    informationReturns: [
      w2(2023, 'Prairie State Hospital', '61250.00', '6480.00'),
      w2(2024, 'Prairie State Hospital', '64800.00', '5100.00'),
      form1099(2024, '1099-INT', 'Lakeside Credit Union', '212.40'),
      w2(2025, 'Prairie State Hospital', '67000.00', '7400.00'),
    ],
    notices: [notice('CP14', '2025-05-12', 2024), notice('CP501', '2025-06-16', 2024)],
  },
  {
    scenario: 'ITIN holder; a small balance for 2024',
    tin: '912734567',
    tinType: 'itin',
    givenName: 'James',
    familyName: 'Wilson',
    birthdate: '1990-11-02',
    addressOfRecord: JAMES_ADDRESS,
    modules: [
      {
        taxYear: 2023,
        dueDate: due(2023),
        filedDate: '2024-04-02',
        returns: [
          taxReturn('original', '2024-04-02', JAMES_ADDRESS, {
            wages: '0.00',
            agi: '32713.00',
            taxable: '18863.00',
            tax: '6874.00',
            payments: '0.00',
          }),
        ],
        transactions: [credit(610, '2024-04-02', '6874.00'), debit(150, '2024-04-22', '6874.00')],
      },
      {
        taxYear: 2024,
        dueDate: due(2024),
        filedDate: '2025-04-14',
        returns: [
          taxReturn('original', '2025-04-14', JAMES_ADDRESS, {
            wages: '0.00',
            agi: '35687.00',
            taxable: '21087.00',
            tax: '7790.00',
            payments: '0.00',
          }),
        ],
        transactions: [
          credit(610, '2025-04-14', '5930.00'),
          debit(150, '2025-05-26', '7790.00'),
          credit(670, '2025-08-15', '1000.00'),
        ],
        assessOn: ['2025-05-26'],
      },
      {
        taxYear: 2025,
        dueDate: due(2025),
        filedDate: '2026-04-10',
        returns: [
          taxReturn('original', '2026-04-10', JAMES_ADDRESS, {
            wages: '0.00',
            agi: '37270.00',
            taxable: '22520.00',
            tax: '8130.00',
            payments: '0.00',
          }),
        ],
        transactions: [credit(610, '2026-04-10', '8130.00'), debit(150, '2026-04-27', '8130.00')],
      },
    ],
    informationReturns: [
      form1099(2023, '1099-NEC', 'Casco Bay Boatworks', '35200.00'),
      form1099(2024, '1099-NEC', 'Casco Bay Boatworks', '38400.00'),
      form1099(2025, '1099-NEC', 'Casco Bay Boatworks', '40100.00'),
    ],
    notices: [notice('CP14', '2025-05-26', 2024)],
  },
  {
    scenario: 'no balance: refunds every year',
    tin: '521448830',
    tinType: 'ssn',
    givenName: 'Linda',
    familyName: 'Chen',
    birthdate: '1978-06-22',
    addressOfRecord: LINDA_ADDRESS,
    modules: [
      {
        taxYear: 2023,
        dueDate: due(2023),
        filedDate: '2024-02-20',
        returns: [
          taxReturn('original', '2024-02-20', LINDA_ADDRESS, {
            status: 'head_of_household',
            wages: '88400.00',
            agi: '88400.00',
            taxable: '67500.00',
            tax: '8420.00',
            payments: '9610.00',
          }),
        ],
        transactions: [
          debit(150, '2024-03-04', '8420.00'),
          debit(846, '2024-03-08', '1190.00'),
          credit(806, due(2023), '9610.00'),
        ],
      },
      {
        taxYear: 2024,
        dueDate: due(2024),
        filedDate: '2025-02-18',
        returns: [
          taxReturn('original', '2025-02-18', LINDA_ADDRESS, {
            status: 'head_of_household',
            wages: '91300.00',
            agi: '91850.00',
            taxable: '69950.00',
            tax: '8905.00',
            payments: '9880.00',
          }),
        ],
        transactions: [
          debit(150, '2025-03-03', '8905.00'),
          debit(846, '2025-03-07', '975.00'),
          credit(806, due(2024), '9880.00'),
        ],
      },
      {
        taxYear: 2025,
        dueDate: due(2025),
        filedDate: '2026-02-24',
        returns: [
          taxReturn('original', '2026-02-24', LINDA_ADDRESS, {
            status: 'head_of_household',
            wages: '94000.00',
            agi: '94000.00',
            taxable: '71875.00',
            tax: '9140.00',
            payments: '10020.00',
          }),
        ],
        transactions: [
          debit(150, '2026-03-09', '9140.00'),
          debit(846, '2026-03-13', '880.00'),
          credit(806, due(2025), '10020.00'),
        ],
      },
    ],
    informationReturns: [
      w2(2023, 'Travis County Schools', '88400.00', '9610.00'),
      w2(2024, 'Travis County Schools', '91300.00', '9880.00'),
      form1099(2024, '1099-DIV', 'Hill Country Index Fund', '550.00'),
      w2(2025, 'Travis County Schools', '94000.00', '10020.00'),
    ],
    notices: [],
  },
  {
    scenario: 'balances in 3 years, penalties, levy notice',
    tin: '287391045',
    tinType: 'ssn',
    givenName: 'Robert',
    familyName: 'Johnson',
    birthdate: '1969-09-04',
    addressOfRecord: ROBERT_ADDRESS,
    modules: [
      {
        taxYear: 2021,
        dueDate: due(2021),
        filedDate: '2022-04-12',
        returns: [
          taxReturn('original', '2022-04-12', ROBERT_ADDRESS, {
            wages: '71200.00',
            agi: '71200.00',
            taxable: '58650.00',
            tax: '9420.00',
            payments: '6100.00',
          }),
        ],
        transactions: [
          credit(806, due(2021), '6100.00'),
          debit(150, '2022-05-23', '9420.00'),
          credit(670, '2023-01-10', '500.00'),
          credit(670, '2024-03-15', '400.00'),
        ],
        assessOn: ['2022-05-23', '2022-09-05', '2024-09-09'],
      },
      {
        taxYear: 2022,
        dueDate: due(2022),
        filedDate: '2023-07-20',
        returns: [
          taxReturn('original', '2023-07-20', ROBERT_ADDRESS, {
            wages: '73900.00',
            agi: '73900.00',
            taxable: '60950.00',
            tax: '10150.00',
            payments: '7300.00',
          }),
        ],
        transactions: [credit(806, due(2022), '7300.00'), debit(150, '2023-08-28', '10150.00')],
        assessOn: ['2023-08-28', '2023-10-02'],
      },
      {
        taxYear: 2023,
        dueDate: due(2023),
        filedDate: '2024-04-10',
        returns: [
          taxReturn('original', '2024-04-10', ROBERT_ADDRESS, {
            wages: '76400.00',
            agi: '76400.00',
            taxable: '62550.00',
            tax: '9800.00',
            payments: '8200.00',
          }),
        ],
        transactions: [credit(806, due(2023), '8200.00'), debit(150, '2024-05-20', '9800.00')],
        assessOn: ['2024-05-20'],
      },
      {
        taxYear: 2024,
        dueDate: due(2024),
        filedDate: '2025-04-08',
        returns: [
          taxReturn('original', '2025-04-08', ROBERT_ADDRESS, {
            wages: '78100.00',
            agi: '78100.00',
            taxable: '63500.00',
            tax: '10400.00',
            payments: '10400.00',
          }),
        ],
        transactions: [credit(806, due(2024), '10400.00'), debit(150, '2025-05-05', '10400.00')],
      },
    ],
    informationReturns: [
      w2(2021, 'Buckeye Freight Lines', '71200.00', '6100.00'),
      w2(2022, 'Buckeye Freight Lines', '73900.00', '7300.00'),
      w2(2023, 'Buckeye Freight Lines', '76400.00', '8200.00'),
      w2(2024, 'Buckeye Freight Lines', '78100.00', '10400.00'),
    ],
    notices: [
      notice('CP14', '2022-05-23', 2021),
      notice('CP501', '2022-06-27', 2021),
      notice('CP503', '2022-08-01', 2021),
      notice('CP504', '2022-09-05', 2021),
      notice('CP14', '2023-08-28', 2022),
      notice('CP501', '2023-10-02', 2022),
      notice('CP14', '2024-05-20', 2023),
      notice('CP71', '2024-09-09', 2021),
    ],
  },
  {
    scenario: 'late filer (2023 filed 9 months late)',
    tin: '618204377',
    tinType: 'ssn',
    givenName: 'Aisha',
    familyName: 'Patel',
    birthdate: '1992-01-30',
    addressOfRecord: AISHA_ADDRESS,
    modules: [
      {
        taxYear: 2023,
        dueDate: due(2023),
        filedDate: '2025-01-21',
        returns: [
          taxReturn('original', '2025-01-21', AISHA_ADDRESS, {
            wages: '48000.00',
            agi: '59152.00',
            taxable: '45302.00',
            tax: '7350.00',
            payments: '3950.00',
          }),
        ],
        transactions: [
          credit(806, due(2023), '3950.00'),
          debit(150, '2025-02-24', '7350.00'),
          credit(670, '2025-03-20', '1200.00'),
        ],
        assessOn: ['2025-02-24', '2025-04-28'],
      },
      {
        taxYear: 2024,
        dueDate: due(2024),
        filedDate: '2025-04-11',
        returns: [
          taxReturn('original', '2025-04-11', AISHA_ADDRESS, {
            wages: '50200.00',
            agi: '50200.00',
            taxable: '35600.00',
            tax: '4310.00',
            payments: '4010.00',
          }),
        ],
        transactions: [
          credit(610, '2025-04-11', '300.00'),
          credit(806, due(2024), '4010.00'),
          debit(150, '2025-05-05', '4310.00'),
        ],
      },
      { taxYear: 2025, dueDate: due(2025), filedDate: null, returns: [], transactions: [] },
    ],
    informationReturns: [
      w2(2023, 'Hawkeye Insurance Group', '48000.00', '3950.00'),
      form1099(2023, '1099-NEC', 'Prairie Design Studio', '12000.00'),
      w2(2024, 'Hawkeye Insurance Group', '50200.00', '4010.00'),
      w2(2025, 'Hawkeye Insurance Group', '52000.00', '4300.00'),
    ],
    notices: [notice('CP14', '2025-02-24', 2023), notice('CP501', '2025-04-28', 2023)],
  },
  {
    scenario: 'payment plan since 2024, $200 a month',
    tin: '452907731',
    tinType: 'ssn',
    givenName: 'David',
    familyName: 'Okafor',
    birthdate: '1981-05-09',
    addressOfRecord: DAVID_ADDRESS,
    modules: [
      {
        taxYear: 2023,
        dueDate: due(2023),
        filedDate: '2024-04-12',
        returns: [
          taxReturn('original', '2024-04-12', DAVID_ADDRESS, {
            status: 'married_joint',
            wages: '102000.00',
            agi: '122300.00',
            taxable: '93100.00',
            tax: '14200.00',
            payments: '7800.00',
          }),
        ],
        transactions: [
          credit(806, due(2023), '7800.00'),
          debit(150, '2024-05-20', '14200.00'),
          action(971, '043', '2024-06-10'),
          action(971, '063', '2024-07-01'),
          ...monthlyPayments('2024-07', '2026-10', 28, '200.00'),
        ],
        assessOn: ['2024-05-20'],
      },
      {
        taxYear: 2024,
        dueDate: due(2024),
        filedDate: '2025-04-02',
        returns: [
          taxReturn('original', '2025-04-02', DAVID_ADDRESS, {
            status: 'married_joint',
            wages: '105000.00',
            agi: '105000.00',
            taxable: '75800.00',
            tax: '9950.00',
            payments: '9950.00',
          }),
        ],
        transactions: [credit(806, due(2024), '9950.00'), debit(150, '2025-04-21', '9950.00')],
      },
      {
        taxYear: 2025,
        dueDate: due(2025),
        filedDate: '2026-03-30',
        returns: [
          taxReturn('original', '2026-03-30', DAVID_ADDRESS, {
            status: 'married_joint',
            wages: '108000.00',
            agi: '108000.00',
            taxable: '76500.00',
            tax: '10300.00',
            payments: '10300.00',
          }),
        ],
        transactions: [credit(806, due(2025), '10300.00'), debit(150, '2026-04-20', '10300.00')],
      },
    ],
    informationReturns: [
      w2(2023, 'Triangle Research Labs', '102000.00', '7800.00'),
      form1099(2023, '1099-NEC', 'Oak City Media', '24000.00'),
      w2(2024, 'Triangle Research Labs', '105000.00', '9950.00'),
      w2(2025, 'Triangle Research Labs', '108000.00', '10300.00'),
    ],
    notices: [notice('CP14', '2024-05-20', 2023)],
    paymentPlan: { planType: 'long_term_direct_debit', monthlyPaymentCents: 20000, paymentDay: 28 },
  },
  {
    scenario: 'refund offset (TC 826) to her 2022 balance',
    tin: '731560284',
    tinType: 'ssn',
    givenName: 'Sofia',
    familyName: 'Ramirez',
    birthdate: '1975-12-11',
    addressOfRecord: SOFIA_ADDRESS,
    modules: [
      {
        taxYear: 2022,
        dueDate: due(2022),
        filedDate: '2023-04-14',
        returns: [
          taxReturn('original', '2023-04-14', SOFIA_ADDRESS, {
            wages: '58300.00',
            agi: '58300.00',
            taxable: '45350.00',
            tax: '6300.00',
            payments: '4100.00',
          }),
        ],
        transactions: [
          credit(806, due(2022), '4100.00'),
          debit(150, '2023-05-22', '6300.00'),
          credit(706, '2025-03-31', '1850.00', 2024),
        ],
        assessOn: ['2023-05-22', '2023-07-31', '2025-03-31'],
      },
      {
        taxYear: 2023,
        dueDate: due(2023),
        filedDate: '2024-04-09',
        returns: [
          taxReturn('original', '2024-04-09', SOFIA_ADDRESS, {
            wages: '60100.00',
            agi: '60100.00',
            taxable: '46250.00',
            tax: '6640.00',
            payments: '6490.00',
          }),
        ],
        transactions: [
          credit(610, '2024-04-09', '150.00'),
          credit(806, due(2023), '6490.00'),
          debit(150, '2024-04-29', '6640.00'),
        ],
      },
      {
        taxYear: 2024,
        dueDate: due(2024),
        filedDate: '2025-03-05',
        returns: [
          taxReturn('original', '2025-03-05', SOFIA_ADDRESS, {
            wages: '62500.00',
            agi: '62500.00',
            taxable: '47900.00',
            tax: '7100.00',
            payments: '8950.00',
          }),
        ],
        transactions: [
          debit(150, '2025-03-24', '7100.00'),
          debit(826, '2025-03-31', '1850.00', 2022),
          credit(806, due(2024), '8950.00'),
        ],
      },
    ],
    informationReturns: [
      w2(2022, 'Bayview Medical Group', '58300.00', '4100.00'),
      w2(2023, 'Bayview Medical Group', '60100.00', '6490.00'),
      w2(2024, 'Bayview Medical Group', '62500.00', '8950.00'),
    ],
    notices: [
      notice('CP14', '2023-05-22', 2022),
      notice('CP501', '2023-06-26', 2022),
      notice('CP503', '2023-07-31', 2022),
      notice('CP49', '2025-04-07', 2024),
    ],
  },
  {
    scenario: 'amended 2023 return (TC 290)',
    tin: '359118462',
    tinType: 'ssn',
    givenName: 'Thomas',
    familyName: 'Miller',
    birthdate: '1988-08-19',
    addressOfRecord: THOMAS_ADDRESS,
    modules: [
      {
        taxYear: 2023,
        dueDate: due(2023),
        filedDate: '2024-03-01',
        returns: [
          taxReturn('original', '2024-03-01', THOMAS_ADDRESS, {
            wages: '54000.00',
            agi: '54000.00',
            taxable: '40150.00',
            tax: '5400.00',
            payments: '6200.00',
          }),
          taxReturn('amended', '2025-02-10', THOMAS_ADDRESS, {
            wages: '54000.00',
            agi: '59576.00',
            taxable: '45726.00',
            tax: '6700.00',
            payments: '6200.00',
          }),
        ],
        transactions: [
          debit(150, '2024-03-18', '5400.00'),
          debit(846, '2024-03-22', '800.00'),
          credit(806, due(2023), '6200.00'),
          credit(670, '2025-02-10', '1300.00'),
          debit(290, '2025-03-24', '1300.00'),
        ],
        assessOn: ['2025-03-24'],
      },
      {
        taxYear: 2024,
        dueDate: due(2024),
        filedDate: '2025-04-01',
        returns: [
          taxReturn('original', '2025-04-01', THOMAS_ADDRESS, {
            wages: '56500.00',
            agi: '62500.00',
            taxable: '47900.00',
            tax: '7050.00',
            payments: '7050.00',
          }),
        ],
        transactions: [credit(806, due(2024), '7050.00'), debit(150, '2025-04-21', '7050.00')],
      },
    ],
    informationReturns: [
      w2(2023, 'Green Mountain Cooperative', '54000.00', '6200.00'),
      form1099(2023, '1099-NEC', 'Lake Champlain Tours', '6000.00'),
      w2(2024, 'Green Mountain Cooperative', '56500.00', '7050.00'),
      form1099(2024, '1099-NEC', 'Lake Champlain Tours', '6000.00'),
    ],
    notices: [notice('CP22E', '2025-03-24', 2023)],
  },
  {
    scenario: 'moved: records do not match (by design)',
    tin: '602318847',
    tinType: 'ssn',
    givenName: 'Olivia',
    familyName: 'Bennett',
    birthdate: '1995-04-27',
    addressOfRecord: OLIVIA_OLD_ADDRESS,
    modules: [
      {
        taxYear: 2024,
        dueDate: due(2024),
        filedDate: '2025-03-12',
        returns: [
          taxReturn('original', '2025-03-12', OLIVIA_OLD_ADDRESS, {
            wages: '47000.00',
            agi: '47000.00',
            taxable: '32400.00',
            tax: '4200.00',
            payments: '4650.00',
          }),
        ],
        transactions: [
          debit(150, '2025-03-24', '4200.00'),
          debit(846, '2025-03-28', '450.00'),
          credit(806, due(2024), '4650.00'),
        ],
      },
      {
        taxYear: 2025,
        dueDate: due(2025),
        filedDate: '2026-03-02',
        returns: [
          taxReturn('original', '2026-03-02', OLIVIA_OLD_ADDRESS, {
            wages: '49500.00',
            agi: '49500.00',
            taxable: '33750.00',
            tax: '4400.00',
            payments: '4700.00',
          }),
        ],
        transactions: [
          debit(150, '2026-03-16', '4400.00'),
          debit(846, '2026-03-20', '300.00'),
          credit(806, due(2025), '4700.00'),
        ],
      },
    ],
    informationReturns: [
      w2(2024, 'Lakefront Logistics', '47000.00', '4650.00'),
      w2(2025, 'Lakefront Logistics', '49500.00', '4700.00'),
    ],
    notices: [],
  },
  {
    scenario: 'not verified yet: signing in walks through identity verification; no balance',
    tin: '508226174',
    tinType: 'ssn',
    givenName: 'Grace',
    familyName: 'Kim',
    birthdate: '1992-08-21',
    addressOfRecord: GRACE_ADDRESS,
    modules: [
      {
        taxYear: 2025,
        dueDate: due(2025),
        filedDate: '2026-03-02',
        returns: [
          taxReturn('original', '2026-03-02', GRACE_ADDRESS, {
            status: 'single',
            wages: '61000.00',
            agi: '61000.00',
            taxable: '46250.00',
            tax: '5440.00',
            payments: '6100.00',
          }),
        ],
        transactions: [credit(806, due(2025), '6100.00'), debit(150, '2026-03-23', '5440.00')],
      },
    ],
    informationReturns: [w2(2025, 'Flatirons Outdoor Co', '61000.00', '6100.00')],
    notices: [],
  },
];
