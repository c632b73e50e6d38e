// The signed-in pages over the taxpayer's records: the home page (payoff today, balances by
// year, payments, plan, notices), a tax year's detail page, and the payoff for a chosen date.
// Signed out, the home page invites to sign in; signed in without a linked taxpayer, every
// records page explains what did not match. Every read of taxpayer data is audited.
import type { FastifyInstance } from 'fastify';
import { AppError } from '#platform/errors/app-error.ts';
import { queryParam } from '#platform/http/form-fields.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import type { SessionsRepo } from '../db/sessions-repo.ts';
import type { TaxpayerLinksRepo } from '../db/taxpayer-links-repo.ts';
import type { SessionCookies } from '../session/current-session.ts';
import { signedInHelpers } from './signed-in.ts';
import { accountOverview, noticesFor, payoffOn, yearBalance } from '../domain/records/account-overview.ts';
import { addDays, agencyToday } from '../domain/records/agency-date.ts';
import { isCalendarDate } from '../domain/records/link-taxpayer.ts';
import { SignedInHomePage, SignedOutHomePage } from '../views/home-pages.tsx';
import { PayoffPage, YearPage } from '../views/records-pages.tsx';

/** Direct Pay schedules payments up to 365 days ahead (domain.md); the payoff form matches. */
export const PAYOFF_DAYS_AHEAD = 365;

export interface HomeRouteDeps {
  /** Also reads the records and writes their audit events, in one statement with the session. */
  sessions: SessionsRepo;
  cookies: SessionCookies;
  links: TaxpayerLinksRepo;
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
  const { signedInTaxpayer, signedInRecords } = signedInHelpers(deps);

  app.get('/', async (req, reply) => {
    const signed = await signedInRecords(
      req,
      reply,
      deps.now(),
      () => reply.page((ctx) => SignedOutHomePage(ctx)),
      { action: 'view_home' },
    );
    if (!signed) return reply;
    const overview = accountOverview(signed.records, signed.today);
    return reply.page((ctx) =>
      SignedInHomePage(ctx, {
        claims: signed.session.claims,
        overview,
        latestPayoffDate: addDays(signed.today, PAYOFF_DAYS_AHEAD),
      }),
    );
  });

  app.get<{ Params: { year: string } }>('/years/:year', async (req, reply) => {
    const now = deps.now();
    const toHome = () => reply.redirect('/', 303);
    if (!/^\d{4}$/.test(req.params.year)) {
      // Signed out or not linked first, as for any other year; nothing is read.
      if (!(await signedInTaxpayer(req, reply, now, toHome))) return reply;
      throw new AppError('E404', 404, 'error.notFound');
    }
    const year = Number(req.params.year);
    const signed = await signedInRecords(req, reply, now, toHome, {
      action: 'view_tax_year',
      detail: { taxYear: year },
    });
    if (!signed) return reply;
    const { records } = signed;
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
    const now = deps.now();
    const toHome = () => reply.redirect('/', 303);
    const today = agencyToday(now);
    const raw = queryParam(req.query, 'date') ?? '';
    const date = parsePayoffDate(raw);
    const latest = addDays(today, PAYOFF_DAYS_AHEAD);
    const error: MessageKey | undefined = !date
      ? 'acct.records.whatIf.errorInvalid'
      : date < today
        ? 'acct.records.whatIf.errorPast'
        : date > latest
          ? 'acct.records.whatIf.errorTooFar'
          : undefined;
    if (error || !date) {
      // Signed out or not linked first, as for a valid date; nothing is read.
      if (!(await signedInTaxpayer(req, reply, now, toHome))) return reply;
      return reply.code(400).page((ctx) =>
        PayoffPage(ctx, {
          kind: 'error',
          value: raw.slice(0, 20),
          error: error!,
          today,
          latest,
        }),
      );
    }
    const signed = await signedInRecords(req, reply, now, toHome, {
      action: 'view_payoff',
      detail: { payoffDate: date },
    });
    if (!signed) return reply;
    const { years, payoffCents } = payoffOn(signed.records, date);
    return reply.page((ctx) => PayoffPage(ctx, { kind: 'result', date, years, payoffCents, today, latest }));
  });
}
