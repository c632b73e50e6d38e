// What the identity-verification routes share: their dependencies, the signed-in check (AAL2),
// loading the journey and resolving a requested step through the step graph, the limits (each
// keyed by an id or a fingerprint, never raw PII) and the numbered error redirect.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { Database } from '#platform/db/database.ts';
import type { Clock } from '#platform/time/clock.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import type { AttemptLimiter, LimitDecision } from '#platform/ratelimit/attempt-limiter.ts';
import { LIMIT_RULES, limitKey } from '#platform/ratelimit/limit-rules.ts';
import type { TelephonySender } from '#platform/telephony/telephony-port.ts';
import { resolveStep } from '#platform/flows/step-graph.ts';
import type { AccountsRepo } from '../db/accounts-repo.ts';
import type { AgenciesRepo } from '../db/agencies-repo.ts';
import type { VerifiedProfilesRepo } from '../db/verified-profiles-repo.ts';
import type { IdpSession } from '../db/idp-sessions-repo.ts';
import type { IdvFlow, IdvFlowsRepo } from '../db/idv-flows-repo.ts';
import type { NotifyingSecurityEvents } from '../flows/security-notifier.ts';
import type { PasswordHasher } from '../auth/password-hasher.ts';
import type { IdvConfig } from '../verification/engine/idv-config.ts';
import type { DocumentCheckRunner } from '../verification/flow/document-check-runner.ts';
import type { AuthoritativeRecords } from '../verification/records/records-port.ts';
import type { PostalMailSender } from '../verification/confirm/postal-mail-port.ts';
import type { VerifiedIdentity } from '../verification/verified-identity.ts';
import { IDV_PATHS, IDV_STEPS, type IdvState, type IdvStep } from '../verification/flow/idv-steps.ts';
import { idvErrorPath } from '../views/idv-error-page.tsx';
import type { AuthContext } from './auth-context.ts';

export interface IdvDeps {
  db: Database;
  provider: Provider;
  flows: IdvFlowsRepo;
  accounts: AccountsRepo;
  agencies: AgenciesRepo;
  auth: AuthContext;
  hasher: PasswordHasher;
  /** Stored, shown on the account page and emailed with a "this wasn't me" link. */
  events: NotifyingSecurityEvents;
  runner: DocumentCheckRunner;
  records: AuthoritativeRecords;
  limiter: AttemptLimiter;
  cipher: FieldCipher;
  telephony: TelephonySender;
  postalMail: PostalMailSender;
  verifiedIdentity: VerifiedIdentity;
  profiles: VerifiedProfilesRepo;
  clock: Clock;
  idv: IdvConfig;
  /** Whether a video-call service is configured (none ships yet; the graph is ready for one). */
  videoAvailable: boolean;
  issuer: string;
  secureCookies: boolean;
}

export interface SignedInPerson {
  token: string;
  session: IdpSession;
}

/** The signed-in person at AAL2, or undefined after redirecting to sign in (and back here). */
export async function signedInForIdv(
  deps: IdvDeps,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<SignedInPerson | undefined> {
  const current = await deps.auth.session(req);
  if (current && current.session.aal === 2) return current;
  deps.auth.rememberReturn(reply, '/verify');
  void reply.redirect(current ? '/mfa' : '/sign-in', 303);
  return undefined;
}

export async function idvState(deps: IdvDeps, flow: IdvFlow | undefined): Promise<IdvState> {
  return {
    flow,
    captured: flow ? await deps.flows.capturedSides(flow.id) : [],
    videoAvailable: deps.videoAvailable,
  };
}

/**
 * The signed-in person and their journey when `step` is allowed; otherwise answers itself (to
 * sign in, to a numbered error page, or to the step the graph allows) and returns undefined.
 */
export async function guardStep(
  deps: IdvDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  step: IdvStep,
): Promise<(SignedInPerson & { flow: IdvFlow | undefined; state: IdvState }) | undefined> {
  const person = await signedInForIdv(deps, req, reply);
  if (!person) return undefined;
  await deps.runner.recoverStale();
  const flow = await deps.flows.active(person.session.accountId, deps.clock.now());
  // A journey that ended on a failure shows its numbered page until the person starts again.
  if (flow?.documentStatus === 'failed' && flow.errorCode && step !== 'welcome') {
    void reply.redirect(idvErrorPath(flow.errorCode), 303);
    return undefined;
  }
  // A journey that timed out: its data is gone; say so once, then start again.
  if (!flow && step !== 'welcome') {
    const latest = await deps.flows.latest(person.session.accountId);
    if (latest?.status === 'abandoned' && !latest.completedAt && latest.expiresAt <= deps.clock.now()) {
      void reply.redirect(idvErrorPath(6013), 303);
      return undefined;
    }
  }
  const state = await idvState(deps, flow);
  const allowed = resolveStep(IDV_STEPS, state, step);
  if (allowed !== step) {
    void reply.redirect(IDV_PATHS[allowed], 303);
    return undefined;
  }
  return { ...person, flow, state };
}

type IdvLimit = 'documentCapture' | 'identityResolution' | 'phoneProofing';

/** Counts one attempt of `limit` for the account. */
export function hitLimit(deps: IdvDeps, limit: IdvLimit, accountId: string): Promise<LimitDecision> {
  return deps.limiter.hit(limitKey(limit, accountId), LIMIT_RULES[limit], deps.clock.now());
}

export function peekLimit(deps: IdvDeps, limit: IdvLimit, accountId: string): Promise<LimitDecision> {
  return deps.limiter.peek(limitKey(limit, accountId), LIMIT_RULES[limit], deps.clock.now());
}

/** Counts one try of an SSN or ITIN (from any account): keyed by its fingerprint. */
export function hitTinLimit(deps: IdvDeps, tin: string): Promise<LimitDecision> {
  return deps.limiter.hit(
    limitKey('ssnProofing', deps.cipher.fingerprint(`limit:tin:${tin}`)),
    LIMIT_RULES.ssnProofing,
    deps.clock.now(),
  );
}

/** Sends the person to a numbered error page, remembering the code on the journey. */
export async function toErrorPage(
  deps: IdvDeps,
  reply: FastifyReply,
  flow: IdvFlow | undefined,
  code: number,
  retryAfterSeconds?: number,
): Promise<FastifyReply> {
  if (flow) await deps.flows.update(flow.id, { errorCode: code }, deps.clock.now());
  const query = retryAfterSeconds ? `?until=${deps.clock.now().getTime() + retryAfterSeconds * 1000}` : '';
  return reply.redirect(`${idvErrorPath(code)}${query}`, 303);
}
