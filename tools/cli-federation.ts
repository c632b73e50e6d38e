// Federation commands of `npm run cli`:
//   agency add --file agency.json   register (or update) an agency from a JSON file
//   agency list                     list the registered agencies
//   agency remove <client_id>       remove an agency (its people's consents stay until they expire)
//   keys list                       list the signing keys and their state
//   keys rotate                     new signing keys; the old ones stay published until what
//                                   they signed has expired
//   events list <client_id>         the Security Event Tokens queued for an agency, newest first
//   events retry <client_id>        put an agency's failed deliveries back in the queue
import { readFileSync } from 'node:fs';
import type { IdentityApp } from '../apps/identity/src/main.ts';
import {
  AgencyRegistrationError,
  parseAgencyFile,
} from '../apps/identity/src/federation/agency-registration.ts';
import { RETIRED_KEY_PUBLISH_SECONDS } from '../apps/identity/src/federation/signing-key-rotation.ts';

export const FEDERATION_USAGE = `  agency add --file <agency.json>
            Register an agency (relying party), or update it, from a JSON file (README: Federation).
  agency list
            List the registered agencies.
  agency remove <client_id>
            Remove an agency.
  keys list
            List the identity provider's signing keys.
  keys rotate
            Create new signing keys. The old ones stay published for ${RETIRED_KEY_PUBLISH_SECONDS / 60} minutes,
            longer than any token they signed lives. Restart the identity provider to sign with the new keys.
  events list <client_id>
            The Security Event Tokens queued for an agency (newest 50): status, attempts, last error.
  events retry <client_id>
            Put an agency's failed Security Event Token deliveries back in the queue.
`;

export class UsageError extends Error {}

type Out = (line: string) => void;

function fileArgument(args: readonly string[]): string {
  const index = args.indexOf('--file');
  const path = index >= 0 ? args[index + 1] : undefined;
  if (!path) throw new UsageError('agency add needs --file <agency.json>');
  return path;
}

/** Whether `args` is a federation command (so the identity provider must be opened). */
export function isFederationCommand(args: readonly string[]): boolean {
  return args[0] === 'agency' || args[0] === 'keys' || args[0] === 'events';
}

/** Reads and checks the registration file before anything is opened, so mistakes are quick. */
export function readAgencyFile(args: readonly string[]) {
  const path = fileArgument(args);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AgencyRegistrationError([
      `(file): cannot read ${path} (${(error as NodeJS.ErrnoException).code})`,
    ]);
  }
  return parseAgencyFile(text);
}

export async function runFederationCommand(
  app: IdentityApp,
  args: readonly string[],
  out: Out,
  now: Date,
): Promise<void> {
  const [group, action, ...rest] = args;
  if (group === 'agency' && action === 'add') {
    const agency = readAgencyFile(rest);
    await app.agencies.upsert(agency);
    out(
      `Registered agency "${agency.client_id}" (${agency.name}): ${agency.token_endpoint_auth_method}, ial ${agency.ial}, aal ${agency.aal}${agency.phishing_resistant ? ' phishing-resistant' : ''}, scopes ${agency.scopes.join(' ')}.`,
    );
    return;
  }
  if (group === 'agency' && action === 'list') {
    const agencies = await app.agencies.all();
    if (agencies.length === 0) out('No agencies are registered.');
    for (const agency of agencies) {
      out(
        `${agency.client_id}\t${agency.name}\t${agency.token_endpoint_auth_method}\tial ${agency.ial}\t${agency.scopes.join(' ')}`,
      );
    }
    return;
  }
  if (group === 'agency' && action === 'remove') {
    const clientId = rest[0];
    if (!clientId) throw new UsageError('agency remove needs the client_id');
    out((await app.agencies.remove(clientId)) ? `Removed agency "${clientId}".` : `No agency "${clientId}".`);
    return;
  }
  if (group === 'keys' && action === 'list') {
    for (const key of await app.secrets.listSigningKeys()) {
      const state = !key.retiredAt
        ? 'active'
        : key.publishedUntil && key.publishedUntil > now
          ? `retired, published until ${key.publishedUntil.toISOString()}`
          : 'retired, no longer published';
      out(`${key.kid}\t${key.alg}\tcreated ${key.createdAt.toISOString()}\t${state}`);
    }
    return;
  }
  if (group === 'keys' && action === 'rotate') {
    const { created, retired } = await app.secrets.rotateSigningKeys(now, RETIRED_KEY_PUBLISH_SECONDS);
    out(`New signing keys: ${created.join(', ')}.`);
    out(
      retired.length > 0
        ? `Retired (still published for ${RETIRED_KEY_PUBLISH_SECONDS / 60} minutes): ${retired.join(', ')}.`
        : 'There were no active keys to retire.',
    );
    out('Restart every identity provider instance to sign with the new keys.');
    return;
  }
  if (group === 'events' && (action === 'list' || action === 'retry')) {
    const clientId = rest[0];
    if (!clientId) throw new UsageError(`events ${action} needs the client_id`);
    const deliveries = app.securityEventDeliveries;
    if (action === 'retry') {
      const count = await deliveries.retryFailed(clientId, now);
      out(`Queued again: ${count} failed deliver${count === 1 ? 'y' : 'ies'} to "${clientId}".`);
      return;
    }
    const rows = await deliveries.listForAgency(clientId, 50);
    if (rows.length === 0) out(`No Security Event Tokens for "${clientId}".`);
    for (const row of rows) {
      const when = (row.deliveredAt ?? row.failedAt ?? row.nextAttemptAt).toISOString();
      const error = row.lastError ? `\t${row.lastError}` : '';
      out(`${row.id}\t${row.eventType}\t${row.status}\t${row.attempts} attempt(s)\t${when}${error}`);
    }
    return;
  }
  throw new UsageError(`unknown command: ${args.join(' ')}`);
}
