// A taxpayer with a 2024 balance ($5,000 assessed, no payments), for the payment tests.
import type { Queryable } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import { createTaxpayersRepo } from '../../apps/account/src/db/taxpayers-repo.ts';
import { createTaxRecordsRepo } from '../../apps/account/src/db/tax-records-repo.ts';
import { cycleOf } from '../../apps/account/src/domain/records/posting-cycle.ts';

export async function seedTaxpayerOwing2024(db: Queryable, cipher: FieldCipher): Promise<string> {
  const id = await createTaxpayersRepo(db, cipher).create({
    tin: `9${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    tinType: 'itin',
    givenName: 'Kim',
    familyName: 'Lee',
    birthdate: '1980-01-01',
    addressOfRecord: {
      street_address: '1 Main St',
      locality: 'Springfield',
      region: 'IL',
      postal_code: '62701',
    },
  });
  await createTaxRecordsRepo(db, cipher).addModule(id, {
    taxYear: 2024,
    dueDate: '2025-04-15',
    filedDate: '2025-04-10',
    transactions: [
      {
        code: 150,
        actionCode: null,
        date: '2025-05-12',
        cycle: cycleOf('2025-05-12'),
        amountCents: 500_000,
        relatedTaxYear: null,
      },
    ],
    returns: [],
  });
  return id;
}
