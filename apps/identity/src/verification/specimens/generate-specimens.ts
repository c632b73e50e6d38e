// Writes sets of specimen identity documents for demos, tests and the benchmark: for each document the
// front (and back) image, a matching "selfie" of the same face, and a truth JSON with the fields the
// verification engine should extract. People are synthetic (from the seed) or one of the demo people
// seeded by `npm start`, so a demo user can verify with documents matching their records.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_PEOPLE, type DemoPerson } from '../../seed/demo-people.ts';
import { renderLicenseBack, renderLicenseFront, printedLicenseFields } from './license-card.ts';
import {
  buildTd1Mrz,
  buildTd3Mrz,
  renderPassportCard,
  renderPassportPage,
  type PassportSpecimen,
} from './passport-page.ts';
import { portraitFor, resolvePortraitSource, selfieFor, type PortraitOptions } from './portraits.ts';
import {
  hashString,
  slugify,
  specimenPerson,
  specimenPersonFromDemo,
  type SpecimenPerson,
} from './specimen-people.ts';
import { aamvaText } from './aamva-encoder.ts';
import { mulberry32 } from '../seeded-random.ts';

export type SpecimenType = 'drivers-license' | 'state-id' | 'passport' | 'passport-card';
export const SPECIMEN_TYPES: readonly SpecimenType[] = [
  'drivers-license',
  'state-id',
  'passport',
  'passport-card',
];

export interface GenerateSpecimensOptions {
  outDir: string;
  type: SpecimenType | 'all';
  seed: number;
  /** A demo person's e-mail or "Given Family" name; otherwise synthetic people from the seed. */
  person?: string;
  /** People to generate (default 1; a demo person is always one). */
  count?: number;
  /** The day the documents must be valid on (default: now). */
  now?: Date;
  /** Override of the portrait sources file (portraits.ts). */
  portraitSourcesPath?: string;
}

/** What the engine should extract from the document (names as printed / encoded, upper case). */
export interface SpecimenTruth {
  documentType: SpecimenType;
  familyName: string;
  givenNames: string;
  /** YYYY-MM-DD, like the other dates. */
  dateOfBirth: string;
  issueDate: string;
  expirationDate: string;
  documentNumber: string;
  sex: 'M' | 'F' | 'X';
  /** Null for passports, which carry no address. */
  address: { street: string; city: string; state: string; postalCode: string } | null;
  portraitId: string;
}

export interface WrittenSpecimen {
  name: string;
  type: SpecimenType;
  files: { front: string; back?: string; selfie: string; truth: string };
  truth: SpecimenTruth;
}

/** The demo person whose e-mail or "Given Family" name is `query` (case and spacing ignored). */
export function findDemoPerson(query: string): DemoPerson | undefined {
  const wanted = query.trim().replace(/\s+/g, ' ').toLowerCase();
  return DEMO_PEOPLE.find(
    (p) => p.email.toLowerCase() === wanted || `${p.givenName} ${p.familyName}`.toLowerCase() === wanted,
  );
}

const DAY = 86_400_000;
const iso = (date: Date): string => date.toISOString().slice(0, 10);

/** Passport data for a person: 10-year validity, issued within the last 9 years. */
export function passportFor(
  person: SpecimenPerson,
  kind: 'passport' | 'passport-card',
  now: Date,
  portrait?: Buffer,
): PassportSpecimen {
  const d = person.license;
  const random = mulberry32(hashString(`${kind}:${person.slug}:${d.documentNumber}`));
  const digits = (n: number): string =>
    Array.from({ length: n }, () => String(Math.floor(random() * 10))).join('');
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const eighteenth = Date.parse(
    `${Number(d.dateOfBirth.slice(0, 4)) + 18}${d.dateOfBirth.slice(4)}T00:00:00Z`,
  );
  const maxBack = Math.max(30, Math.min(9 * 365, Math.floor((today - eighteenth) / DAY)));
  const issue = new Date(today - (30 + Math.floor(random() * (maxBack - 29))) * DAY);
  const expiry = new Date(Date.UTC(issue.getUTCFullYear() + 10, issue.getUTCMonth(), issue.getUTCDate() - 1));
  return {
    surname: aamvaText(d.familyName),
    givenNames: aamvaText(`${d.givenName} ${d.middleName ?? ''}`),
    documentNumber: kind === 'passport' ? `${1 + Math.floor(random() * 9)}${digits(8)}` : `C${digits(8)}`,
    nationality: 'USA',
    dateOfBirth: d.dateOfBirth,
    sex: d.sex,
    placeOfBirth: person.placeOfBirth,
    issueDate: iso(issue),
    expirationDate: iso(expiry),
    ...(portrait === undefined ? {} : { portrait }),
  };
}

/** Names as the MRZ carries them: '<' fillers read as spaces, truncated where the MRZ truncates. */
function mrzNames(nameField: string): { familyName: string; givenNames: string } {
  const [primary = '', secondary = ''] = nameField.replace(/<+$/, '').split('<<');
  const words = (s: string): string =>
    s
      .split('<')
      .filter((w) => w !== '')
      .join(' ');
  return { familyName: words(primary), givenNames: words(secondary) };
}

function licenseTruth(person: SpecimenPerson, type: SpecimenType, portraitId: string): SpecimenTruth {
  const d = person.license;
  const printed = printedLicenseFields(d);
  const zip = d.address.postalCode.replace(/\D/g, '');
  return {
    documentType: type,
    familyName: printed.familyName,
    givenNames: printed.givenNames,
    dateOfBirth: d.dateOfBirth,
    issueDate: d.issueDate,
    expirationDate: d.expirationDate,
    documentNumber: aamvaText(d.documentNumber).replace(/ /g, ''),
    sex: d.sex,
    address: {
      street: printed.street,
      city: aamvaText(d.address.city),
      state: d.address.state.toUpperCase(),
      postalCode:
        zip.length === 9 && !zip.endsWith('0000') ? `${zip.slice(0, 5)}-${zip.slice(5)}` : zip.slice(0, 5),
    },
    portraitId,
  };
}

function passportTruth(p: PassportSpecimen, type: SpecimenType, portraitId: string): SpecimenTruth {
  const nameField = type === 'passport' ? buildTd3Mrz(p)[0].slice(5) : buildTd1Mrz(p)[2];
  return {
    documentType: type,
    ...mrzNames(nameField),
    dateOfBirth: p.dateOfBirth,
    issueDate: p.issueDate,
    expirationDate: p.expirationDate,
    documentNumber: p.documentNumber,
    sex: p.sex,
    address: null,
    portraitId,
  };
}

interface Face {
  portraitId: string;
  portrait: Buffer;
  selfie: Buffer;
}

/** The person's document portrait and selfie, made once for all their documents. */
async function faceFor(person: SpecimenPerson, seed: number, portraitOpts: PortraitOptions): Promise<Face> {
  const [{ source }, portrait, selfie] = await Promise.all([
    resolvePortraitSource(person.portraitIndex, portraitOpts),
    portraitFor(person.portraitIndex, portraitOpts),
    selfieFor(person.portraitIndex, seed, portraitOpts),
  ]);
  return { portraitId: source.id, portrait, selfie };
}

async function writeOne(
  outDir: string,
  name: string,
  type: SpecimenType,
  person: SpecimenPerson,
  seed: number,
  now: Date,
  face: Face,
): Promise<WrittenSpecimen> {
  const { portrait, selfie } = face;
  const files: WrittenSpecimen['files'] = {
    front: join(outDir, `${name}-front.png`),
    selfie: join(outDir, `${name}-selfie.jpg`),
    truth: join(outDir, `${name}-truth.json`),
  };
  let truth: SpecimenTruth;
  const writes: Promise<void>[] = [writeFile(files.selfie, selfie)];
  if (type === 'drivers-license' || type === 'state-id') {
    const license = { ...person.license, documentType: type === 'drivers-license' ? 'DL' : 'ID' } as const;
    const [front, back] = await Promise.all([
      renderLicenseFront(license, { portrait, seed }),
      renderLicenseBack(license, { seed }),
    ]);
    files.back = join(outDir, `${name}-back.png`);
    writes.push(writeFile(files.front, front), writeFile(files.back, back));
    truth = licenseTruth({ ...person, license }, type, face.portraitId);
  } else if (type === 'passport') {
    const p = passportFor(person, type, now, portrait);
    writes.push(writeFile(files.front, await renderPassportPage(p, { seed })));
    truth = passportTruth(p, type, face.portraitId);
  } else {
    const p = passportFor(person, type, now, portrait);
    const { front, back } = await renderPassportCard(p, { seed });
    files.back = join(outDir, `${name}-back.png`);
    writes.push(writeFile(files.front, front), writeFile(files.back, back));
    truth = passportTruth(p, type, face.portraitId);
  }
  writes.push(writeFile(files.truth, `${JSON.stringify(truth, null, 2)}\n`));
  await Promise.all(writes);
  return { name, type, files, truth };
}

/** Generates and writes the documents; returns what was written, in order. */
export async function generateSpecimens(opts: GenerateSpecimensOptions): Promise<WrittenSpecimen[]> {
  const now = opts.now ?? new Date();
  const types = opts.type === 'all' ? SPECIMEN_TYPES : [opts.type];
  if (!types.every((t) => SPECIMEN_TYPES.includes(t)))
    throw new RangeError(`unknown specimen type ${opts.type}`);
  const count = opts.count ?? 1;
  if (!Number.isInteger(count) || count < 1) throw new RangeError('count must be a positive integer');
  const portraitOpts: PortraitOptions =
    opts.portraitSourcesPath === undefined ? {} : { sourcesPath: opts.portraitSourcesPath };

  let people: SpecimenPerson[];
  if (opts.person !== undefined) {
    const demo = findDemoPerson(opts.person);
    if (demo === undefined) {
      throw new RangeError(
        `no demo person "${opts.person}"; known: ${DEMO_PEOPLE.map((p) => `${p.givenName} ${p.familyName}`).join(', ')}`,
      );
    }
    people = [specimenPersonFromDemo(demo, DEMO_PEOPLE.indexOf(demo), { now })];
  } else {
    people = Array.from({ length: count }, (_, i) => specimenPerson(opts.seed + i, { now }));
  }

  await mkdir(opts.outDir, { recursive: true });
  const written: WrittenSpecimen[] = [];
  for (const [i, person] of people.entries()) {
    const face = await faceFor(person, opts.seed + i, portraitOpts);
    for (const type of types) {
      const name =
        people.length > 1
          ? `${type}-${String(i + 1).padStart(3, '0')}-${person.slug}`
          : `${type}-${person.slug}`;
      written.push(await writeOne(opts.outDir, slugify(name), type, person, opts.seed + i, now, face));
    }
  }
  return written;
}
