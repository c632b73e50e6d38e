// The document's fields as the engine reports them, whatever they were read from (a licence's PDF417
// barcode or a passport's MRZ), and the pure rules over them: expiry, date of birth, minimum age.
import type { AamvaDocument } from '../documents/aamva.ts';
import type { MrzDocument } from '../documents/mrz.ts';

export interface DocumentFields {
  familyName: string | undefined;
  givenNames: string | undefined;
  dateOfBirth: string | undefined;
  expirationDate: string | undefined;
  issueDate: string | undefined;
  documentNumber: string | undefined;
  sex: 'M' | 'F' | 'X' | undefined;
  /** Absent for passports, which carry no address. */
  address: { street: string; city: string; state: string; postalCode: string } | null;
  /** The issuing state (two letters) for licences and IDs; the country code for passports. */
  issuer: string | undefined;
}

export function fieldsFromAamva(doc: AamvaDocument, issuerState: string | undefined): DocumentFields {
  const f = doc.fields;
  const given = [f.givenName, f.middleNames].filter((part) => part && part.trim() !== '').join(' ');
  const { street, street2, city, state, postalCode } = f.address;
  return {
    familyName: f.familyName,
    givenNames: given === '' ? undefined : given,
    dateOfBirth: f.dateOfBirth,
    expirationDate: f.expirationDate,
    issueDate: f.issueDate,
    documentNumber: f.documentNumber,
    sex: f.sex,
    address:
      street && city && state && postalCode
        ? { street: street2 ? `${street} ${street2}` : street, city, state, postalCode }
        : null,
    issuer: issuerState ?? state,
  };
}

const mrzName = (value: string): string | undefined => {
  const name = value.replace(/</g, ' ').replace(/\s+/g, ' ').trim();
  return name === '' ? undefined : name;
};

export function fieldsFromMrz(doc: MrzDocument): DocumentFields {
  const sex = doc.sex === 'male' ? 'M' : doc.sex === 'female' ? 'F' : 'X';
  return {
    familyName: mrzName(doc.primaryIdentifier),
    givenNames: mrzName(doc.secondaryIdentifier),
    dateOfBirth: doc.birthDate.iso,
    expirationDate: doc.expirationDate.iso,
    issueDate: undefined,
    documentNumber: doc.documentNumber.replace(/</g, '') || undefined,
    sex,
    address: null,
    issuer: doc.issuingState.replace(/</g, '') || undefined,
  };
}

/** The day `dateOfBirth` (YYYY-MM-DD) turns `years`; 29 February birthdays come of age on 1 March. */
export function birthdayAt(dateOfBirth: string, years: number): string {
  const year = Number(dateOfBirth.slice(0, 4)) + years;
  const rest = dateOfBirth.slice(4);
  const candidate = `${String(year).padStart(4, '0')}${rest}`;
  return rest === '-02-29' && new Date(`${candidate}T00:00:00Z`).getUTCDate() !== 29
    ? `${year}-03-01`
    : candidate;
}

export function hasReachedAge(dateOfBirth: string, years: number, today: string): boolean {
  return birthdayAt(dateOfBirth, years) <= today;
}
