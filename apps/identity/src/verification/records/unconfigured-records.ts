// The records port when no source is configured (production without a vendor): every check is
// unavailable, so the person sees code 6007 ("the records source is unavailable") with every
// alternative, and is never told they failed. A real source plugs in behind AuthoritativeRecords.
import type { AuthoritativeRecords } from './records-port.ts';

export function unconfiguredRecords(): AuthoritativeRecords {
  const unavailable = { outcome: 'unavailable', reason: 'vendor_error' } as const;
  return {
    resolveIdentity: async () => unavailable,
    phoneOwnership: async () => unavailable,
  };
}
