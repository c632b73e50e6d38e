// `npm start`: every app (identity provider, tax account, demo benefits agency) in one process with embedded databases unless PostgreSQL is
// configured; seeds the demo data and prints where to go and how to sign in.
import { createLogger } from '#platform/log/logger.ts';
import { ConfigError } from '#platform/config/config-error.ts';
import { readSystemConfig } from '../src/system/system-config.ts';
import { startSystem } from '../src/system/start-system.ts';
import { DEMO_PEOPLE } from '../apps/identity/src/seed/demo-people.ts';
import { DEMO_TAXPAYERS } from '../apps/account/src/seed/demo-taxpayers.ts';
import { demoSpecimensDir, writeDemoSpecimens } from '../apps/identity/src/seed/demo-specimens.ts';

const started = performance.now();
try {
  const config = readSystemConfig(process.env);
  const logger = createLogger({ name: 'system', level: config.identity.logLevel });
  const system = await startSystem(config, logger);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const database = config.identity.database.url ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}/`;
  const maria = `${demoSpecimensDir(config.dataDir)}/maria-garcia/drivers-license-maria-garcia`;
  const lines = [
    '',
    `Ready in ${seconds} s (${config.identity.mode} mode, ${database}).`,
    '',
    `  Taxpayer online account:  ${system.accountUrl}`,
    `  Identity provider:        ${system.identityUrl}`,
    `  Benefits agency (demo):   ${system.benefitsUrl}   (a second agency; same sign-in)`,
    ...(config.identity.devTools && !config.identity.smtp
      ? [
          `  Development outbox:       ${system.identityUrl}/dev/outbox   (emails and text messages land here)`,
        ]
      : []),
    ...(config.account.devTools && !config.account.smtp
      ? [
          `  Tax account's emails:     ${system.accountUrl}/dev/outbox   (payment receipts, plan notices)`,
          `  Test cards and accounts:  ${system.accountUrl}/dev/payments (development card processor and bank)`,
        ]
      : []),
    '',
    ...(config.identity.mode === 'production'
      ? []
      : [
          'Demo sign-ins (open the online account and choose "Sign in"):',
          `  ${'Email'.padEnd(28)} ${'Password'.padEnd(25)} What the tax account shows`,
          ...DEMO_PEOPLE.map((p) => {
            // The tax account's record of the same person (same SSN or ITIN) says what it shows.
            const scenario = DEMO_TAXPAYERS.find((t) => t.tin === p.verified.tin)?.scenario ?? '';
            return `  ${p.email.padEnd(28)} ${p.password.padEnd(25)} ${scenario}`.trimEnd();
          }),
          '  Second step: a one-time code sent by email; read it in the development outbox.',
          '',
          `Specimen ID documents for the demo people (licence, state ID, passport, passport card, selfie):`,
          `  ${demoSpecimensDir(config.dataDir)}/<name>/   (written in the background on first start)`,
          `  Try: npm run --silent cli -- idv-analyze --front ${maria}-front.png --back ${maria}-back.png --selfie ${maria}-selfie.jpg`,
          '',
          'Identity verification: sign in to the tax account as grace.kim@example.com (not verified yet).',
          `  Upload ${demoSpecimensDir(config.dataDir)}/grace-kim/drivers-license-grace-kim-front.png and …-back.png, then …-selfie.jpg;`,
          '  her SSN is 508-22-6174 and her phone (303) 555-0163 (the code lands in the development outbox).',
          '',
        ]),
    'Or create your own account from the sign-in page. Press Ctrl+C to stop.',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  if (config.identity.mode !== 'production') {
    // In the background: the apps are already serving; this takes a few seconds on first start only.
    writeDemoSpecimens(config.dataDir, new Date()).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not write the demo specimen documents'),
    );
  }
  const stop = async () => {
    await system.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`\n${error.message}\n\n`);
    process.exit(1);
  }
  throw error;
}
