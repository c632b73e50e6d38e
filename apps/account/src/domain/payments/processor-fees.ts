// Card processors' convenience fees, as data, and the fee to disclose before paying (pure).
// The fee goes to the processor, not the agency, and is shown before the person pays, as the
// real processors do (issue #8; IR-2020-70 [V]). Amounts are integer cents; rates are basis
// points (1.75% = 175 bp); the percentage fee is rounded half-up to the cent, with the money
// engine's divRound [U: how each processor rounds was not found].
//
// Sources (../shared/reference/domain.md "Payments", 2025 values, all [S] hisandherfipost.com,
// legalclarity.org/how-to-pay-the-irs-with-a-credit-card-through-payusatax):
// - Pay1040: credit cards 1.75% (minimum $2.50); personal debit cards $2.15 flat.
// - ACI Payments: personal debit $2.10 flat; credit cards minimum $2.50, percentage NOT in our
//   sources [U] — left unset, so no fee can be disclosed for it until an administrator sets it.
// - Commercial cards 2.89% / 2.95%: domain.md does not say which processor charges which [U];
//   we read them in the order processors are listed (Pay1040 2.89%, ACI 2.95%). Confirm.
// - payUSAtax stopped processing IRS payments on January 1, 2025: not listed.
// - The 'development' processor is the development card-processor port's: its fees are
//   DEVELOPMENT VALUES, made up, never shown as a real processor's.
// The IRS changes processors and fees each year: these are data for the configuration to replace.
import { divRound } from '#platform/money/decimal.ts';

export type CardKind = 'personal-debit' | 'credit' | 'commercial';
export type Certainty = 'V' | 'S' | 'U' | 'development';

/** A fee: a flat amount, or a percentage with a minimum. `undefined` = not known: refuse to disclose. */
export type FeeRule =
  | { type: 'flat'; cents: bigint }
  | { type: 'percent'; basisPoints: bigint; minimumCents: bigint }
  | undefined;

export interface ProcessorFees {
  id: string;
  name: string;
  fees: Readonly<Record<CardKind, FeeRule>>;
  certainty: Certainty;
  source: string;
  /** The year the values are for. */
  year: number;
}

const DOMAIN_SOURCES = 'hisandherfipost.com; legalclarity.org (via ../shared/reference/domain.md)';

export const CARD_PROCESSORS: readonly ProcessorFees[] = [
  {
    id: 'pay1040',
    name: 'Pay1040',
    fees: {
      'personal-debit': { type: 'flat', cents: 215n },
      credit: { type: 'percent', basisPoints: 175n, minimumCents: 250n },
      commercial: { type: 'percent', basisPoints: 289n, minimumCents: 250n },
    },
    certainty: 'S',
    source: `${DOMAIN_SOURCES}; commercial rate assignment and its minimum [U]`,
    year: 2025,
  },
  {
    id: 'aci',
    name: 'ACI Payments, Inc.',
    fees: {
      'personal-debit': { type: 'flat', cents: 210n },
      credit: undefined,
      commercial: { type: 'percent', basisPoints: 295n, minimumCents: 250n },
    },
    certainty: 'S',
    source: `${DOMAIN_SOURCES}; credit percentage unknown [U]; commercial rate assignment and its minimum [U]`,
    year: 2025,
  },
  {
    id: 'development',
    name: 'Development card processor (not a real processor)',
    fees: {
      'personal-debit': { type: 'flat', cents: 200n },
      credit: { type: 'percent', basisPoints: 185n, minimumCents: 250n },
      commercial: { type: 'percent', basisPoints: 290n, minimumCents: 250n },
    },
    certainty: 'development',
    source: 'DEVELOPMENT VALUES for the development card-processor port; not a real fee',
    year: 2025,
  },
];

export type FeeDisclosure =
  | {
      ok: true;
      processorId: string;
      processorName: string;
      cardKind: CardKind;
      amountCents: bigint;
      feeCents: bigint;
      totalCents: bigint;
      rule: NonNullable<FeeRule>;
      certainty: Certainty;
    }
  | { ok: false; problem: 'processor_unknown' | 'processor_fee_unknown' | 'payment_amount_not_positive' };

/** The convenience fee for paying `amountCents` with this kind of card through this processor. */
export function processorFee(rule: NonNullable<FeeRule>, amountCents: bigint): bigint {
  if (rule.type === 'flat') return rule.cents;
  const percent = divRound(amountCents * rule.basisPoints, 10_000n, 'half-up');
  return percent > rule.minimumCents ? percent : rule.minimumCents;
}

export function discloseProcessorFee(input: {
  processorId: string;
  cardKind: CardKind;
  amountCents: bigint;
  processors?: readonly ProcessorFees[];
}): FeeDisclosure {
  const processor = (input.processors ?? CARD_PROCESSORS).find((p) => p.id === input.processorId);
  if (!processor) return { ok: false, problem: 'processor_unknown' };
  if (input.amountCents <= 0n) return { ok: false, problem: 'payment_amount_not_positive' };
  const rule = processor.fees[input.cardKind];
  if (!rule) return { ok: false, problem: 'processor_fee_unknown' };
  const feeCents = processorFee(rule, input.amountCents);
  return {
    ok: true,
    processorId: processor.id,
    processorName: processor.name,
    cardKind: input.cardKind,
    amountCents: input.amountCents,
    feeCents,
    totalCents: input.amountCents + feeCents,
    rule,
    certainty: processor.certainty,
  };
}
