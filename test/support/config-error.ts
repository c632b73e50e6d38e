// Asserts that reading settings stops with a ConfigError naming `setting`, in its field and message.
import assert from 'node:assert/strict';
import { ConfigError } from '#platform/config/config-error.ts';

export function assertConfigError(read: () => unknown, setting: string): void {
  assert.throws(read, (error: unknown) => {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    assert.equal(error.setting, setting);
    assert.equal(error.name, 'ConfigError');
    assert.ok(error.message.includes(setting), `message does not name ${setting}: ${error.message}`);
    return true;
  });
}
