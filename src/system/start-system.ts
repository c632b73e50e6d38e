// Starts the identity provider, the tax account and the demo benefits agency in one process
// (embedded mode), migrates, seeds, and listens. Used by `npm start`, the end-to-end tests and benchmarks.
import { Redis } from 'ioredis';
import type { Logger } from '#platform/log/logger.ts';
import type { Clock } from '#platform/time/clock.ts';
import { buildIdentityApp, type IdentityApp } from '../../apps/identity/src/main.ts';
import { buildAccountApp, type AccountApp } from '../../apps/account/src/main.ts';
import { buildBenefitsApp, type BenefitsApp } from '../../apps/benefits/src/main.ts';
import { systemAgencyRegistrations } from './agency-registrations.ts';
import { seedIdentity } from '../../apps/identity/src/seed/seed-identity.ts';
import { seedAccount } from '../../apps/account/src/seed/seed-account.ts';
import type { SystemConfig } from './system-config.ts';
import { listenOrExplain } from './listen.ts';

export interface RunningSystem {
  identity: IdentityApp;
  account: AccountApp;
  benefits: BenefitsApp;
  identityUrl: string;
  accountUrl: string;
  benefitsUrl: string;
  close(): Promise<void>;
}

export interface StartOptions {
  /** A controllable clock for tests (defaults to the system clock). */
  clock?: Clock;
}

export async function startSystem(
  config: SystemConfig,
  logger: Logger,
  options: StartOptions = {},
): Promise<RunningSystem> {
  const redis = config.identity.redisUrl
    ? new Redis(config.identity.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 })
    : undefined;
  const [identity, account, benefits] = await Promise.all([
    buildIdentityApp(config.identity, logger.child({ app: 'identity' }), redis, { clock: options.clock }),
    buildAccountApp(config.account, logger.child({ app: 'account' }), redis),
    buildBenefitsApp(config.benefits, logger.child({ app: 'benefits' }), redis),
  ]);
  const close = async () => {
    await Promise.allSettled([identity.close(), account.close(), benefits.close()]);
    redis?.disconnect();
  };
  try {
    await seedIdentity(identity, {
      agencies: systemAgencyRegistrations(config, benefits.publicJwk),
      demoPeople: config.identity.mode !== 'production',
    });
    await seedAccount(account, { demoTaxpayers: config.account.mode !== 'production' });
    await listenOrExplain(identity.server, config.identity.host, config.identity.port, 'IDP_PORT');
    await listenOrExplain(account.server, config.account.host, config.account.port, 'ACCOUNT_PORT');
    await listenOrExplain(benefits.server, config.benefits.host, config.benefits.port, 'BENEFITS_PORT');
    if (config.account.payments.worker) await account.paymentWorker.start();
  } catch (error) {
    await close();
    throw error;
  }
  return {
    identity,
    account,
    benefits,
    identityUrl: config.identity.issuer,
    accountUrl: config.account.baseUrl,
    benefitsUrl: config.benefits.baseUrl,
    close,
  };
}
