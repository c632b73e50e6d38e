// The demo taxpayers (the tax account's records) and the identity provider's demo people are
// two sources of the same people: they must stay in step, and together show every situation
// issue #7 asks for. Numbers are shaped like real ones (domain.md §5) but made up.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_PEOPLE } from '../../apps/identity/src/seed/demo-people.ts';
import { DEMO_TAXPAYERS, cycleOf } from '../../apps/account/src/seed/demo-taxpayers.ts';
import { withAssessments } from '../../apps/account/src/seed/seed-account.ts';
import { matchTaxpayer, nameControl } from '../../apps/account/src/domain/records/link-taxpayer.ts';
import { accountOverview } from '../../apps/account/src/domain/records/account-overview.ts';
import type { TaxpayerRecords } from '../../apps/account/src/domain/records/tax-records.ts';

const AS_OF = '2026-11-25';

function recordsOf(person: (typeof DEMO_TAXPAYERS)[number]): TaxpayerRecords {
  return {
    taxpayerId: person.tin,
    modules: person.modules
      .map((m) => ({
        ...m,
        id: `${person.tin}-${m.taxYear}`,
        form: '1040' as const,
        transactions: withAssessments(
          m,
          person.notices.filter((n) => n.taxYear === m.taxYear),
        ),
      }))
      .sort((a, b) => b.taxYear - a.taxYear),
    informationReturns: person.informationReturns,
    notices: person.notices,
    paymentPlan: person.paymentPlan,
  };
}

const byName = (given: string) => {
  const person = DEMO_TAXPAYERS.find((p) => p.givenName === given);
  assert.ok(person, given);
  return { person, overview: accountOverview(recordsOf(person), AS_OF) };
};

/** domain.md §5: never area 000, 666 or 900–999; never group 00; never serial 0000. */
const isSsnShape = (tin: string) =>
  /^\d{9}$/.test(tin) &&
  !['000', '666'].includes(tin.slice(0, 3)) &&
  tin[0] !== '9' &&
  tin.slice(3, 5) !== '00' &&
  tin.slice(5) !== '0000';
/** domain.md §5: starts with 9, digits 4–5 in 50–65, 70–88, 90–92, 94–99. */
const isItinShape = (tin: string) => {
  const middle = Number(tin.slice(3, 5));
  return (
    /^9\d{8}$/.test(tin) &&
    ((middle >= 50 && middle <= 65) ||
      (middle >= 70 && middle <= 88) ||
      (middle >= 90 && middle <= 92) ||
      middle >= 94)
  );
};

describe('demo people and demo taxpayers', () => {
  it('keeps Maria (SSN) and James (ITIN) and has at least eight people', () => {
    assert.ok(DEMO_PEOPLE.length >= 8);
    assert.deepEqual(
      DEMO_PEOPLE.slice(0, 2).map((p) => [p.email, p.verified.tin, p.verified.tinType]),
      [
        ['maria.garcia@example.com', '400123456', 'ssn'],
        ['james.wilson@example.com', '912734567', 'itin'],
      ],
    );
  });

  it('every demo person is verified, with a valid-shaped number, a unique email and a three-word password', () => {
    assert.equal(new Set(DEMO_PEOPLE.map((p) => p.email)).size, DEMO_PEOPLE.length);
    assert.equal(new Set(DEMO_PEOPLE.map((p) => p.verified.tin)).size, DEMO_PEOPLE.length);
    for (const p of DEMO_PEOPLE) {
      assert.match(p.password, /^[a-z]+-[a-z]+-[a-z]+-\d{2}$/, p.email);
      assert.ok(
        p.verified.tinType === 'itin' ? isItinShape(p.verified.tin) : isSsnShape(p.verified.tin),
        p.email,
      );
      assert.match(p.verified.birthdate, /^\d{4}-\d{2}-\d{2}$/);
      assert.match(p.verified.phone, /^\+1\d{10}$/);
    }
  });

  it('each demo person has a taxpayer record with the same number, and links to it — except Olivia, who moved', () => {
    assert.equal(DEMO_TAXPAYERS.length, DEMO_PEOPLE.length);
    const linked: string[] = [];
    for (const p of DEMO_PEOPLE) {
      const record = DEMO_TAXPAYERS.find((t) => t.tin === p.verified.tin);
      assert.ok(record, `a record for ${p.email}`);
      const returns = record.modules
        .flatMap((m) => m.returns)
        .sort((a, b) => (a.receivedDate < b.receivedDate ? -1 : 1));
      const decision = matchTaxpayer(
        {
          ...p.verified,
          givenName: p.givenName,
          familyName: p.familyName,
          ial: 'x',
          aal: 'y',
          verifiedAt: null,
        },
        {
          tinType: record.tinType,
          nameControl: nameControl(record.familyName),
          birthdate: record.birthdate,
          addressOfRecord: record.addressOfRecord,
          latestReturnAddress: returns.at(-1)?.address,
        },
      );
      if (p.givenName === 'Olivia') assert.deepEqual(decision, { matched: false, problems: ['address'] });
      else {
        assert.deepEqual(decision, { matched: true }, p.email);
        linked.push(p.email);
      }
    }
    assert.ok(linked.length >= 8);
  });

  it('every record is consistent: TC 150 is the return’s tax, TC 806 the W-2 and 1099 withholding', () => {
    for (const person of DEMO_TAXPAYERS) {
      for (const m of person.modules) {
        const sum = (code: number) =>
          m.transactions.filter((t) => t.code === code).reduce((total, t) => total + t.amountCents, 0);
        const original = m.returns.find((r) => r.kind === 'original');
        if (!original) {
          assert.equal(m.filedDate, null);
          assert.equal(m.transactions.length, 0);
          continue;
        }
        assert.equal(original.receivedDate, m.filedDate, `${person.givenName} ${m.taxYear}`);
        assert.equal(sum(150), original.totalTaxCents, `${person.givenName} ${m.taxYear} TC 150`);
        const withheld = person.informationReturns
          .filter((f) => f.taxYear === m.taxYear)
          .reduce((total, f) => total + f.withheldCents, 0);
        assert.equal(0 - sum(806), withheld, `${person.givenName} ${m.taxYear} TC 806`);
        assert.ok(m.transactions.every((t) => /^\d{8}$/.test(t.cycle)));
      }
    }
  });

  it('no balance: Linda', () => {
    const { overview } = byName('Linda');
    assert.equal(overview.payoffCents, 0);
    assert.ok(overview.years.length >= 3);
  });

  it('a balance in one year: Maria (2024)', () => {
    const { overview } = byName('Maria');
    assert.deepEqual(
      overview.years.filter((y) => y.balanceCents > 0).map((y) => y.taxYear),
      [2024],
    );
  });

  it('balances in several years with penalties, after a notice of intent to levy: Robert', () => {
    const { person, overview } = byName('Robert');
    const owed = overview.years.filter((y) => y.balanceCents > 0 && y.penaltiesCents > 0);
    assert.ok(owed.length >= 3, `${owed.length} years with penalties`);
    assert.ok(person.notices.some((n) => n.code === 'CP504'));
  });

  it('a late filer: Aisha (failure-to-file penalty; a year not filed)', () => {
    const { overview } = byName('Aisha');
    const late = overview.years.find((y) => y.taxYear === 2023)!;
    assert.ok(late.filedDate! > late.dueDate);
    assert.ok(late.failureToFileCents > 0);
    assert.ok(overview.years.some((y) => y.filedDate === null));
  });

  it('an ITIN holder: James', () => {
    const { person, overview } = byName('James');
    assert.equal(person.tinType, 'itin');
    assert.ok(isItinShape(person.tin));
    assert.ok(overview.payoffCents > 0);
  });

  it('in a payment plan: David (TC 971 AC 063, terms on file, a next payment)', () => {
    const { overview } = byName('David');
    assert.equal(overview.plan.state, 'active');
    assert.ok(overview.plan.state === 'active' && overview.plan.nextPaymentDate === '2026-11-28');
    assert.ok(overview.payoffCents > 0);
  });

  it('a refund offset: Sofia (TC 826 out of 2024 mirrored by TC 706 into 2022)', () => {
    const { person } = byName('Sofia');
    const out = person.modules
      .flatMap((m) => m.transactions.map((t) => ({ ...t, year: m.taxYear })))
      .filter((t) => t.code === 826);
    const into = person.modules
      .flatMap((m) => m.transactions.map((t) => ({ ...t, year: m.taxYear })))
      .filter((t) => t.code === 706);
    assert.equal(out.length, 1);
    assert.equal(into.length, 1);
    assert.deepEqual(
      [out[0]!.year, out[0]!.relatedTaxYear, out[0]!.date],
      [into[0]!.relatedTaxYear, into[0]!.year, into[0]!.date],
    );
    assert.equal(out[0]!.amountCents, -into[0]!.amountCents);
  });

  it('an amended return: Thomas (TC 290 and a Form 1040-X)', () => {
    const { person, overview } = byName('Thomas');
    const module = person.modules.find((m) => m.taxYear === 2023)!;
    assert.ok(module.transactions.some((t) => t.code === 290));
    const amended = module.returns.find((r) => r.kind === 'amended')!;
    const original = module.returns.find((r) => r.kind === 'original')!;
    assert.equal(
      module.transactions.find((t) => t.code === 290)!.amountCents,
      amended.totalTaxCents - original.totalTaxCents,
    );
    assert.ok(overview.years.find((y) => y.taxYear === 2023)!.interestCents > 0);
  });

  it('assessed penalties and interest (TC 166, 276, 196) never exceed what the engine says has accrued', () => {
    for (const person of DEMO_TAXPAYERS) {
      const records = recordsOf(person);
      const overview = accountOverview(records, AS_OF);
      for (const m of records.modules) {
        const year = overview.years.find((y) => y.taxYear === m.taxYear)!;
        const posted = (code: number) =>
          m.transactions.filter((t) => t.code === code).reduce((total, t) => total + t.amountCents, 0);
        assert.ok(posted(166) <= year.failureToFileCents + 1, `${person.givenName} ${m.taxYear} 166`);
        assert.ok(posted(276) <= year.failureToPayCents + 1, `${person.givenName} ${m.taxYear} 276`);
      }
    }
  });

  it('cycleOf gives a plausible posting cycle', () => {
    assert.equal(cycleOf('2025-05-12'), '20252105');
    assert.equal(cycleOf('2024-12-30'), '20250205');
  });
});
