// The authoritative-records port's development adapter and the timeout wrapper: demo people verify
// with their own details however they are spelled and fail on each wrong field; every magic input
// in DEV_MAGIC_INPUTS gives its documented outcome; withTimeout turns a silent, slow or throwing
// source into "unavailable" and leaves no timer behind.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEMO_PEOPLE } from '../../apps/identity/src/seed/demo-people.ts';
import {
  DEV_MAGIC_INPUTS,
  createDevRecords,
  normaliseName,
} from '../../apps/identity/src/verification/records/dev-records-adapter.ts';
import {
  withTimeout,
  type AuthoritativeRecords,
  type PhoneInput,
  type ResolutionInput,
} from '../../apps/identity/src/verification/records/records-port.ts';

const instant = { wait: async (): Promise<void> => {} };
const records = createDevRecords(instant);

const SYNTHETIC: ResolutionInput = {
  givenName: 'Pat',
  familyName: 'Tester',
  dateOfBirth: '1980-02-29',
  tin: '900123456',
  tinType: 'ssn',
  address: { street: '1 Test Rd', city: 'Testville', state: 'KS', postalCode: '66101' },
};

function demoInput(index: number): ResolutionInput {
  const person = DEMO_PEOPLE[index];
  assert.ok(person);
  const { street_address, locality, region, postal_code } = person.verified.address;
  return {
    givenName: person.givenName,
    familyName: person.familyName,
    dateOfBirth: person.verified.birthdate,
    tin: person.verified.tin,
    tinType: person.verified.tinType,
    address: { street: street_address, city: locality, state: region, postalCode: postal_code },
  };
}

function demoPhone(index: number): PhoneInput {
  const person = DEMO_PEOPLE[index];
  assert.ok(person);
  return {
    givenName: person.givenName,
    familyName: person.familyName,
    tin: person.verified.tin,
    phone: person.verified.phone,
  };
}

describe('dev records: demo people', () => {
  it('verifies every demo person with their own details', async () => {
    for (let i = 0; i < DEMO_PEOPLE.length; i++) {
      assert.deepEqual(await records.resolveIdentity(demoInput(i)), { outcome: 'verified' }, `person ${i}`);
    }
  });

  it('ignores case, accents and USPS spellings', async () => {
    const maria = demoInput(0);
    const result = await records.resolveIdentity({
      ...maria,
      givenName: 'MARÍA',
      familyName: ' garcía ',
      address: {
        street: '1200 maple avenue',
        street2: 'Apartment 4B',
        city: 'SPRINGFIELD',
        state: 'Illinois',
        postalCode: '62704-0001',
      },
    });
    assert.deepEqual(result, { outcome: 'verified' });
  });

  const wrong: [string, (input: ResolutionInput) => ResolutionInput, string[]][] = [
    ['given name', (i) => ({ ...i, givenName: 'Mario' }), ['name']],
    ['family name', (i) => ({ ...i, familyName: 'Garza' }), ['name']],
    ['date of birth', (i) => ({ ...i, dateOfBirth: '1984-03-18' }), ['date_of_birth']],
    ['address', (i) => ({ ...i, address: { ...i.address, street: '1200 Maple Ave Apt 4C' } }), ['address']],
    [
      'name, date and address',
      (i) => ({
        ...i,
        givenName: 'X',
        dateOfBirth: '1999-01-01',
        address: { ...i.address, postalCode: '60601' },
      }),
      ['name', 'date_of_birth', 'address'],
    ],
    ['unknown number', (i) => ({ ...i, tin: '400123457' }), ['tin']],
    ['number of another type', (i) => ({ ...i, tinType: 'itin' }), ['tin']],
  ];
  for (const [name, change, mismatches] of wrong) {
    it(`does not verify a wrong ${name}`, async () => {
      assert.deepEqual(await records.resolveIdentity(change(demoInput(0))), {
        outcome: 'not_verified',
        mismatches,
      });
    });
  }

  it("finds Olivia's old address on her returns is not her address of record", async () => {
    const olivia = demoInput(DEMO_PEOPLE.findIndex((p) => p.givenName === 'Olivia'));
    const result = await records.resolveIdentity({
      ...olivia,
      address: { street: '410 Elm St Apt 2', city: 'Milwaukee', state: 'WI', postalCode: '53202' },
    });
    assert.deepEqual(result, { outcome: 'not_verified', mismatches: ['address'] });
  });

  it('confirms a demo person owns their own phone only', async () => {
    assert.deepEqual(await records.phoneOwnership(demoPhone(0)), { outcome: 'verified' });
    assert.deepEqual(await records.phoneOwnership({ ...demoPhone(0), givenName: 'maría' }), {
      outcome: 'verified',
    });
    const someoneElses = demoPhone(1).phone;
    assert.deepEqual(await records.phoneOwnership({ ...demoPhone(0), phone: someoneElses }), {
      outcome: 'not_owner',
    });
    assert.deepEqual(await records.phoneOwnership({ ...demoPhone(0), familyName: 'Smith' }), {
      outcome: 'not_owner',
    });
    assert.deepEqual(await records.phoneOwnership({ ...demoPhone(0), tin: '400123457' }), {
      outcome: 'not_owner',
    });
    assert.deepEqual(await records.phoneOwnership({ ...demoPhone(0), phone: '+12025550100' }), {
      outcome: 'not_owner',
    });
  });
});

/** A value that triggers a magic entry: the entry's value with each pattern `x` as a digit. */
function exampleOf(value: string): string {
  return value.replace(/x/g, '7');
}

describe('dev records: magic inputs', () => {
  it('a test SSN alone resolves as a synthetic person matching whatever is given', async () => {
    assert.deepEqual(await records.resolveIdentity(SYNTHETIC), { outcome: 'verified' });
    assert.deepEqual(await records.resolveIdentity({ ...SYNTHETIC, tin: '666000000', givenName: 'Anyone' }), {
      outcome: 'verified',
    });
    assert.deepEqual(await records.resolveIdentity({ ...SYNTHETIC, tinType: 'itin' }), {
      outcome: 'not_verified',
      mismatches: ['tin'],
    });
  });

  for (const entry of DEV_MAGIC_INPUTS) {
    it(`${entry.field} ${entry.match} ${entry.value} → ${JSON.stringify(entry.effect)}`, async () => {
      const example = exampleOf(entry.value);
      if (entry.capability !== 'phone') {
        const input: ResolutionInput =
          entry.field === 'street'
            ? { ...SYNTHETIC, address: { ...SYNTHETIC.address, street: `12 ${example.toLowerCase()} lane` } }
            : { ...SYNTHETIC, [entry.field]: example };
        const result = await records.resolveIdentity(input);
        const expected = {
          vendor_error: { outcome: 'unavailable', reason: 'vendor_error' },
          no_answer: { outcome: 'unavailable', reason: 'timeout' },
          synthetic_person: { outcome: 'verified' },
          mismatch: {
            outcome: 'not_verified',
            mismatches: [entry.effect.kind === 'mismatch' ? entry.effect.mismatch : ''],
          },
          phone: undefined,
        }[entry.effect.kind];
        assert.deepEqual(result, expected);
      }
      if (entry.capability !== 'identity') {
        const input: PhoneInput = {
          givenName: 'Pat',
          familyName: 'Tester',
          tin: '900123456',
          phone: '+15550100001',
        };
        const result = await records.phoneOwnership({ ...input, [entry.field]: example });
        const expected =
          entry.effect.kind === 'vendor_error'
            ? { outcome: 'unavailable', reason: 'vendor_error' }
            : entry.effect.kind === 'no_answer'
              ? { outcome: 'unavailable', reason: 'timeout' }
              : entry.effect.kind === 'phone'
                ? { outcome: entry.effect.outcome }
                : undefined;
        assert.deepEqual(result, expected);
      }
    });
  }

  it('test-SSN mismatches add up and do not apply to demo people', async () => {
    const all = await records.resolveIdentity({
      ...SYNTHETIC,
      givenName: 'deceased',
      familyName: 'MISMATCH',
      dateOfBirth: '1900-01-01',
      address: { ...SYNTHETIC.address, street: '1 Nowhere Rd' },
    });
    assert.deepEqual(all, {
      outcome: 'not_verified',
      mismatches: ['name', 'date_of_birth', 'address', 'deceased'],
    });
    // Maria typed as "Deceased": her record decides (a name mismatch), not the magic.
    assert.deepEqual(await records.resolveIdentity({ ...demoInput(0), givenName: 'Deceased' }), {
      outcome: 'not_verified',
      mismatches: ['name'],
    });
  });

  it('Fail and Time apply to any number, including a demo person', async () => {
    assert.deepEqual(await records.resolveIdentity({ ...demoInput(0), givenName: 'fail' }), {
      outcome: 'unavailable',
      reason: 'vendor_error',
    });
    assert.deepEqual(await records.resolveIdentity({ ...demoInput(0), givenName: 'TIME' }), {
      outcome: 'unavailable',
      reason: 'timeout',
    });
  });

  it('test phones need the full length', async () => {
    const input: PhoneInput = {
      givenName: 'Pat',
      familyName: 'Tester',
      tin: '900123456',
      phone: '+155501000011',
    };
    assert.deepEqual(await records.phoneOwnership(input), { outcome: 'not_owner' });
    assert.deepEqual(await records.phoneOwnership({ ...input, phone: '+1555010001' }), {
      outcome: 'not_owner',
    });
  });

  it('the docs list every magic input', () => {
    const doc = readFileSync(new URL('../../docs/identity-verification-records.md', import.meta.url), 'utf8');
    for (const entry of DEV_MAGIC_INPUTS) {
      assert.match(
        doc,
        new RegExp(`\\| \`${entry.value.replace(/[+]/g, '\\+')}\``),
        `${entry.value} is not in the docs`,
      );
    }
  });

  it('normalises names for comparison', () => {
    assert.equal(normaliseName("  José  O'Brien-Núñez "), 'JOSE OBRIEN NUNEZ');
  });
});

function activeTimers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
}

describe('withTimeout', () => {
  const slowAnswer = (ms: number, seen: AbortSignal[]): AuthoritativeRecords => ({
    resolveIdentity: (_input, options) => {
      if (options?.signal) seen.push(options.signal);
      return new Promise((resolve) => setTimeout(() => resolve({ outcome: 'verified' }), ms).unref());
    },
    phoneOwnership: async () => ({ outcome: 'verified' }),
  });

  it('turns a source that never answers into unavailable/timeout, quickly', async () => {
    const bounded = withTimeout(createDevRecords(), 30);
    const started = performance.now();
    const before = activeTimers();
    assert.deepEqual(await bounded.resolveIdentity({ ...SYNTHETIC, givenName: 'Time' }), {
      outcome: 'unavailable',
      reason: 'timeout',
    });
    assert.deepEqual(
      await bounded.phoneOwnership({ givenName: 'Time', familyName: 'X', tin: '1', phone: '+1' }),
      {
        outcome: 'unavailable',
        reason: 'timeout',
      },
    );
    assert.ok(performance.now() - started < 1000);
    assert.equal(activeTimers(), before, 'a timer was left behind');
  });

  it('aborts the slow call it gave up on', async () => {
    const seen: AbortSignal[] = [];
    const bounded = withTimeout(slowAnswer(5_000, seen), 20);
    assert.deepEqual(await bounded.resolveIdentity(SYNTHETIC), { outcome: 'unavailable', reason: 'timeout' });
    assert.equal(seen.length, 1);
    assert.equal(seen[0]?.aborted, true);
  });

  it('passes a prompt answer through and clears its timer', async () => {
    const before = activeTimers();
    const bounded = withTimeout(createDevRecords(), 10_000);
    assert.deepEqual(await bounded.resolveIdentity(SYNTHETIC), { outcome: 'verified' });
    assert.deepEqual(await bounded.resolveIdentity({ ...SYNTHETIC, givenName: 'Fail' }), {
      outcome: 'unavailable',
      reason: 'vendor_error',
    });
    assert.equal(activeTimers(), before);
  });

  it('turns a thrown error (sync or async) into unavailable/vendor_error', async () => {
    const throwing: AuthoritativeRecords = {
      resolveIdentity: async () => {
        throw new Error('connection reset');
      },
      phoneOwnership: () => {
        throw new Error('synchronous');
      },
    };
    const bounded = withTimeout(throwing, 1_000);
    assert.deepEqual(await bounded.resolveIdentity(SYNTHETIC), {
      outcome: 'unavailable',
      reason: 'vendor_error',
    });
    assert.deepEqual(await bounded.phoneOwnership(demoPhone(0)), {
      outcome: 'unavailable',
      reason: 'vendor_error',
    });
  });

  it("stops at the caller's abort", async () => {
    const controller = new AbortController();
    const bounded = withTimeout(createDevRecords(), 60_000);
    const pending = bounded.resolveIdentity(
      { ...SYNTHETIC, givenName: 'Time' },
      { signal: controller.signal },
    );
    controller.abort();
    assert.deepEqual(await pending, { outcome: 'unavailable', reason: 'timeout' });
    const already = withTimeout(createDevRecords(), 60_000);
    assert.deepEqual(await already.resolveIdentity(SYNTHETIC, { signal: AbortSignal.abort() }), {
      outcome: 'unavailable',
      reason: 'timeout',
    });
  });

  it('simulated latency is honoured and abortable', async () => {
    const slow = createDevRecords({ latencyMs: 5_000 });
    const started = performance.now();
    assert.deepEqual(await withTimeout(slow, 20).resolveIdentity(SYNTHETIC), {
      outcome: 'unavailable',
      reason: 'timeout',
    });
    assert.ok(performance.now() - started < 1000);
    assert.deepEqual(
      await withTimeout(createDevRecords({ latencyMs: 5 }), 1_000).resolveIdentity(SYNTHETIC),
      {
        outcome: 'verified',
      },
    );
  });
});
