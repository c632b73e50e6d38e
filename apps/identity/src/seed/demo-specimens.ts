// Specimen identity documents for the demo people (development only): `npm start` writes a driver's
// licence, a state ID, a passport page and a passport card per demo person, each with a matching
// "selfie", into $DATA_DIR/specimens/<person>/, so that someone trying the demo can verify with
// documents that agree with the records the tax agency holds for them. Written once; kept after.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_PEOPLE } from './demo-people.ts';
import { generateSpecimens } from '../verification/specimens/generate-specimens.ts';
import { slugify } from '../verification/specimens/specimen-people.ts';

export function demoSpecimensDir(dataDir: string): string {
  return join(dataDir, 'specimens');
}

/** Writes the missing demo people's documents; resolves to how many people got new ones. */
export async function writeDemoSpecimens(dataDir: string, now: Date): Promise<number> {
  let written = 0;
  for (const [index, person] of DEMO_PEOPLE.entries()) {
    const outDir = join(demoSpecimensDir(dataDir), slugify(person.givenName, person.familyName));
    if (existsSync(join(outDir, 'complete'))) continue;
    await generateSpecimens({ outDir, type: 'all', seed: index + 1, person: person.email, now });
    await writeFile(join(outDir, 'complete'), `${now.toISOString()}\n`);
    written += 1;
  }
  return written;
}
