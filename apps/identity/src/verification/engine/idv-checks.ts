// The engine's checks and their stable reason codes. Each failing code says what the person can do
// about it: `retry` (take the photo again: the capture was the problem) or `fail` (this document or
// this person cannot be verified this way: another document or another path is needed). Operators,
// the command line and the verification flow's error pages key off these codes; never rename one.

export type CheckStatus = 'pass' | 'fail' | 'unknown';

export type CheckName =
  | 'front_image'
  | 'back_image'
  | 'selfie_image'
  | 'card_found'
  | 'barcode'
  | 'barcode_fields'
  | 'mrz'
  | 'mrz_check_digits'
  | 'document_type'
  | 'document_expiry'
  | 'date_of_birth'
  | 'minimum_age'
  | 'issuer'
  | 'portrait'
  | 'printed_name'
  | 'printed_date_of_birth'
  | 'selfie_face'
  | 'selfie_liveness'
  | 'face_match';

export type CheckSeverity = 'retry' | 'fail';

/** Codes of failed checks, with what they mean for the person. */
export const FAILURE_CODES = {
  image_unreadable: { severity: 'retry', message: 'The photo could not be opened. Take or upload it again.' },
  image_unsupported_format: { severity: 'retry', message: 'Use a JPEG, PNG or WebP photo.' },
  image_too_large: { severity: 'retry', message: 'The file is too large. Use a photo under 15 MB.' },
  image_too_small: {
    severity: 'retry',
    message:
      'The photo is too small. Move closer so the document fills the frame, or use a higher resolution.',
  },
  image_blurry: {
    severity: 'retry',
    message: 'The photo is blurry. Hold still, tap to focus and try again.',
  },
  image_glare: {
    severity: 'retry',
    message: 'There is glare on the document. Move away from direct light or tilt the document slightly.',
  },
  card_not_found: {
    severity: 'retry',
    message:
      'We could not find the document in the photo. Place it on a plain, dark surface with all four corners in view.',
  },
  barcode_not_found: {
    severity: 'retry',
    message:
      'We could not read the barcode on the back. Make sure the whole barcode is in the photo, sharp and without glare.',
  },
  barcode_unparseable: {
    severity: 'retry',
    message:
      'The barcode was read but its data is damaged. Take the photo again; if it keeps failing, use another document.',
  },
  barcode_fields_missing: {
    severity: 'fail',
    message: 'The barcode lacks information a valid licence or ID must carry. Use another document.',
  },
  mrz_not_found: {
    severity: 'retry',
    message:
      'We could not read the two lines of letters and numbers at the bottom of the passport page. Include them, sharp and without glare.',
  },
  mrz_check_digit_failed: {
    severity: 'retry',
    message:
      'Some characters at the bottom of the passport page could not be read reliably. Take the photo again in good light.',
  },
  document_type_mismatch: {
    severity: 'retry',
    message:
      'This is not the kind of document you chose. Choose the right type or use the document you chose.',
  },
  document_not_accepted: {
    severity: 'fail',
    message:
      'Only documents issued by the United States or a U.S. state can be used here. Use another document or verify with an agent.',
  },
  document_expired: {
    severity: 'fail',
    message: 'This document has expired. Use a document that is still valid.',
  },
  birth_date_in_future: { severity: 'fail', message: 'The date of birth on the document is not possible.' },
  under_minimum_age: { severity: 'fail', message: 'You must be at least 18 to verify your identity online.' },
  issuer_mismatch: {
    severity: 'fail',
    message: 'The document’s issuer data is inconsistent. Use another document or verify with an agent.',
  },
  portrait_not_found: {
    severity: 'retry',
    message:
      'We could not find the photo of your face on the front of the document. Take the photo again, without glare.',
  },
  portrait_multiple_faces: {
    severity: 'retry',
    message: 'We found more than one face on the front of the document. Photograph only the document.',
  },
  printed_name_mismatch: {
    severity: 'fail',
    message:
      'The name printed on the front does not match the document’s barcode. Use another document or verify with an agent.',
  },
  printed_date_of_birth_mismatch: {
    severity: 'fail',
    message:
      'The date of birth printed on the front does not match the document’s barcode. Use another document or verify with an agent.',
  },
  selfie_no_face: {
    severity: 'retry',
    message: 'We could not find your face in the selfie. Face the camera in good, even light.',
  },
  selfie_multiple_faces: { severity: 'retry', message: 'Only you should be in the selfie.' },
  selfie_not_live: {
    severity: 'retry',
    message:
      'The selfie must be of you, live: not a photo of a photo or a screen. Take it again in good light.',
  },
  face_mismatch: {
    severity: 'fail',
    message:
      'Your selfie does not match the photo on your document. Try again, or verify with an agent by video call.',
  },
} as const satisfies Record<string, { severity: CheckSeverity; message: string }>;

export type FailureCode = keyof typeof FAILURE_CODES;

/** Codes for checks that passed or could not be made. */
export type NeutralCode = 'ok' | 'not_applicable' | 'not_readable' | 'not_checked';

export interface Check {
  readonly name: CheckName;
  readonly status: CheckStatus;
  readonly code: FailureCode | NeutralCode;
}

export const passed = (name: CheckName): Check => ({ name, status: 'pass', code: 'ok' });
export const failed = (name: CheckName, code: FailureCode): Check => ({ name, status: 'fail', code });
export const unknown = (name: CheckName, code: NeutralCode = 'not_readable'): Check => ({
  name,
  status: 'unknown',
  code,
});
