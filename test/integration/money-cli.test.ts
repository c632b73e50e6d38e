// `npm run --silent cli -- money < scenario.json` as a child process: the balance as JSON on
// standard output and exit 0, or `Invalid scenario: <field>: <problem>` on standard error and
// exit 1. (On Node 20 standard error also carries oidc-provider's "Unsupported runtime" warning,
// printed when tools/cli.ts loads; the README notes it. So the tests look for their line.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], input: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const cli = (input: string) => run(process.execPath, ['--import', 'tsx', 'tools/cli.ts', 'money'], input);

const scenario = {
  dueDate: '2024-04-15',
  filedDate: '2024-06-20',
  tax: '2000.00',
  payments: [{ date: '2024-07-26', amount: '1000.00' }],
  noticeDate: '2024-07-01',
  asOf: '2024-08-15',
};
// The worked example of test/unit/money-balance.test.ts.
const expected = {
  tax: '1000.00',
  failureToFile: '485.00',
  failureToPay: '40.00',
  interest: '63.14',
  balanceDue: '1588.14',
  credit: '0.00',
};

describe('money command', { timeout: 120_000, concurrency: true }, () => {
  it('npm run --silent cli -- money prints the balance as JSON', async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = await run(npm, ['run', '--silent', 'cli', '--', 'money'], JSON.stringify(scenario));
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), expected);
  });

  it('accepts optional fields as null and an installment agreement without an end', async () => {
    const result = await cli(
      JSON.stringify({
        ...scenario,
        levyNoticeDate: null,
        installmentAgreement: { from: '2024-09-01', to: null },
      }),
    );
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), expected);
  });

  const malformed: [name: string, input: string, line: string][] = [
    ['not JSON', '{"dueDate": ', 'Invalid scenario: scenario: not valid JSON'],
    ['not an object', '[1, 2]', 'Invalid scenario: scenario: must be a JSON object'],
    [
      'a bad amount',
      JSON.stringify({ ...scenario, tax: '2,000' }),
      'Invalid scenario: tax: not a dollar amount like "1234.56": "2,000"',
    ],
    [
      'a bad payment date',
      JSON.stringify({ ...scenario, payments: [{ date: '2024-02-30', amount: '1.00' }] }),
      'Invalid scenario: payments[0].date: not a date (YYYY-MM-DD): "2024-02-30"',
    ],
    ['a missing field', JSON.stringify({ ...scenario, asOf: undefined }), 'Invalid scenario: asOf: missing'],
    [
      'an unknown field',
      JSON.stringify({ ...scenario, asof: '2024-08-15' }),
      'Invalid scenario: asof: unknown field',
    ],
  ];
  for (const [name, input, line] of malformed) {
    it(`refuses ${name}: exit 1, "${line}…" on standard error, nothing on standard output`, async () => {
      const result = await cli(input);
      assert.equal(result.code, 1);
      assert.equal(result.stdout, '');
      assert.ok(
        result.stderr.split('\n').some((l) => l.startsWith(line)),
        `expected a line starting ${JSON.stringify(line)} in:\n${result.stderr}`,
      );
    });
  }
});
