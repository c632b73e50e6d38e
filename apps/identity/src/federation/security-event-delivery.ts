// Pushes queued Security Event Tokens to agencies (RFC 8935): POST the signed SET with
// Content-Type application/secevent+jwt to the agency's `security_event_endpoint`; a 202
// (any 2xx) means delivered. Each attempt signs the token afresh with the current signing
// key (same `jti`, `iat` and event), so a retry after a key rotation still verifies.
//
// Retries: network errors, timeouts and every other answer are retried with exponential
// backoff (1, 2, 4 … minutes, at most an hour apart) up to 8 attempts, then the delivery is
// marked failed. A 400 naming an error that a retry cannot fix (RFC 8935 §2.4:
// invalid_request, invalid_issuer, invalid_audience, access_denied) fails it at once; an
// agency removed or without an endpoint any more also fails it.
//
// Several instances may run this: rows are claimed with a lease (FOR UPDATE SKIP LOCKED).
// Logs name the delivery (`jti`), agency and event type, never the person.
import type { JWK } from 'jose';
import type { Logger } from '#platform/log/logger.ts';
import type { Clock } from '#platform/time/clock.ts';
import type { AgenciesRepo } from '../db/agencies-repo.ts';
import type {
  SecurityEventDeliveriesRepo,
  SecurityEventDelivery,
} from '../db/security-event-deliveries-repo.ts';
import { chooseSetSigningKey, SET_MEDIA_TYPE, signSecurityEventToken } from './security-event-token.ts';

export interface DeliveryPolicy {
  maxAttempts: number;
  /** Delay after the first failed attempt; doubled after each further one. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** Deliveries claimed per run (sent concurrently). */
  batchSize: number;
  /** How long a claim keeps other workers off a row; longer than a send can take. */
  leaseSeconds: number;
  /** Per request. */
  timeoutMs: number;
  /** How often the timer started by `start()` looks for due deliveries. */
  intervalMs: number;
}

export const DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 8,
  baseDelaySeconds: 60,
  maxDelaySeconds: 3600,
  batchSize: 20,
  leaseSeconds: 120,
  timeoutMs: 10_000,
  intervalMs: 5_000,
};

/** RFC 8935 §2.4 errors a resend of the same SET cannot fix. */
const PERMANENT_ERRORS: ReadonlySet<string> = new Set([
  'invalid_request',
  'invalid_issuer',
  'invalid_audience',
  'access_denied',
]);

/** Seconds to wait after `attempts` failed attempts: base · 2^(attempts − 1), capped. */
export function retryDelaySeconds(attempts: number, policy: DeliveryPolicy = DELIVERY_POLICY): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** exponent);
}

export type PushOutcome = { ok: true } | { ok: false; permanent: boolean; error: string };

export interface DeliveryRunResult {
  delivered: number;
  retrying: number;
  failed: number;
}

export interface SecurityEventWorker {
  /** Sends every due delivery once (one batch after another); safe to call at any time. */
  deliverDue(): Promise<DeliveryRunResult>;
  /** Starts the timer (unref'd). */
  start(): void;
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

export interface SecurityEventWorkerDeps {
  deliveries: SecurityEventDeliveriesRepo;
  agencies: Pick<AgenciesRepo, 'find'>;
  /** The provider's active private signing keys (secrets-repo `signingKeys`). */
  signingKeys: () => Promise<JWK[]>;
  issuer: string;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  fetch?: typeof fetch;
  policy?: Partial<DeliveryPolicy>;
}

/** POSTs one SET and reads the answer. */
export async function pushSecurityEventToken(
  endpoint: string,
  token: string,
  options: { timeoutMs: number; fetch?: typeof fetch },
): Promise<PushOutcome> {
  const fetchImpl = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: { 'content-type': SET_MEDIA_TYPE, accept: 'application/json' },
      body: token,
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { ok: false, permanent: false, error: `request failed (${name}${cause})` };
  }
  const body = await response.text().catch(() => '');
  if (response.status >= 200 && response.status < 300) return { ok: true };
  let err: string | undefined;
  let description: string | undefined;
  try {
    const json = JSON.parse(body) as { err?: unknown; description?: unknown };
    if (typeof json.err === 'string') err = json.err;
    if (typeof json.description === 'string') description = json.description;
  } catch {
    // Not the JSON error body of RFC 8935: only the status says anything.
  }
  const permanent = response.status === 400 && err !== undefined && PERMANENT_ERRORS.has(err);
  const detail = [err, description].filter(Boolean).join(': ').slice(0, 200);
  return { ok: false, permanent, error: `HTTP ${response.status}${detail ? ` ${detail}` : ''}` };
}

export function createSecurityEventWorker(deps: SecurityEventWorkerDeps): SecurityEventWorker {
  const policy: DeliveryPolicy = { ...DELIVERY_POLICY, ...deps.policy };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<DeliveryRunResult> | undefined;

  async function deliverOne(delivery: SecurityEventDelivery, key: JWK): Promise<keyof DeliveryRunResult> {
    const log = {
      jti: delivery.id,
      clientId: delivery.clientId,
      eventType: delivery.eventType,
      attempt: delivery.attempts,
    };
    const agency = await deps.agencies.find(delivery.clientId);
    const endpoint = agency?.security_event_endpoint;
    let outcome: PushOutcome;
    if (delivery.attempts > policy.maxAttempts) {
      // Claimed again after attempts that never recorded an outcome (e.g. a crash mid-send).
      outcome = { ok: false, permanent: true, error: 'too many attempts' };
    } else if (!endpoint) {
      const error = agency ? 'the agency has no security_event_endpoint' : 'the agency is not registered';
      outcome = { ok: false, permanent: true, error };
    } else {
      const token = await signSecurityEventToken(
        {
          issuer: deps.issuer,
          audience: delivery.clientId,
          subject: delivery.subject,
          type: delivery.eventType,
          jti: delivery.id,
          issuedAt: delivery.createdAt,
          occurredAt: delivery.occurredAt,
        },
        key,
      );
      outcome = await pushSecurityEventToken(endpoint, token, {
        timeoutMs: policy.timeoutMs,
        fetch: deps.fetch,
      });
    }
    const now = deps.clock.now();
    if (outcome.ok) {
      await deps.deliveries.markDelivered(delivery.id, now);
      deps.logger.info({ event: 'security_event_delivered', ...log }, 'security event delivered');
      return 'delivered';
    }
    if (outcome.permanent || delivery.attempts >= policy.maxAttempts) {
      await deps.deliveries.markFailed(delivery.id, now, outcome.error);
      deps.logger.error(
        { event: 'security_event_failed', ...log, error: outcome.error },
        'security event not delivered; giving up',
      );
      return 'failed';
    }
    const next = new Date(now.getTime() + retryDelaySeconds(delivery.attempts, policy) * 1000);
    await deps.deliveries.retryLater(delivery.id, next, outcome.error);
    deps.logger.warn(
      { event: 'security_event_retry', ...log, error: outcome.error, nextAttemptAt: next.toISOString() },
      'security event not delivered; will retry',
    );
    return 'retrying';
  }

  async function run(): Promise<DeliveryRunResult> {
    const result: DeliveryRunResult = { delivered: 0, retrying: 0, failed: 0 };
    for (;;) {
      const batch = await deps.deliveries.claimDue(deps.clock.now(), policy.batchSize, policy.leaseSeconds);
      if (batch.length === 0) return result;
      const key = chooseSetSigningKey(await deps.signingKeys());
      const outcomes = await Promise.all(
        batch.map((delivery) =>
          deliverOne(delivery, key).catch(async (error: unknown) => {
            // Our own failure (database, signing): the lease runs out and the row is retried.
            deps.logger.error(
              {
                err: error,
                event: 'security_event_delivery_error',
                jti: delivery.id,
                clientId: delivery.clientId,
              },
              'security event delivery error',
            );
            return undefined;
          }),
        ),
      );
      for (const outcome of outcomes) if (outcome) result[outcome] += 1;
      if (batch.length < policy.batchSize) return result;
    }
  }

  function deliverDue(): Promise<DeliveryRunResult> {
    // One run at a time per instance; a call during a run waits for it, then runs again.
    const previous = running ?? Promise.resolve(undefined);
    const next: Promise<DeliveryRunResult> = previous
      .catch(() => undefined)
      .then(run)
      .finally(() => {
        if (running === next) running = undefined;
      });
    running = next;
    return next;
  }

  return {
    deliverDue,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        if (running) return;
        deliverDue().catch((error: unknown) =>
          deps.logger.error(
            { err: error, event: 'security_event_delivery_error' },
            'security event delivery run failed',
          ),
        );
      }, policy.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}
