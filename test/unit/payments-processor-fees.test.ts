// Card processors' convenience fees (pure): flat debit fees, percentage credit fees with their
// minimum, half-cent rounding, and refusing to disclose a fee nobody knows.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CARD_PROCESSORS,
  discloseProcessorFee,
  type CardKind,
} from '../../apps/account/src/domain/payments/processor-fees.ts';

describe('fees disclosed before paying', () => {
  // [processor, card kind, amount cents, fee cents]
  const cases: [string, CardKind, bigint, bigint][] = [
    ['pay1040', 'personal-debit', 100n, 215n],
    ['pay1040', 'personal-debit', 5_000_000n, 215n], // flat, whatever the amount
    ['pay1040', 'credit', 10_000n, 250n], // 1.75% of $100 = $1.75 → the $2.50 minimum
    ['pay1040', 'credit', 14_286n, 250n], // $2.50005 → $2.50: at the minimum
    ['pay1040', 'credit', 20_000n, 350n], // 1.75% of $200
    ['pay1040', 'credit', 20_200n, 354n], // $3.535 → $3.54 (half-up)
    ['pay1040', 'credit', 100_000n, 1_750n],
    ['pay1040', 'commercial', 100_000n, 2_890n],
    ['aci', 'personal-debit', 100_000n, 210n],
    ['aci', 'commercial', 100_000n, 2_950n],
    ['development', 'credit', 100_000n, 1_850n],
    ['development', 'personal-debit', 100_000n, 200n],
  ];
  for (const [processorId, cardKind, amountCents, feeCents] of cases) {
    it(`${processorId} ${cardKind} on ${amountCents} cents → ${feeCents}`, () => {
      const result = discloseProcessorFee({ processorId, cardKind, amountCents });
      assert.ok(
        result.ok,
        JSON.stringify(result, (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
      );
      assert.equal(result.feeCents, feeCents);
      assert.equal(result.totalCents, amountCents + feeCents);
    });
  }
  const refused: [string, CardKind, bigint, string][] = [
    ['aci', 'credit', 10_000n, 'processor_fee_unknown'], // percentage not in our sources
    ['payusatax', 'credit', 10_000n, 'processor_unknown'], // dropped January 1, 2025
    ['pay1040', 'credit', 0n, 'payment_amount_not_positive'],
  ];
  for (const [processorId, cardKind, amountCents, problem] of refused) {
    it(`${processorId} ${cardKind} → ${problem}`, () => {
      assert.deepEqual(discloseProcessorFee({ processorId, cardKind, amountCents }), { ok: false, problem });
    });
  }
  it('the development processor is labelled as such', () => {
    const dev = CARD_PROCESSORS.find((p) => p.id === 'development');
    assert.equal(dev?.certainty, 'development');
    assert.match(dev?.source ?? '', /DEVELOPMENT VALUES/);
    for (const p of CARD_PROCESSORS.filter((p) => p.id !== 'development'))
      assert.notEqual(p.certainty, 'development');
  });
  it('configuration can replace the data', () => {
    const result = discloseProcessorFee({
      processorId: 'aci',
      cardKind: 'credit',
      amountCents: 100_000n,
      processors: [
        {
          id: 'aci',
          name: 'ACI',
          fees: {
            'personal-debit': { type: 'flat', cents: 210n },
            credit: { type: 'percent', basisPoints: 198n, minimumCents: 250n },
            commercial: undefined,
          },
          certainty: 'S',
          source: 'configured',
          year: 2026,
        },
      ],
    });
    assert.ok(result.ok);
    assert.equal(result.feeCents, 1_980n);
  });
});
