// `npm run cli -- <command>`: operational commands.
//   migrate            apply pending migrations to both apps' databases
//   seed               register the agencies with the identity provider and add the demo people
//   agency …, keys …   see tools/cli-federation.ts
import { createLogger } from '#platform/log/logger.ts';
import { ConfigError } from '#platform/config/config-error.ts';
import { openMigratedDatabase } from '#platform/db/open-database.ts';
import { readSystemConfig } from '../src/system/system-config.ts';
import { IDENTITY_MIGRATIONS } from '../apps/identity/src/db/migrations-folder.ts';
import { ACCOUNT_MIGRATIONS } from '../apps/account/src/db/migrations-folder.ts';
import { systemAgencyRegistrations } from '../src/system/agency-registrations.ts';
import { AgencyRegistrationError } from '../apps/identity/src/federation/agency-registration.ts';
import {
  FEDERATION_USAGE,
  isFederationCommand,
  readAgencyFile,
  runFederationCommand,
  UsageError,
} from './cli-federation.ts';
import { loadOrCreateClientKey } from '../apps/benefits/src/oidc/client-key.ts';
import { MONEY_USAGE, runMoneyCommandOnStdio } from './cli-money.ts';
import { IDV_USAGE, isIdvCommand } from './cli-idv-usage.ts';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate   Apply pending database migrations for the identity provider and the tax account.
  seed      Register the agencies (the tax account and the demo benefits agency) with the identity provider
            and add the demo people and their tax records (not in production).
${FEDERATION_USAGE}${MONEY_USAGE}${IDV_USAGE}`;

// The apps (and oidc-provider) load only for the commands that open them: `money` stays quick.
const loadIdentityApp = async () => (await import('../apps/identity/src/main.ts')).buildIdentityApp;

async function run(args: readonly string[]): Promise<number> {
  const command = args[0];
  if (command === 'money') return runMoneyCommandOnStdio(); // pure: no configuration or database
  if (isIdvCommand(command)) {
    // No database either; the engine's modules load only for these commands.
    const { runIdvCommand } = await import('./cli-idv.ts');
    return runIdvCommand(args, {
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
    });
  }
  const config = readSystemConfig(process.env);
  if (isFederationCommand(args)) {
    // A bad registration file is reported before anything is opened.
    if (args[0] === 'agency' && args[1] === 'add') readAgencyFile(args.slice(2));
    const identity = await (
      await loadIdentityApp()
    )(config.identity, createLogger({ name: 'cli', level: 'warn' }));
    try {
      await runFederationCommand(identity, args, (line) => console.log(line), new Date());
    } finally {
      await identity.close();
    }
    return 0;
  }
  if (command === 'migrate') {
    for (const [name, settings, folder, table] of [
      ['identity provider', config.identity.database, IDENTITY_MIGRATIONS, 'identity_schema_migrations'],
      ['tax account', config.account.database, ACCOUNT_MIGRATIONS, 'account_schema_migrations'],
    ] as const) {
      const { db, applied } = await openMigratedDatabase(settings, folder, table);
      await db.close();
      const what = applied.length === 0 ? 'up to date' : `applied ${applied.join(', ')}`;
      console.log(`${name}: ${what} (${db.kind})`);
    }
    return 0;
  }
  if (command === 'seed') {
    const logger = createLogger({ name: 'cli', level: 'warn' });
    const identity = await (await loadIdentityApp())(config.identity, logger);
    try {
      const { seedIdentity } = await import('../apps/identity/src/seed/seed-identity.ts');
      const result = await seedIdentity(identity, {
        agencies: systemAgencyRegistrations(
          config,
          loadOrCreateClientKey(config.benefits.clientKeyFile).publicJwk,
        ),
        demoPeople: config.identity.mode !== 'production',
      });
      console.log(
        `Registered agencies "${config.account.oidc.clientId}" and "${config.benefits.oidc.clientId}"; demo people created: ${result.peopleCreated}.`,
      );
    } finally {
      await identity.close();
    }
    const { buildAccountApp } = await import('../apps/account/src/main.ts');
    const { seedAccount } = await import('../apps/account/src/seed/seed-account.ts');
    const account = await buildAccountApp(config.account, logger);
    try {
      const { taxpayersCreated } = await seedAccount(account, {
        demoTaxpayers: config.account.mode !== 'production',
      });
      console.log(`Tax account: demo taxpayers created: ${taxpayersCreated}.`);
    } finally {
      await account.close();
    }
    return 0;
  }
  process.stderr.write(USAGE);
  return command === undefined || command === 'help' ? 0 : 2;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof ConfigError || error instanceof AgencyRegistrationError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } else if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
