// The identity-verification commands from outside, as an operator runs them (issue #5):
// `cli specimen` writes a demo person's documents and `cli idv-analyze` reads them back to a decision,
// with the fields as JSON; unreadable files and bad arguments exit non-zero with one clear line.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'tools/cli.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, APP_ENV: 'test' },
    timeout: 180_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface Truth {
  familyName: string;
  givenNames: string;
  dateOfBirth: string;
  expirationDate: string;
  documentNumber: string;
  address: { street: string; city: string; state: string; postalCode: string } | null;
}

describe('cli idv-analyze and specimen', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'idv-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("reads a demo person's generated driver's licence and selfie back to a pass, with the fields the truth file gives", () => {
    const made = cli('specimen', '--out', dir, '--type', 'drivers-license', '--person', 'Maria Garcia');
    assert.equal(made.status, 0, made.stderr);
    const files = made.stdout.trim().split('\n');
    const find = (suffix: string) => files.find((file) => file.endsWith(suffix))!;
    const truth = JSON.parse(readFileSync(find('-truth.json'), 'utf8')) as Truth;
    assert.equal(truth.dateOfBirth, '1984-03-17');

    const run = cli(
      'idv-analyze',
      '--type',
      'drivers-license',
      '--front',
      find('-front.png'),
      '--back',
      find('-back.png'),
      '--selfie',
      find('-selfie.jpg'),
    );
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as {
      analysis: string;
      decision: string;
      document: { fields: Truth & { givenNames: string } };
      checks: { name: string; status: string; code: string }[];
      face: { match: boolean; score: number; liveness: number };
    };
    assert.equal(result.analysis, 'completed');
    assert.equal(result.decision, 'pass', JSON.stringify(result.checks));
    const fields = result.document.fields;
    assert.equal(fields.familyName, truth.familyName);
    assert.equal(fields.dateOfBirth, truth.dateOfBirth);
    assert.equal(fields.expirationDate, truth.expirationDate);
    assert.equal(fields.documentNumber, truth.documentNumber);
    assert.deepEqual(
      { ...fields.address, postalCode: fields.address?.postalCode.slice(0, 5) },
      { ...truth.address, postalCode: truth.address?.postalCode.slice(0, 5) },
    );
    assert.equal(result.face.match, true);
    for (const check of result.checks) assert.ok(['pass', 'fail', 'unknown'].includes(check.status));
  });

  it('exits 2 with one clear line for a missing file, a file that is not an image, and a missing --back', () => {
    const missing = cli('idv-analyze', '--type', 'passport', '--front', join(dir, 'nope.jpg'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--front .*nope\.jpg: no such file/);

    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'this is not a photo');
    const notImage = cli('idv-analyze', '--type', 'passport', '--front', text);
    assert.equal(notImage.status, 2);
    assert.match(notImage.stderr, /--front .*notes\.txt: Use a JPEG, PNG or WebP photo\./);
    assert.equal(notImage.stdout, '');

    const noBack = cli('idv-analyze', '--type', 'state-id', '--front', text);
    assert.equal(noBack.status, 2);
    assert.match(noBack.stderr, /--back FILE is required for --type state-id/);

    const badType = cli('idv-analyze', '--type', 'library-card', '--front', text);
    assert.equal(badType.status, 2);
    assert.match(badType.stderr, /--type must be one of drivers-license, state-id, passport, passport-card/);

    const unknownPerson = cli('specimen', '--out', dir, '--person', 'Nobody Here');
    assert.equal(unknownPerson.status, 2);
    assert.match(unknownPerson.stderr, /not a demo person \(known: Maria Garcia/);
  });
});
