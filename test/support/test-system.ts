// Starts the whole system for a test: both apps on free ports, embedded databases in a
// temporary folder, test mode (development outbox on, quiet logs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '#platform/config/config-error.ts';
import { createLogger } from '#platform/log/logger.ts';
import type { Clock } from '#platform/time/clock.ts';
import { readSystemConfig, type SystemConfig } from '../../src/system/system-config.ts';
import { startSystem, type RunningSystem } from '../../src/system/start-system.ts';
import { freePort } from './free-port.ts';

export interface TestSystem extends RunningSystem {
  config: SystemConfig;
  stop(): Promise<void>;
}

export interface TestSystemOptions {
  env?: Record<string, string>;
  /** Receives every log line (JSON) instead of stdout, e.g. to assert that no PII is logged. */
  logLines?: string[];
  /** A controllable clock for the identity provider. */
  clock?: Clock;
}

const PORT_SETTINGS = new Set(['IDP_PORT', 'ACCOUNT_PORT', 'BENEFITS_PORT']);

export async function startTestSystem(options: TestSystemOptions = {}): Promise<TestSystem> {
  // Another test process can take a port between the check and the listen; try other ports.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      const clash = error instanceof ConfigError && PORT_SETTINGS.has(error.setting);
      if (!clash || attempt === 3) throw error;
    }
  }
}

async function startOnce(options: TestSystemOptions): Promise<TestSystem> {
  const extraEnv = options.env ?? {};
  const dataDir = mkdtempSync(join(tmpdir(), 'tia-test-'));
  const idpPort = await freePort();
  const accountPort = await freePort([idpPort]);
  const benefitsPort = await freePort([idpPort, accountPort]);
  const config = readSystemConfig({
    APP_ENV: 'test',
    DATA_DIR: dataDir,
    IDP_PORT: String(idpPort),
    ACCOUNT_PORT: String(accountPort),
    BENEFITS_PORT: String(benefitsPort),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ...extraEnv,
  });
  const sink = options.logLines;
  const destination = sink ? { write: (line: string) => void sink.push(line) } : undefined;
  let system: RunningSystem;
  try {
    system = await startSystem(
      config,
      createLogger({ name: 'test', level: config.identity.logLevel, destination }),
      { clock: options.clock },
    );
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...system,
    config,
    async stop() {
      await system.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
