// The use case behind every sign-in: link the person to their taxpayer record.
//
// - A person already linked, presenting the same SSN or ITIN (same fingerprint), is not
//   matched again; the link's claims are refreshed.
// - Otherwise the taxpayer is looked up by the number and matched on name control, date of
//   birth and the address on the latest return (domain/records/link-taxpayer.ts). A match is
//   stored as the link; a mismatch stores which elements differed, for the page that
//   explains it. A link made with another number is not reused: the new one is matched.
// - Every outcome is an audit event (reading taxpayer data to match is a read); details name
//   the elements, never their values.
import type { AuditRepo } from '../db/audit-repo.ts';
import type { TaxpayersRepo } from '../db/taxpayers-repo.ts';
import type { TaxRecordsRepo } from '../db/tax-records-repo.ts';
import type { TaxpayerLinksRepo } from '../db/taxpayer-links-repo.ts';
import { matchTaxpayer, type LinkProblem, type VerifiedIdentity } from '../domain/records/link-taxpayer.ts';

export type LinkOutcome = { linked: true; taxpayerId: string } | { linked: false; problems: LinkProblem[] };

export interface LinkDeps {
  taxpayers: TaxpayersRepo;
  records: Pick<TaxRecordsRepo, 'latestReturnAddress'>;
  links: TaxpayerLinksRepo;
  audit: AuditRepo;
  now: () => Date;
}

export type LinkOnSignIn = (
  subject: string,
  identity: VerifiedIdentity | undefined,
  requestId: string,
) => Promise<LinkOutcome>;

export function linkOnSignIn(deps: LinkDeps): LinkOnSignIn {
  const refuse = async (subject: string, problems: LinkProblem[], requestId: string, found: boolean) => {
    await deps.links.recordProblems(subject, problems, deps.now());
    await deps.audit.record({
      subject,
      action: 'taxpayer_link_refused',
      requestId,
      detail: { problems: problems.join(','), taxpayerFound: found },
    });
    return { linked: false, problems } as const;
  };

  return async (subject, identity, requestId) => {
    if (!identity) return refuse(subject, ['claims'], requestId, false);
    const { tin, ...claims } = identity;
    const fingerprint = deps.taxpayers.tinFingerprint(tin);
    const existing = await deps.links.find(subject);
    if (existing && existing.tinFingerprint === fingerprint) {
      await deps.links.touch(subject, claims, deps.now());
      await deps.audit.record({
        subject,
        action: 'taxpayer_linked',
        requestId,
        detail: { taxpayer: existing.taxpayerId, how: 'existing link' },
      });
      return { linked: true, taxpayerId: existing.taxpayerId };
    }
    const taxpayer = await deps.taxpayers.findByTin(tin);
    const decision = matchTaxpayer(
      identity,
      taxpayer && {
        ...taxpayer,
        latestReturnAddress: await deps.records.latestReturnAddress(taxpayer.id),
      },
    );
    if (!taxpayer || !decision.matched)
      return refuse(subject, decision.matched ? ['tin'] : decision.problems, requestId, !!taxpayer);
    await deps.links.save(
      { subject, taxpayerId: taxpayer.id, tinFingerprint: fingerprint, claims },
      deps.now(),
    );
    await deps.audit.record({
      subject,
      action: 'taxpayer_linked',
      requestId,
      detail: { taxpayer: taxpayer.id, how: existing ? 'matched again (new number)' : 'matched' },
    });
    return { linked: true, taxpayerId: taxpayer.id };
  };
}
