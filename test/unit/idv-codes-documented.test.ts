// Every reason code the identity-verification engine can give is in the operators' documentation,
// with its severity, so the catalogue in docs/identity-verification-engine.md cannot fall behind.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FAILURE_CODES } from '../../apps/identity/src/verification/engine/idv-checks.ts';

it('documents every engine reason code with its severity', () => {
  const doc = readFileSync(new URL('../../docs/identity-verification-engine.md', import.meta.url), 'utf8');
  for (const [code, { severity }] of Object.entries(FAILURE_CODES)) {
    assert.match(
      doc,
      new RegExp(`\\| \`${code}\`\\s+\\| ${severity}\\s+\\|`),
      `${code} (${severity}) is not in the docs`,
    );
  }
});
