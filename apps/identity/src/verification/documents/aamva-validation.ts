// Checks on a parsed AAMVA payload: expiry, date of birth, mandatory elements, and the issuer
// identification number (IIN) against the jurisdiction. Problems are stable codes, never exceptions.
import type { AamvaDocument } from './aamva.ts';

/**
 * IIN → jurisdiction. Source: the AAMVA "Issuer Identification Numbers" list (aamva.org, IIN and RID
 * list), cross-checked against the IIN tables of the open-source parsers c0shea/IdParser
 * (IssuerIdentificationNumber.cs) used by our test vectors. `uncertain` marks entries recalled but
 * not confirmed against the published list.
 */
export const AAMVA_IIN_TABLE: Readonly<Record<string, { code: string; name: string; uncertain?: true }>> = {
  '636000': { code: 'VA', name: 'Virginia' },
  '636001': { code: 'NY', name: 'New York' },
  '636002': { code: 'MA', name: 'Massachusetts' },
  '636003': { code: 'MD', name: 'Maryland' },
  '636004': { code: 'NC', name: 'North Carolina' },
  '636005': { code: 'SC', name: 'South Carolina' },
  '636006': { code: 'CT', name: 'Connecticut' },
  '636007': { code: 'LA', name: 'Louisiana' },
  '636008': { code: 'MT', name: 'Montana' },
  '636009': { code: 'NM', name: 'New Mexico' },
  '636010': { code: 'FL', name: 'Florida' },
  '636011': { code: 'DE', name: 'Delaware' },
  '636012': { code: 'ON', name: 'Ontario' },
  '636013': { code: 'NS', name: 'Nova Scotia' },
  '636014': { code: 'CA', name: 'California' },
  '636015': { code: 'TX', name: 'Texas' },
  '636016': { code: 'NL', name: 'Newfoundland and Labrador' },
  '636017': { code: 'NB', name: 'New Brunswick' },
  '636018': { code: 'IA', name: 'Iowa' },
  '636019': { code: 'GU', name: 'Guam', uncertain: true },
  '636020': { code: 'CO', name: 'Colorado' },
  '636021': { code: 'AR', name: 'Arkansas' },
  '636022': { code: 'KS', name: 'Kansas' },
  '636023': { code: 'OH', name: 'Ohio' },
  '636024': { code: 'VT', name: 'Vermont' },
  '636025': { code: 'PA', name: 'Pennsylvania' },
  '636026': { code: 'AZ', name: 'Arizona' },
  '636028': { code: 'BC', name: 'British Columbia' },
  '636029': { code: 'OR', name: 'Oregon' },
  '636030': { code: 'MO', name: 'Missouri' },
  '636031': { code: 'WI', name: 'Wisconsin' },
  '636032': { code: 'MI', name: 'Michigan' },
  '636033': { code: 'AL', name: 'Alabama' },
  '636034': { code: 'ND', name: 'North Dakota' },
  '636035': { code: 'IL', name: 'Illinois' },
  '636036': { code: 'NJ', name: 'New Jersey' },
  '636037': { code: 'IN', name: 'Indiana' },
  '636038': { code: 'MN', name: 'Minnesota' },
  '636039': { code: 'NH', name: 'New Hampshire' },
  '636040': { code: 'UT', name: 'Utah' },
  '636041': { code: 'ME', name: 'Maine' },
  '636042': { code: 'SD', name: 'South Dakota' },
  '636043': { code: 'DC', name: 'District of Columbia' },
  '636044': { code: 'SK', name: 'Saskatchewan' },
  '636045': { code: 'WA', name: 'Washington' },
  '636046': { code: 'KY', name: 'Kentucky' },
  '636047': { code: 'HI', name: 'Hawaii' },
  '636048': { code: 'MB', name: 'Manitoba' },
  '636049': { code: 'NV', name: 'Nevada' },
  '636050': { code: 'ID', name: 'Idaho' },
  '636051': { code: 'MS', name: 'Mississippi' },
  '636052': { code: 'RI', name: 'Rhode Island' },
  '636053': { code: 'TN', name: 'Tennessee' },
  '636054': { code: 'NE', name: 'Nebraska' },
  '636055': { code: 'GA', name: 'Georgia' },
  '636058': { code: 'OK', name: 'Oklahoma' },
  '636059': { code: 'AK', name: 'Alaska' },
  '636060': { code: 'WY', name: 'Wyoming' },
  '636061': { code: 'WV', name: 'West Virginia' },
  '636062': { code: 'VI', name: 'US Virgin Islands', uncertain: true },
  '604426': { code: 'PE', name: 'Prince Edward Island' },
  '604427': { code: 'AS', name: 'American Samoa', uncertain: true },
  '604428': { code: 'QC', name: 'Quebec' },
  '604429': { code: 'YT', name: 'Yukon', uncertain: true },
  '604430': { code: 'MP', name: 'Northern Mariana Islands', uncertain: true },
  '604431': { code: 'PR', name: 'Puerto Rico' },
  '604432': { code: 'AB', name: 'Alberta' },
  '604433': { code: 'NU', name: 'Nunavut', uncertain: true },
  '604434': { code: 'NT', name: 'Northwest Territories', uncertain: true },
};

export type AamvaProblemCode =
  | 'AAMVA_EXPIRED'
  | 'AAMVA_EXPIRY_MISSING'
  | 'AAMVA_BIRTH_DATE_MISSING'
  | 'AAMVA_BIRTH_DATE_IN_FUTURE'
  | 'AAMVA_UNDER_18'
  | 'AAMVA_MANDATORY_ELEMENT_MISSING'
  | 'AAMVA_IIN_UNKNOWN'
  | 'AAMVA_IIN_STATE_MISMATCH';

export interface AamvaProblem {
  readonly code: AamvaProblemCode;
  /** Element id (e.g. 'DBA') or 'header.issuerId'. */
  readonly field: string;
  readonly detail: string;
}

/**
 * Mandatory elements common to every card, per version. v01 (AAMVA DL/ID-2000) names the person in
 * DAA; v02 (2003) and v03 (2005) use DCS + DCT; v04 (2009) onwards use DCS + DAC + DAD.
 */
export function mandatoryElements(version: number): readonly string[] {
  const common = ['DAQ', 'DBA', 'DBB', 'DBC', 'DAG', 'DAI', 'DAJ', 'DAK'];
  if (version <= 1) return ['DAA', ...common];
  if (version <= 3) return ['DCS', 'DCT', ...common, 'DCG'];
  return ['DCS', 'DAC', 'DAD', 'DBD', 'DCF', 'DCG', 'DDE', 'DDF', 'DDG', ...common];
}

export interface AamvaValidationOptions {
  readonly referenceDate?: Date;
  readonly minimumAge?: number;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addYears(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4)) + years;
  const rest = iso.slice(4);
  // 29 February birthdays come of age on 1 March in non-leap years.
  const candidate = `${String(year).padStart(4, '0')}${rest}`;
  return rest === '-02-29' && new Date(`${candidate}T00:00:00Z`).getUTCDate() !== 29
    ? `${year}-03-01`
    : candidate;
}

export function validateAamva(doc: AamvaDocument, options: AamvaValidationOptions = {}): AamvaProblem[] {
  const problems: AamvaProblem[] = [];
  const today = isoDay(options.referenceDate ?? new Date());
  const minimumAge = options.minimumAge ?? 18;
  const { fields } = doc;

  if (fields.expirationDate === undefined) {
    problems.push({ code: 'AAMVA_EXPIRY_MISSING', field: 'DBA', detail: 'no readable expiration date' });
  } else if (fields.expirationDate < today) {
    problems.push({ code: 'AAMVA_EXPIRED', field: 'DBA', detail: `expired on ${fields.expirationDate}` });
  }

  if (fields.dateOfBirth === undefined) {
    problems.push({ code: 'AAMVA_BIRTH_DATE_MISSING', field: 'DBB', detail: 'no readable date of birth' });
  } else if (fields.dateOfBirth > today) {
    problems.push({ code: 'AAMVA_BIRTH_DATE_IN_FUTURE', field: 'DBB', detail: `born ${fields.dateOfBirth}` });
  } else if (addYears(fields.dateOfBirth, minimumAge) > today) {
    problems.push({ code: 'AAMVA_UNDER_18', field: 'DBB', detail: `under ${minimumAge}` });
  }

  for (const id of mandatoryElements(doc.header.version)) {
    const value = doc.elements[id];
    if (value === undefined) {
      problems.push({ code: 'AAMVA_MANDATORY_ELEMENT_MISSING', field: id, detail: `${id} is missing` });
    }
  }

  const issuer = AAMVA_IIN_TABLE[doc.header.issuerId];
  if (issuer === undefined) {
    problems.push({
      code: 'AAMVA_IIN_UNKNOWN',
      field: 'header.issuerId',
      detail: `IIN ${doc.header.issuerId} is not in the AAMVA list`,
    });
  } else if (fields.address.state !== undefined && fields.address.state !== issuer.code) {
    problems.push({
      code: 'AAMVA_IIN_STATE_MISMATCH',
      field: 'header.issuerId',
      detail: `IIN ${doc.header.issuerId} is ${issuer.code}, card says ${fields.address.state}`,
    });
  }
  return problems;
}
