// Personal details and the address of record. The details are checked in order: the form's own
// rules (SSA/IRS number shapes, USPS address), the document they must agree with, the SSN limit
// (10 per hour per number), the records limit (5 per 6 hours per account), one verified account
// per person (keyed fingerprint), then the authoritative records. The address is confirmed by a
// code to a phone in the person's name (checked with the records) or by a mailed letter.
import { randomInt } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formFields } from '#platform/http/form-fields.ts';
import { hashToken, safeEqual } from '#platform/crypto/tokens.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import { parsePhoneNumber } from '#platform/telephony/phone-number.ts';
import { isE164 } from '#platform/telephony/telephony-port.ts';
import type { FieldError } from '#platform/ui/components.tsx';
import type { IdvFlow } from '../db/idv-flows-repo.ts';
import {
  DETAILS_FIELDS,
  compareWithDocument,
  parseDetailsForm,
  prefillFromDocument,
  type DetailsForm,
  type PersonalDetails,
} from '../verification/flow/personal-details.ts';
import { IdvAddressPage, IdvCodePage, IdvDetailsPage } from '../views/idv/idv-details-pages.tsx';
import { guardStep, hitLimit, hitTinLimit, peekLimit, toErrorPage, type IdvDeps } from './idv-context.ts';

const LETTER_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford: no I, L, O, U

function letterCode(): string {
  return Array.from({ length: 10 }, () => LETTER_CODE_ALPHABET[randomInt(LETTER_CODE_ALPHABET.length)]).join(
    '',
  );
}
const phoneCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');
/** What the person types: case, spaces and dashes do not count; O and I/L read as 0 and 1. */
const normaliseCode = (code: string) =>
  code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');

export function oneLineAddress(address: PersonalDetails['address']): string {
  return `${address.street}, ${address.city}, ${address.state} ${address.postalCode}`;
}

export function registerIdvDetailsRoutes(app: FastifyInstance, deps: IdvDeps): void {
  const formFrom = (flow: IdvFlow, typed?: Partial<DetailsForm>): Partial<DetailsForm> => ({
    ...prefillFromDocument(flow.documentFields),
    ...(typed ?? {}),
  });

  const detailsPage = (
    req: FastifyRequest,
    reply: FastifyReply,
    form: Partial<DetailsForm>,
    errors: FieldError[],
    notice?: string,
  ) =>
    reply
      .code(errors.length || notice ? 400 : 200)
      .page((ctx) => IdvDetailsPage(ctx, { form, errors, notice }));

  app.get('/verify/details', async (req, reply) => {
    const guarded = await guardStep(deps, req, reply, 'details');
    if (!guarded?.flow) return reply;
    return detailsPage(req, reply, formFrom(guarded.flow), []);
  });

  app.post('/verify/details', async (req, reply) => {
    const guarded = await guardStep(deps, req, reply, 'details');
    if (!guarded?.flow) return reply;
    const flow = guarded.flow;
    const typed = formFields(req.body, DETAILS_FIELDS, 128);
    // What the person typed comes back, except the SSN or ITIN (a secret).
    const keep = { ...typed, tin: '' };
    const parsed = parseDetailsForm(typed, {
      allowTestNumbers: deps.idv.flow.allowTestNumbers,
      minimumAge: deps.idv.minimumAge,
      now: deps.clock.now(),
    });
    if (!parsed.ok) {
      const errors = parsed.problems.map((p) => ({
        field: p.field,
        message: req.t(`idv.details.problem.${p.code}` as MessageKey),
      }));
      return detailsPage(req, reply, keep, errors);
    }
    const details = parsed.details;
    const mismatches = compareWithDocument(details, flow.documentFields);
    if (mismatches.length > 0) {
      const errors = mismatches.map((m) => ({
        field: m === 'name' ? 'givenName' : 'dobMonth',
        message: req.t(`idv.details.documentMismatch.${m}` as MessageKey),
      }));
      await deps.flows.update(flow.id, { errorCode: 6012 }, deps.clock.now());
      return detailsPage(req, reply, keep, errors);
    }
    // An account stopped by the records limit does not use up the number's tries.
    const recordsOpen = await peekLimit(deps, 'identityResolution', flow.accountId);
    if (!recordsOpen.allowed) return toErrorPage(deps, reply, flow, 6003, recordsOpen.retryAfterSeconds);
    const tinLimit = await hitTinLimit(deps, details.tin);
    if (!tinLimit.allowed) return toErrorPage(deps, reply, flow, 6004, tinLimit.retryAfterSeconds);
    const recordsLimit = await hitLimit(deps, 'identityResolution', flow.accountId);
    if (!recordsLimit.allowed) return toErrorPage(deps, reply, flow, 6003, recordsLimit.retryAfterSeconds);
    const duplicate = await duplicateHolder(deps, details.tin, flow.accountId);
    if (duplicate) {
      req.log.warn(
        { event: 'idv_duplicate_person', flowId: flow.id },
        'SSN or ITIN already verified on another account',
      );
      return toErrorPage(deps, reply, flow, 6006);
    }
    const answer = await deps.records.resolveIdentity({
      givenName: details.givenName,
      familyName: details.familyName,
      dateOfBirth: details.dateOfBirth,
      tin: details.tin,
      tinType: details.tinType,
      address: details.address,
    });
    req.log.info(
      { event: 'idv_records_checked', flowId: flow.id, outcome: answer.outcome },
      'records checked',
    );
    if (answer.outcome === 'unavailable') return toErrorPage(deps, reply, flow, 6007);
    if (answer.outcome === 'not_verified') {
      if (recordsLimit.remaining === 0) return toErrorPage(deps, reply, flow, 6001);
      await deps.flows.update(flow.id, { errorCode: 6001 }, deps.clock.now());
      return detailsPage(
        req,
        reply,
        keep,
        [],
        req.t('idv.details.recordsMismatch', { count: recordsLimit.remaining }),
      );
    }
    await deps.flows.update(
      flow.id,
      { details, detailsVerifiedAt: deps.clock.now(), errorCode: null },
      deps.clock.now(),
    );
    return reply.redirect('/verify/address', 303);
  });

  const addressPage = (
    reply: FastifyReply,
    flow: IdvFlow,
    extra: { method?: string; phone?: string; error?: string; phoneError?: string } = {},
  ) =>
    reply
      .code(extra.error || extra.phoneError ? 400 : 200)
      .page((ctx) => IdvAddressPage(ctx, { address: oneLineAddress(flow.details!.address), ...extra }));

  app.get('/verify/address', async (req, reply) => {
    const guarded = await guardStep(deps, req, reply, 'address');
    if (!guarded?.flow) return reply;
    return addressPage(reply, guarded.flow);
  });

  /** Sends a fresh code by the chosen way; the code's hash is kept, never the code. */
  async function sendCode(
    req: FastifyRequest,
    flow: IdvFlow,
    method: 'phone' | 'mail',
    phone: string | null,
  ) {
    const now = deps.clock.now();
    const details = flow.details!;
    if (method === 'phone') {
      const code = phoneCode();
      if (!phone || !isE164(phone)) throw new Error('Phone confirmation needs an E.164 number');
      await deps.telephony.sendSms(phone, req.t('idv.address.sms', { code }));
      await deps.flows.update(
        flow.id,
        {
          addressMethod: 'phone',
          phone,
          confirmationCodeHash: hashToken(code),
          confirmationSentAt: now,
          confirmationExpiresAt: new Date(now.getTime() + deps.idv.flow.phoneCodeTtlSeconds * 1000),
          confirmationAttempts: 0,
        },
        now,
      );
      return;
    }
    const code = letterCode();
    // Valid to the end of the last day (Eastern), as the letter says.
    const expires = new Date(now.getTime() + deps.idv.flow.letterCodeTtlDays * 86400_000);
    await deps.postalMail.send({
      kind: 'address_confirmation',
      recipientName: `${details.givenName} ${details.familyName}`,
      address: details.address,
      code,
      expiresAt: expires,
      locale: req.locale,
    });
    await deps.flows.update(
      flow.id,
      {
        addressMethod: 'mail',
        phone: null,
        confirmationCodeHash: hashToken(normaliseCode(code)),
        confirmationSentAt: now,
        confirmationExpiresAt: expires,
        confirmationAttempts: 0,
      },
      now,
    );
    req.log.info({ event: 'idv_letter_sent', flowId: flow.id }, 'address confirmation letter sent');
  }

  app.post('/verify/address', async (req, reply) => {
    const guarded = await guardStep(deps, req, reply, 'address');
    if (!guarded?.flow) return reply;
    const flow = guarded.flow;
    const { method, phone } = formFields(req.body, ['method', 'phone'], 64);
    if (method === 'mail') {
      await sendCode(req, flow, 'mail', null);
      return reply.redirect('/verify/address/code', 303);
    }
    if (method !== 'phone') return addressPage(reply, flow, { phone, error: req.t('idv.address.required') });
    const parsed = parsePhoneNumber(phone);
    if (!parsed.ok || !isE164(parsed.e164))
      return addressPage(reply, flow, { method, phone, phoneError: req.t('idv.address.phoneInvalid') });
    const limit = await hitLimit(deps, 'phoneProofing', flow.accountId);
    if (!limit.allowed) return toErrorPage(deps, reply, flow, 6009, limit.retryAfterSeconds);
    const details = flow.details!;
    const owner = await deps.records.phoneOwnership({
      givenName: details.givenName,
      familyName: details.familyName,
      tin: details.tin,
      phone: parsed.e164,
    });
    req.log.info(
      { event: 'idv_phone_checked', flowId: flow.id, outcome: owner.outcome },
      'phone ownership checked',
    );
    if (owner.outcome === 'unavailable') return toErrorPage(deps, reply, flow, 6007);
    if (owner.outcome === 'not_owner') {
      if (limit.remaining === 0) return toErrorPage(deps, reply, flow, 6009);
      return addressPage(reply, flow, {
        method,
        phone,
        phoneError: `${req.t('idv.address.notOwner')} ${req.t('idv.address.phoneAttemptsLeft', { count: limit.remaining })}`,
      });
    }
    await sendCode(req, flow, 'phone', parsed.e164);
    return reply.redirect('/verify/address/code', 303);
  });

  const codePage = (
    req: FastifyRequest,
    reply: FastifyReply,
    flow: IdvFlow,
    error?: string,
    notice?: string,
  ) => {
    const by = flow.addressMethod === 'phone' ? 'phone' : 'mail';
    const formatDate = (date: Date) =>
      new Intl.DateTimeFormat(req.locale === 'es' ? 'es-US' : 'en-US', {
        dateStyle: 'long',
        timeZone: 'America/New_York',
      }).format(date);
    const lead =
      by === 'phone'
        ? req.t('idv.code.phoneLead', {
            phone: parsePhoneNumber(flow.phone ?? '').ok ? maskedPhone(flow.phone!) : '',
          })
        : req.t('idv.code.mailLead', {
            address: oneLineAddress(flow.details!.address),
            date: formatDate(flow.confirmationSentAt!),
            expires: formatDate(flow.confirmationExpiresAt!),
          });
    return reply.code(error ? 400 : 200).page((ctx) => IdvCodePage(ctx, { by, lead, error, notice }));
  };

  app.get('/verify/address/code', async (req, reply) => {
    const guarded = await guardStep(deps, req, reply, 'address-code');
    if (!guarded?.flow) return reply;
    return codePage(req, reply, guarded.flow);
  });

  app.post('/verify/address/code', async (req, reply) => {
    const guarded = await guardStep(deps, req, reply, 'address-code');
    if (!guarded?.flow) return reply;
    const flow = guarded.flow;
    const { code } = formFields(req.body, ['code'], 64);
    const now = deps.clock.now();
    const max = deps.idv.flow.maxConfirmationAttempts;
    const expired = !flow.confirmationExpiresAt || flow.confirmationExpiresAt <= now;
    if (expired || flow.confirmationAttempts >= max) {
      if (flow.addressMethod === 'mail') return toErrorPage(deps, reply, flow, 6010);
      return codePage(req, reply, flow, req.t('idv.code.expired'));
    }
    const stored = await deps.flows.confirmationCodeHash(flow.id);
    const typed = flow.addressMethod === 'mail' ? normaliseCode(code) : code.replace(/\s/g, '');
    if (!stored || !safeEqual(stored, hashToken(typed))) {
      const attempts = flow.confirmationAttempts + 1;
      await deps.flows.update(flow.id, { confirmationAttempts: attempts }, now);
      if (attempts >= max) {
        if (flow.addressMethod === 'mail') return toErrorPage(deps, reply, flow, 6010);
        return toErrorPage(deps, reply, flow, 6009);
      }
      return codePage(req, reply, flow, req.t('idv.code.wrong', { count: max - attempts }));
    }
    await deps.flows.update(flow.id, { addressConfirmedAt: now, confirmationCodeHash: null }, now);
    req.log.info(
      { event: 'idv_address_confirmed', flowId: flow.id, by: flow.addressMethod },
      'address confirmed',
    );
    return reply.redirect('/verify/password', 303);
  });

  app.post('/verify/address/resend', async (req, reply) => {
    const guarded = await guardStep(deps, req, reply, 'address-code');
    if (!guarded?.flow) return reply;
    const flow = guarded.flow;
    if (flow.addressMethod === 'phone') {
      const limit = await peekLimit(deps, 'phoneProofing', flow.accountId);
      if (!limit.allowed) return toErrorPage(deps, reply, flow, 6009, limit.retryAfterSeconds);
    }
    await sendCode(req, flow, flow.addressMethod ?? 'mail', flow.phone);
    const fresh = (await deps.flows.findById(flow.id))!;
    return codePage(req, reply, fresh, undefined, req.t('idv.code.title'));
  });

  // Back to the choice (a letter instead of a text, or the other way round).
  app.post('/verify/address/switch', async (req, reply) => {
    const guarded = await guardStep(deps, req, reply, 'address-code');
    if (!guarded?.flow) return reply;
    await deps.flows.update(
      guarded.flow.id,
      {
        confirmationSentAt: null,
        confirmationExpiresAt: null,
        confirmationCodeHash: null,
        confirmationAttempts: 0,
      },
      deps.clock.now(),
    );
    return reply.redirect('/verify/address', 303);
  });
}

function maskedPhone(e164: string): string {
  const parsed = parsePhoneNumber(e164);
  return parsed.ok ? parsed.masked : '';
}

/** Another account already verified with this SSN or ITIN (one verified account per person). */
async function duplicateHolder(deps: IdvDeps, tin: string, accountId: string): Promise<boolean> {
  const holder = await deps.profiles.accountWithTin(tin);
  return !!holder && holder !== accountId;
}
