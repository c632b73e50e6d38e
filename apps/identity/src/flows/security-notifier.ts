// Security notices (Login.gov): every security event is emailed to the account's address
// with a "This wasn't me" link that locks the account. Wraps the security-events repository
// with the same interface, so callers do not change. Rules:
// - a sign-in is only reported from a device that has never signed in to (or created) the
//   account before; a wrong second-factor code only on the 3rd within an hour;
// - the link holds a random token (only its hash is stored), valid 7 days, single use;
// - a failure to send never fails the action that caused the event (it is logged).
import type { Queryable } from '#platform/db/database.ts';
import type { EmailSender } from '#platform/mail/email-port.ts';
import type { Logger } from '#platform/log/logger.ts';
import type { Clock } from '#platform/time/clock.ts';
import { translator, type Locale } from '#platform/i18n/catalog.ts';
import type { AccountsRepo } from '../db/accounts-repo.ts';
import {
  createSecurityEventsRepo,
  type SecurityEventKind,
  type SecurityEventsRepo,
} from '../db/security-events-repo.ts';
import {
  insertSecurityEvent,
  type SecurityEventInput,
  type SecurityNoticeTokensRepo,
} from '../db/security-notice-tokens-repo.ts';

export const NOTICE_LINK_TTL_DAYS = 7;
export const NOTICE_TIME_ZONE = 'America/New_York';
/** Wrong second-factor codes within this window trigger a notice on exactly this count. */
export const FAILED_MFA_NOTICE = { count: 3, windowSeconds: 3600 } as const;

/** The repository's input, plus the language of the email (English when absent). */
export type NotifyingRecordInput = SecurityEventInput & { locale?: Locale | undefined };

export interface NotifyingSecurityEvents extends SecurityEventsRepo {
  record(input: NotifyingRecordInput): Promise<void>;
}

export interface SecurityNotifierDeps {
  db: Queryable;
  accounts: Pick<AccountsRepo, 'findById'>;
  email: EmailSender;
  tokens: SecurityNoticeTokensRepo;
  /** The identity provider's public URL (the issuer); the link is built on it. */
  baseUrl: string;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'error'>;
}

/** A date and time as people in the agency's time zone read it, e.g. "January 15, 2025 at 12:30 PM EST". */
// Building a formatter is far costlier than using one: one per language, made once.
const noticeTimeFormats = new Map<Locale, Intl.DateTimeFormat>();

export function formatNoticeTime(at: Date, locale: Locale): string {
  let format = noticeTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: NOTICE_TIME_ZONE,
      timeZoneName: 'short',
    });
    noticeTimeFormats.set(locale, format);
  }
  return format.format(at);
}

export function createNotifyingSecurityEvents(deps: SecurityNotifierDeps): NotifyingSecurityEvents {
  const plain = createSecurityEventsRepo(deps.db);

  /** Whether this event deserves an email, judged against the account's earlier events. */
  async function worthNotice(eventId: number, input: SecurityEventInput): Promise<boolean> {
    if (input.kind === 'sign_in') {
      if (!input.deviceId) return true;
      // Known device: it signed in to, or created, this account before. A failed code
      // from a device does not make it known.
      const rows = await deps.db.query(
        `SELECT 1 FROM security_events
         WHERE account_id = $1 AND device_id = $2 AND id < $3 AND kind IN ('sign_in', 'account_created')
         LIMIT 1`,
        [input.accountId, input.deviceId, eventId],
      );
      return rows.length === 0;
    }
    if (input.kind === 'sign_in_failed_mfa') {
      const since = new Date(input.at.getTime() - FAILED_MFA_NOTICE.windowSeconds * 1000);
      const rows = await deps.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM security_events
         WHERE account_id = $1 AND kind = 'sign_in_failed_mfa' AND occurred_at > $2 AND id <= $3`,
        [input.accountId, since, eventId],
      );
      return rows[0]?.n === FAILED_MFA_NOTICE.count;
    }
    return true;
  }

  async function notify(eventId: number, input: NotifyingRecordInput): Promise<void> {
    if (!(await worthNotice(eventId, input))) return;
    const account = await deps.accounts.findById(input.accountId);
    if (!account) return;
    const token = await deps.tokens.issue({
      accountId: input.accountId,
      eventId,
      now: deps.clock.now(),
      ttlSeconds: NOTICE_LINK_TTL_DAYS * 24 * 3600,
    });
    const locale = input.locale ?? 'en';
    const link = `${deps.baseUrl.replace(/\/$/, '')}/security/not-me?token=${encodeURIComponent(token)}`;
    await deps.email.send({
      to: account.email,
      kind: `security-notice-${input.kind}`,
      ...noticeEmail(locale, input.kind, {
        time: formatNoticeTime(input.at, locale),
        device: input.deviceLabel,
        link,
      }),
    });
    deps.logger.info(
      { event: 'security_notice_sent', kind: input.kind, accountId: input.accountId },
      'security notice sent',
    );
  }

  return {
    async record(input) {
      const { locale, ...event } = input;
      const eventId = await insertSecurityEvent(deps.db, event);
      try {
        await notify(eventId, { ...event, locale });
      } catch (error) {
        // The event is stored and shown on the account page; the action itself stands.
        deps.logger.error(
          { err: error, event: 'security_notice_failed', kind: input.kind, accountId: input.accountId },
          'security notice not sent',
        );
      }
    },
    list: (accountId, limit) => plain.list(accountId, limit),
  };
}

/** Subject and plain-text body of the notice for one kind of event. */
export function noticeEmail(
  locale: Locale,
  kind: SecurityEventKind,
  details: { time: string; device?: string | null | undefined; link: string },
): { subject: string; text: string } {
  const t = translator(locale);
  const device = details.device || t('idp.notice.email.unknownDevice');
  const text = [
    t(`idp.notice.email.lead.${kind}` as const),
    `${t('idp.notice.email.when', { time: details.time })}\n${t('idp.notice.email.device', { device })}`,
    t('idp.notice.email.ifYou'),
    t('idp.notice.email.notMe', { link: details.link, days: NOTICE_LINK_TTL_DAYS }),
    t('idp.notice.email.reminder'),
  ].join('\n\n');
  return { subject: t(`idp.notice.email.subject.${kind}` as const), text };
}
