// Reads both apps' settings for a one-process start (npm start, tests, benchmarks).
import { loadLocalSecrets } from '#platform/crypto/local-secrets.ts';
import { readRuntimeMode } from '#platform/config/runtime-mode.ts';
import { readString, type Env } from '#platform/config/env-reader.ts';
import {
  IDENTITY_SECRET_NAMES,
  readIdentityConfig,
  type IdentityConfig,
} from '../../apps/identity/src/config.ts';
import {
  ACCOUNT_SECRET_NAMES,
  readAccountConfig,
  type AccountConfig,
} from '../../apps/account/src/config.ts';
import {
  BENEFITS_SECRET_NAMES,
  readBenefitsConfig,
  type BenefitsConfig,
} from '../../apps/benefits/src/config.ts';

export interface SystemConfig {
  dataDir: string;
  identity: IdentityConfig;
  account: AccountConfig;
  /** The State Benefits Agency (demo), a second relying party. */
  benefits: BenefitsConfig;
}

export function readSystemConfig(env: Env): SystemConfig {
  const dataDir = readString(env, 'DATA_DIR', './data');
  const mode = readRuntimeMode(env);
  const secrets =
    mode === 'production'
      ? undefined
      : loadLocalSecrets(`${dataDir}/local-secrets.json`, [
          ...IDENTITY_SECRET_NAMES,
          ...ACCOUNT_SECRET_NAMES,
          ...BENEFITS_SECRET_NAMES,
        ]);
  return {
    dataDir,
    identity: readIdentityConfig(env, dataDir, secrets),
    account: readAccountConfig(env, dataDir, secrets),
    benefits: readBenefitsConfig(env, dataDir, secrets),
  };
}
