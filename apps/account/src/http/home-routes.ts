// The signed-in pages over the taxpayer's records: the home page (payoff today, balances by
// year, payments, plan, notices), a tax year's detail page, and the payoff for a chosen date.
// Signed out, the home page invites to sign in; signed in without a linked taxpayer, every
// records page explains what did not match. Every read of taxpayer data is audited.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '#platform/errors/app-error.ts';
import { queryParam } from '#platform/http/form-fields.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import type { SessionsRepo, WebSession } from '../db/sessions-repo.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import type { TaxRecordsRepo } from '../db/tax-records-repo.ts';
import type { TaxpayerLinksRepo } from '../db/taxpayer-links-repo.ts';
import { currentSession, type SessionCookies } from '../session/current-session.ts';
import { accountOverview, noticesFor, payoffOn, yearBalance } from '../domain/records/account-overview.ts';
import { addDays, agencyToday } from '../domain/records/agency-date.ts';
import { isCalendarDate } from '../domain/records/link-taxpayer.ts';
import type { TaxpayerRecords } from '../domain/records/tax-records.ts';
import { SignedInHomePage, SignedOutHomePage } from '../views/home-pages.tsx';
import { PayoffPage, UnmatchedRecordsPage, YearPage } from '../views/records-pages.tsx';

/** Direct Pay schedules payments up to 365 days ahead (domain.md); the payoff form matches. */
export const PAYOFF_DAYS_AHEAD = 365;

export interface HomeRouteDeps {
  sessions: SessionsRepo;
  audit: AuditRepo;
  cookies: SessionCookies;
  links: TaxpayerLinksRepo;
  records: Pick<TaxRecordsRepo, 'recordsFor'>;
  now: () => Date;
}

/** "2026-07-01" as typed in a date field; also "7/1/2026" from browsers without one. */
export function parsePayoffDate(raw: string): string | undefined {
  const value = raw.trim();
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = us ? `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}` : value;
  return isCalendarDate(iso) ? iso : undefined;
}

export function registerHomeRoutes(app: FastifyInstance, deps: HomeRouteDeps): void {
  type Signed = { session: WebSession; taxpayerId: string; today: string };

  /**
   * The signed-in person and their taxpayer; otherwise undefined, with the reply sent: the
   * signed-out page for `/`, a redirect there for other pages, the mismatch page when not linked.
   */
  async function signedInTaxpayer(
    req: FastifyRequest,
    reply: FastifyReply,
    signedOut: () => void,
  ): Promise<Signed | undefined> {
    const now = deps.now();
    const session = await currentSession(req, deps.cookies, deps.sessions, now);
    if (!session) {
      signedOut();
      return undefined;
    }
    const link = await deps.links.find(session.subject);
    if (!link) {
      const problems = (await deps.links.problemsFor(session.subject)) ?? ['claims'];
      reply.code(403).page((ctx) => UnmatchedRecordsPage(ctx, problems));
      return undefined;
    }
    return { session, taxpayerId: link.taxpayerId, today: agencyToday(now) };
  }

  async function read(
    req: FastifyRequest,
    signed: Signed,
    action: string,
    detail: Record<string, string | number> = {},
  ): Promise<TaxpayerRecords> {
    const records = await deps.records.recordsFor(signed.taxpayerId);
    await deps.audit.record({
      subject: signed.session.subject,
      action,
      requestId: String(req.id),
      detail: { taxpayer: signed.taxpayerId, ...detail },
    });
    return records;
  }

  app.get('/', async (req, reply) => {
    const signed = await signedInTaxpayer(req, reply, () => reply.page((ctx) => SignedOutHomePage(ctx)));
    if (!signed) return reply;
    const records = await read(req, signed, 'view_home');
    const overview = accountOverview(records, signed.today);
    return reply.page((ctx) =>
      SignedInHomePage(ctx, {
        claims: signed.session.claims,
        overview,
        latestPayoffDate: addDays(signed.today, PAYOFF_DAYS_AHEAD),
      }),
    );
  });

  app.get<{ Params: { year: string } }>('/years/:year', async (req, reply) => {
    const signed = await signedInTaxpayer(req, reply, () => reply.redirect('/', 303));
    if (!signed) return reply;
    if (!/^\d{4}$/.test(req.params.year)) throw new AppError('E404', 404, 'error.notFound');
    const year = Number(req.params.year);
    const records = await read(req, signed, 'view_tax_year', { taxYear: year });
    const module = records.modules.find((m) => m.taxYear === year);
    if (!module) throw new AppError('E404', 404, 'error.notFound');
    const notices = noticesFor(records, year);
    return reply.page((ctx) =>
      YearPage(ctx, {
        module,
        balance: yearBalance(module, notices, signed.today),
        informationReturns: records.informationReturns.filter((f) => f.taxYear === year),
        notices,
        asOf: signed.today,
      }),
    );
  });

  app.get('/payoff', async (req, reply) => {
    const signed = await signedInTaxpayer(req, reply, () => reply.redirect('/', 303));
    if (!signed) return reply;
    const raw = queryParam(req.query, 'date') ?? '';
    const date = parsePayoffDate(raw);
    const latest = addDays(signed.today, PAYOFF_DAYS_AHEAD);
    const error: MessageKey | undefined = !date
      ? 'acct.records.whatIf.errorInvalid'
      : date < signed.today
        ? 'acct.records.whatIf.errorPast'
        : date > latest
          ? 'acct.records.whatIf.errorTooFar'
          : undefined;
    if (error || !date) {
      return reply.code(400).page((ctx) =>
        PayoffPage(ctx, {
          kind: 'error',
          value: raw.slice(0, 20),
          error: error!,
          today: signed.today,
          latest,
        }),
      );
    }
    const records = await read(req, signed, 'view_payoff', { payoffDate: date });
    const { years, payoffCents } = payoffOn(records, date);
    return reply.page((ctx) =>
      PayoffPage(ctx, { kind: 'result', date, years, payoffCents, today: signed.today, latest }),
    );
  });
}
