// Contract tests for the tax account's records repositories (taxpayers, tax records, links),
// on PGlite and on PostgreSQL: what goes in comes back exactly (dates as written, cents as
// whole numbers), PII is encrypted at rest, the SSN or ITIN is found only by its keyed
// fingerprint, and the demo seed is idempotent.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { randomBytes } from 'node:crypto';
import type { Database, Queryable } from '#platform/db/database.ts';
import { createFieldCipher, type FieldCipher } from '#platform/crypto/field-cipher.ts';
import { ACCOUNT_MIGRATIONS } from '../../apps/account/src/db/migrations-folder.ts';
import { createTaxpayersRepo } from '../../apps/account/src/db/taxpayers-repo.ts';
import { createTaxRecordsRepo } from '../../apps/account/src/db/tax-records-repo.ts';
import { createTaxpayerLinksRepo } from '../../apps/account/src/db/taxpayer-links-repo.ts';
import { createSessionsRepo } from '../../apps/account/src/db/sessions-repo.ts';
import { seedAccount } from '../../apps/account/src/seed/seed-account.ts';
import { DEMO_TAXPAYERS } from '../../apps/account/src/seed/demo-taxpayers.ts';
import type { TaxModule } from '../../apps/account/src/domain/records/tax-records.ts';
import { forEachBackend } from '../support/db/test-databases.ts';

const newCipher = (): FieldCipher => createFieldCipher(randomBytes(32), randomBytes(32));

/** A fresh, valid-shaped SSN for each call (area 1xx–5xx, never group 00 or serial 0000). */
let counter = 0;
const freshSsn = () => {
  counter += 1;
  const n = 100_000_000 + Math.floor(Math.random() * 400_000_000);
  return String(n - (n % 10_000) + ((counter % 9_000) + 1));
};

async function recordsSuite(t: TestContext, db: Database): Promise<void> {
  const cipher = newCipher();
  const taxpayers = createTaxpayersRepo(db, cipher);
  const records = createTaxRecordsRepo(db, cipher);
  const links = createTaxpayerLinksRepo(db, cipher);
  const address = {
    street_address: '12 Orchard Way Apt 3',
    locality: 'Albany',
    region: 'NY',
    postal_code: '12207',
  };

  await t.test('a taxpayer is stored encrypted and found by number only', async () => {
    const tin = freshSsn();
    const id = await taxpayers.create({
      tin,
      tinType: 'ssn',
      givenName: 'Zoë',
      familyName: "O'Hara-Smith",
      birthdate: '1970-02-03',
      addressOfRecord: address,
    });
    assert.deepEqual(await taxpayers.findByTin(tin), {
      id,
      tinType: 'ssn',
      givenName: 'Zoë',
      familyName: "O'Hara-Smith",
      nameControl: 'OHAR',
      birthdate: '1970-02-03',
      addressOfRecord: address,
    });
    assert.equal((await taxpayers.find(id))?.familyName, "O'Hara-Smith");
    assert.equal(await taxpayers.findByTin(freshSsn()), undefined);
    assert.equal(await taxpayers.find('not-a-uuid'), undefined);
    const [row] = await db.query<Record<string, unknown>>('SELECT * FROM taxpayers WHERE id = $1', [id]);
    const stored = JSON.stringify(row);
    for (const secret of [tin, 'Zoë', 'Hara', '1970-02-03', 'Orchard'])
      assert.ok(!stored.includes(secret), secret);
    await assert.rejects(
      taxpayers.create({
        tin,
        tinType: 'ssn',
        givenName: 'A',
        familyName: 'B',
        birthdate: '1970-01-01',
        addressOfRecord: address,
      }),
      'one taxpayer per number',
    );
  });

  await t.test(
    'a module, its transactions and returns, forms, notices and plan come back exactly',
    async () => {
      const id = await taxpayers.create({
        tin: freshSsn(),
        tinType: 'ssn',
        givenName: 'Pat',
        familyName: 'Filer',
        birthdate: '1980-01-01',
        addressOfRecord: address,
      });
      const module: Omit<TaxModule, 'id' | 'form'> = {
        taxYear: 2023,
        dueDate: '2024-04-15',
        filedDate: '2024-04-10',
        transactions: [
          {
            code: 806,
            actionCode: null,
            date: '2024-04-15',
            cycle: '20241705',
            amountCents: -400_000,
            relatedTaxYear: null,
          },
          {
            code: 150,
            actionCode: null,
            date: '2024-05-20',
            cycle: '20242205',
            amountCents: 1_234_567_890_12,
            relatedTaxYear: null,
          },
          {
            code: 971,
            actionCode: '063',
            date: '2024-07-01',
            cycle: '20242805',
            amountCents: 0,
            relatedTaxYear: null,
          },
          {
            code: 706,
            actionCode: null,
            date: '2025-03-31',
            cycle: '20251505',
            amountCents: -185_000,
            relatedTaxYear: 2024,
          },
        ],
        returns: [
          {
            kind: 'original',
            receivedDate: '2024-04-10',
            filingStatus: 'married_joint',
            address,
            wagesCents: 100_000_00,
            adjustedGrossIncomeCents: 101_000_00,
            taxableIncomeCents: 80_000_00,
            totalTaxCents: 9_000_00,
            totalPaymentsCents: 4_000_00,
          },
          {
            kind: 'amended',
            receivedDate: '2025-01-10',
            filingStatus: 'married_joint',
            address: { ...address, street_address: '1 New St' },
            wagesCents: 100_000_00,
            adjustedGrossIncomeCents: 102_000_00,
            taxableIncomeCents: 81_000_00,
            totalTaxCents: 9_200_00,
            totalPaymentsCents: 4_000_00,
          },
        ],
      };
      const moduleId = await records.addModule(id, module);
      await records.addModule(id, {
        taxYear: 2024,
        dueDate: '2025-04-15',
        filedDate: null,
        transactions: [],
        returns: [],
      });
      await records.addInformationReturn(id, {
        taxYear: 2023,
        form: 'W-2',
        payerName: 'Acme',
        amountCents: 100_000_00,
        withheldCents: 4_000_00,
      });
      await records.addNotice(id, {
        code: 'CP14',
        issuedDate: '2024-05-20',
        taxYear: 2023,
        amountDueCents: 5_000_00,
      });
      await records.addNotice(id, {
        code: 'CP71',
        issuedDate: '2025-01-06',
        taxYear: null,
        amountDueCents: null,
      });
      await records.setPaymentPlan(id, {
        planType: 'long_term',
        monthlyPaymentCents: 150_00,
        paymentDay: 28,
      });
      await records.setPaymentPlan(id, { planType: 'long_term', monthlyPaymentCents: 175_00, paymentDay: 3 });

      const all = await records.recordsFor(id);
      assert.deepEqual(
        all.modules.map((m) => [m.taxYear, m.dueDate, m.filedDate]),
        [
          [2024, '2025-04-15', null],
          [2023, '2024-04-15', '2024-04-10'],
        ],
      );
      assert.deepEqual(all.modules[1], {
        id: moduleId,
        form: '1040',
        ...module,
        transactions: module.transactions,
      });
      assert.deepEqual(all.informationReturns, [
        { taxYear: 2023, form: 'W-2', payerName: 'Acme', amountCents: 100_000_00, withheldCents: 4_000_00 },
      ]);
      assert.deepEqual(
        all.notices.map((n) => [n.code, n.issuedDate, n.taxYear, n.amountDueCents]),
        [
          ['CP71', '2025-01-06', null, null],
          ['CP14', '2024-05-20', 2023, 5_000_00],
        ],
      );
      assert.deepEqual(all.paymentPlan, {
        planType: 'long_term',
        monthlyPaymentCents: 175_00,
        paymentDay: 3,
      });
      assert.deepEqual(await records.latestReturnAddress(id), { ...address, street_address: '1 New St' });
      const [stored] = await db.query<{ address_enc: string }>('SELECT address_enc FROM tax_returns LIMIT 1');
      assert.ok(stored && !stored.address_enc.includes('Orchard'));
      await assert.rejects(
        db.query(
          "INSERT INTO module_transactions (module_id, code, transaction_date, cycle, amount_cents) VALUES ($1, 971, '2024-01-01', '20240105', 0)",
          [moduleId],
        ),
        'a 971 needs an action code',
      );
      await assert.rejects(
        db.query(
          "INSERT INTO module_transactions (module_id, code, transaction_date, cycle, amount_cents) VALUES ($1, 999, '2024-01-01', '20240105', 0)",
          [moduleId],
        ),
        'unknown transaction codes are refused',
      );
    },
  );

  await t.test(
    'links: saved with a fingerprint and claims without the number; problems replace the link',
    async () => {
      const tin = freshSsn();
      const taxpayerId = await taxpayers.create({
        tin,
        tinType: 'ssn',
        givenName: 'Lee',
        familyName: 'Park',
        birthdate: '1990-09-09',
        addressOfRecord: address,
      });
      const subject = `sub-${randomBytes(6).toString('hex')}`;
      const claims = {
        tinType: 'ssn' as const,
        givenName: 'Lee',
        familyName: 'Park',
        birthdate: '1990-09-09',
        address,
        ial: 'urn:tia:ial:verified',
        aal: 'urn:tia:aal:2',
        verifiedAt: 1_700_000_000,
      };
      const t0 = new Date('2026-05-01T12:00:00Z');
      await links.recordProblems(subject, ['address'], t0);
      assert.deepEqual(await links.problemsFor(subject), ['address']);
      await links.save(
        {
          subject,
          taxpayerId,
          tinFingerprint: taxpayers.tinFingerprint(tin),
          claims: { ...claims, tin } as typeof claims,
        },
        t0,
      );
      assert.equal(await links.problemsFor(subject), undefined, 'a link forgets earlier problems');
      const link = await links.find(subject);
      assert.deepEqual(link, {
        subject,
        taxpayerId,
        tinFingerprint: taxpayers.tinFingerprint(tin),
        claims,
        linkedAt: t0,
        lastSignInAt: t0,
      });
      const [row] = await db.query<Record<string, unknown>>(
        'SELECT * FROM taxpayer_links WHERE subject = $1',
        [subject],
      );
      const stored = JSON.stringify(row);
      for (const secret of [tin, 'Park', '1990-09-09', 'Orchard'])
        assert.ok(!stored.includes(secret), secret);
      const t1 = new Date('2026-05-02T12:00:00Z');
      await links.touch(subject, { ...claims, address: { ...address, street_address: '2 Elm St' } }, t1);
      assert.equal((await links.find(subject))?.claims.address.street_address, '2 Elm St');
      assert.deepEqual((await links.find(subject))?.lastSignInAt, t1);
      await links.recordProblems(subject, ['name', 'birthdate'], t1);
      assert.equal(await links.find(subject), undefined, 'a failed sign-in removes the link');
      assert.deepEqual(await links.problemsFor(subject), ['name', 'birthdate']);
    },
  );

  await t.test('the demo seed writes every demo taxpayer once', async () => {
    const recordsOn = (q: Queryable) => ({
      taxpayers: createTaxpayersRepo(q, cipher),
      records: createTaxRecordsRepo(q, cipher),
    });
    const app = { db, taxpayers, recordsOn };
    assert.deepEqual(await seedAccount(app, { demoTaxpayers: false }), { taxpayersCreated: 0 });
    assert.deepEqual(await seedAccount(app, { demoTaxpayers: true }), {
      taxpayersCreated: DEMO_TAXPAYERS.length,
    });
    assert.deepEqual(await seedAccount(app, { demoTaxpayers: true }), { taxpayersCreated: 0 });
    const maria = await taxpayers.findByTin('400123456');
    assert.equal(maria?.nameControl, 'GARC');
    const mariaRecords = await records.recordsFor(maria!.id);
    assert.deepEqual(
      mariaRecords.modules.map((m) => m.taxYear),
      [2025, 2024, 2023],
    );
    const assessed = mariaRecords.modules
      .find((m) => m.taxYear === 2024)!
      .transactions.filter((x) => x.code === 276 || x.code === 196);
    assert.ok(
      assessed.length >= 2 && assessed.every((x) => x.amountCents > 0),
      'penalties and interest posted',
    );
  });

  await t.test('a session read with records: touched, read and audited in one statement', async () => {
    const sessions = createSessionsRepo(db, cipher, { idleSeconds: 900, absoluteSeconds: 12 * 3600 });
    const t0 = new Date('2026-03-02T15:00:00Z');
    const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const maria = await taxpayers.findByTin(DEMO_TAXPAYERS[0]!.tin);
    assert.ok(maria);
    const subject = `sub-${randomBytes(6).toString('hex')}`;
    const audited = () =>
      db.query<{ action: string; request_id: string; detail: Record<string, unknown> }>(
        'SELECT action, request_id, detail FROM audit_events WHERE subject = $1 ORDER BY id',
        [subject],
      );
    const token = await sessions.create({ sub: subject, given_name: 'Maria' }, 'id-token', t0);
    const read = { action: 'view_tax_year', requestId: 'req-1', detail: { taxYear: 2024 } };

    const unlinked = await sessions.touchAndReadRecords(token, later(60), read);
    assert.equal(unlinked?.session.subject, subject);
    assert.equal(unlinked?.taxpayerId, undefined);
    assert.deepEqual(await audited(), [], 'nothing read, nothing audited');

    await links.save(
      { subject, taxpayerId: maria.id, tinFingerprint: 'fp', claims: { given_name: 'Maria' } as never },
      t0,
    );
    const found = await sessions.touchAndReadRecords(token, later(120), read);
    assert.deepEqual(found?.session, await sessions.touch(token, later(120)));
    assert.equal(found?.session.idToken, 'id-token');
    assert.equal(found?.taxpayerId, maria.id);
    assert.deepEqual(found?.records, await records.recordsFor(maria.id));
    assert.deepEqual(await audited(), [
      { action: 'view_tax_year', request_id: 'req-1', detail: { taxpayer: maria.id, taxYear: 2024 } },
    ]);

    // The idle expiry slides from each read (last at +120 s), and an expired session reads nothing.
    assert.ok(await sessions.touchAndReadRecords(token, later(120 + 899), read));
    assert.equal(await sessions.touchAndReadRecords(token, later(120 + 899 + 901), read), undefined);
    assert.equal(await sessions.touchAndReadRecords('not-a-token', later(1000), read), undefined);
    assert.equal((await audited()).length, 2, 'one event per read of records');
  });
}

forEachBackend('taxpayer records repositories', { migrations: ACCOUNT_MIGRATIONS }, (t, db) =>
  recordsSuite(t, db),
);
