// Starts the identity provider and the tax account in one process (embedded mode),
// migrates, seeds, and listens. Used by `npm start`, the end-to-end tests and benchmarks.
import { Redis } from 'ioredis';
import type { Logger } from '#platform/log/logger.ts';
import type { Clock } from '#platform/time/clock.ts';
import { buildIdentityApp, type IdentityApp } from '../../apps/identity/src/main.ts';
import { buildAccountApp, type AccountApp } from '../../apps/account/src/main.ts';
import { systemAgencyRegistrations } from './agency-registrations.ts';
import { seedIdentity } from '../../apps/identity/src/seed/seed-identity.ts';
import type { SystemConfig } from './system-config.ts';
import { listenOrExplain } from './listen.ts';

export interface RunningSystem {
  identity: IdentityApp;
  account: AccountApp;
  identityUrl: string;
  accountUrl: string;
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
  const [identity, account] = await Promise.all([
    buildIdentityApp(config.identity, logger.child({ app: 'identity' }), redis, { clock: options.clock }),
    buildAccountApp(config.account, logger.child({ app: 'account' }), redis),
  ]);
  const close = async () => {
    await Promise.allSettled([identity.close(), account.close()]);
    redis?.disconnect();
  };
  try {
    await seedIdentity(identity, {
        agencies: systemAgencyRegistrations(config),
        demoPeople: config.identity.mode !== 'production',
      });
    await listenOrExplain(identity.server, config.identity.host, config.identity.port, 'IDP_PORT');
    await listenOrExplain(account.server, config.account.host, config.account.port, 'ACCOUNT_PORT');
  } catch (error) {
    await close();
    throw error;
  }
  return {
    identity,
    account,
    identityUrl: config.identity.issuer,
    accountUrl: config.account.baseUrl,
    close,
  };
}
