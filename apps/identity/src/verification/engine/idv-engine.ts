// The identity-verification engine: photos of a document (and a selfie) in, extracted fields, checks
// with stable codes, a decision and per-stage timings out. Two outcomes are kept apart:
// - `completed`: the analysis ran; `decision` says whether the person passed, should retake a photo
//   (`retry`, with the reason) or cannot be verified with this document (`fail`);
// - `unavailable`: the analysis itself could not run (a model failed to load, an analyser crashed).
//   That says nothing about the person, and the flow offers to try again later or another path.
// Decoded pixels and face embeddings never leave this module: they are overwritten with zeros once
// the decision is made, and nothing here logs.
import { parseAamva } from '../documents/aamva.ts';
import { AAMVA_IIN_TABLE, validateAamva } from '../documents/aamva-validation.ts';
import { validateMrz } from '../documents/mrz-validation.ts';
import type { MrzDocument } from '../documents/mrz.ts';
import { ImageError } from '../images/decode-image.ts';
import { failed, passed, unknown, type Check, type CheckName, type FailureCode } from './idv-checks.ts';
import { decide, type Decision, type DocumentType } from './idv-decision.ts';
import { fieldsFromAamva, fieldsFromMrz, hasReachedAge, type DocumentFields } from './document-fields.ts';
import type { DecodedImage, FaceFound, IdvAnalyzers, LocatedCard, QualityReport } from './idv-analyzers.ts';
import type { IdvConfig } from './idv-config.ts';
import { matchPrintedText } from './printed-text-match.ts';

export interface IdvInput {
  type: DocumentType;
  front: Uint8Array;
  /** The back of a licence, ID or passport card; not used for a passport book. */
  back?: Uint8Array;
  /** One selfie, or a short series of frames for liveness. */
  selfie?: readonly Uint8Array[];
}

export interface FaceResult {
  match: boolean;
  /** Similarity between the selfie and the document portrait, 0–1 (absent without a portrait). */
  score: number | undefined;
  liveness: number;
}

interface CommonResult {
  type: DocumentType;
  /** Milliseconds per stage, and `total`. */
  timings: Record<string, number>;
}

export type IdvResult =
  | (CommonResult & {
      analysis: 'completed';
      decision: Decision;
      reason: FailureCode | 'required_check_not_made' | undefined;
      document: { source: 'barcode' | 'mrz' | undefined; fields: DocumentFields | undefined };
      checks: Check[];
      face: FaceResult | undefined;
      quality: Record<string, QualityReport>;
    })
  | (CommonResult & {
      analysis: 'unavailable';
      /** The stage that could not run, e.g. `faces`. */
      stage: string;
      code: 'analysis_unavailable';
    });

class StageUnavailable extends Error {
  constructor(
    readonly stage: string,
    cause: unknown,
  ) {
    super(`analysis stage ${stage} unavailable`, { cause });
  }
}

type EngineConfig = Pick<
  IdvConfig,
  'faceMatchThreshold' | 'livenessThreshold' | 'minimumAge' | 'printedTextCheck' | 'maxImageSide'
>;

export interface IdvEngine {
  analyze(input: IdvInput, now: Date): Promise<IdvResult>;
  close(): Promise<void>;
}

const QUALITY_KIND = {
  'drivers-license': 'card',
  'state-id': 'card',
  passport: 'passport',
  'passport-card': 'card',
} as const;

/** The smallest share of the photo a located card may cover (a phone capture fills most of the frame). */
const MIN_CARD_AREA = 0.2;

/** A face this much smaller than the largest one is a "ghost" portrait, printed on most US cards. */
const GHOST_PORTRAIT_RATIO = 0.6;

export function createIdvEngine(config: EngineConfig, analyzers: IdvAnalyzers): IdvEngine {
  return {
    analyze: (input, now) => analyze(config, analyzers, input, now),
    close: () => analyzers.close(),
  };
}

async function analyze(
  config: EngineConfig,
  analyzers: IdvAnalyzers,
  input: IdvInput,
  now: Date,
): Promise<IdvResult> {
  const timings: Record<string, number> = {};
  const started = performance.now();
  const decoded: DecodedImage[] = [];
  const embeddings: Float32Array[] = [];
  const stage = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } catch (error) {
      if (error instanceof ImageError || error instanceof StageUnavailable) throw error;
      throw new StageUnavailable(name, error);
    } finally {
      timings[name] = Math.round((timings[name] ?? 0) + performance.now() - t0);
    }
  };
  try {
    const result = await run(config, analyzers, input, now, stage, decoded, embeddings);
    timings.total = Math.round(performance.now() - started);
    return { ...result, type: input.type, timings };
  } catch (error) {
    timings.total = Math.round(performance.now() - started);
    if (error instanceof StageUnavailable) {
      return {
        analysis: 'unavailable',
        type: input.type,
        stage: error.stage,
        code: 'analysis_unavailable',
        timings,
      };
    }
    throw error;
  } finally {
    for (const image of decoded) image.data.fill(0);
    for (const embedding of embeddings) embedding.fill(0);
  }
}

type Stage = <T>(name: string, work: () => Promise<T> | T) => Promise<T>;
type Completed = Omit<Extract<IdvResult, { analysis: 'completed' }>, 'type' | 'timings'>;

async function run(
  config: EngineConfig,
  analyzers: IdvAnalyzers,
  input: IdvInput,
  now: Date,
  stage: Stage,
  decoded: DecodedImage[],
  embeddings: Float32Array[],
): Promise<Completed> {
  const checks: Check[] = [];
  const quality: Completed['quality'] = {};
  const today = now.toISOString().slice(0, 10);
  const isPassportBook = input.type === 'passport';
  const finish = (
    document: Completed['document'] = { source: undefined, fields: undefined },
    face: FaceResult | undefined = undefined,
  ): Completed => {
    const { decision, reason } = decide(
      checks,
      input.type,
      input.selfie !== undefined && input.selfie.length > 0,
    );
    return { analysis: 'completed', decision, reason, document, checks, face, quality };
  };

  // 1. Open every image first: a file that is not a photo is the first thing to tell the person.
  const open = async (
    name: 'front' | 'back' | 'selfie',
    bytes: Uint8Array,
  ): Promise<DecodedImage | undefined> => {
    try {
      const image = await stage('decode', () => analyzers.decode(bytes, config.maxImageSide));
      decoded.push(image);
      return image;
    } catch (error) {
      if (!(error instanceof ImageError)) throw error;
      checks.push(failed(`${name}_image`, imageErrorCode(error)));
      return undefined;
    }
  };
  const front = await open('front', input.front);
  const back = !isPassportBook && input.back ? await open('back', input.back) : undefined;
  const selfies: DecodedImage[] = [];
  for (const frame of input.selfie ?? []) {
    const image = await open('selfie', frame);
    if (image) selfies.push(image);
  }
  if (!isPassportBook && !input.back) checks.push(failed('back_image', 'image_unreadable'));
  if (checks.length > 0 || !front || (!isPassportBook && !back)) return finish();

  // 2. Where the card is in each photo (found once, on demand), and why an image could not be read:
  //    quality is measured only then, on the card's area, to give the most actionable reason.
  const kind = QUALITY_KIND[input.type];
  const cards = new Map<DecodedImage, LocatedCard | null>();
  const locate = async (image: DecodedImage): Promise<LocatedCard | null> => {
    if (!cards.has(image)) {
      const found = await stage('locate', () => analyzers.locateCard(image));
      if (found) decoded.push(found.crop);
      // A "card" much smaller than the photo is something on the card (its portrait, say), not the card.
      cards.set(image, isCardSized(found, image) ? found : null);
    }
    return cards.get(image)!;
  };
  const explain = async (
    side: 'front' | 'back',
    image: DecodedImage,
    name: CheckName,
    fallback: FailureCode,
  ): Promise<Check> => {
    const onCard = !(side === 'front' && isPassportBook);
    const card = onCard ? await locate(image) : null;
    const report = await stage('quality', () =>
      analyzers.quality(image, side === 'front' ? kind : 'card', card?.box),
    );
    quality[side] = report;
    if (report.issues[0]) return failed(name, report.issues[0]);
    if (onCard && !card && !frameIsCardShaped(image)) return failed(name, 'card_not_found');
    return failed(name, fallback);
  };

  // 3. The data: the licence's barcode or the passport's MRZ.
  let fields: DocumentFields | undefined;
  let source: 'barcode' | 'mrz' | undefined;
  if (input.type === 'drivers-license' || input.type === 'state-id') {
    const barcode = await stage('barcode', () => analyzers.readBarcode(back!));
    if (!barcode) {
      checks.push(await explain('back', back!, 'barcode', 'barcode_not_found'));
    } else {
      const parsed = await stage('parse', () => parseAamva(barcode.text));
      if (!parsed.ok) {
        checks.push(passed('back_image'), failed('barcode', 'barcode_unparseable'));
      } else {
        checks.push(passed('back_image'), passed('barcode'));
        const doc = parsed.value;
        const issuer = AAMVA_IIN_TABLE[doc.header.issuerId];
        fields = fieldsFromAamva(doc, issuer?.code);
        source = 'barcode';
        const problems = validateAamva(doc, { referenceDate: now, minimumAge: config.minimumAge });
        const has = (code: string) => problems.some((problem) => problem.code === code);
        checks.push(
          has('AAMVA_MANDATORY_ELEMENT_MISSING')
            ? failed('barcode_fields', 'barcode_fields_missing')
            : passed('barcode_fields'),
          documentTypeCheck(input.type, doc.documentType),
          has('AAMVA_EXPIRED') || has('AAMVA_EXPIRY_MISSING')
            ? failed('document_expiry', 'document_expired')
            : passed('document_expiry'),
          has('AAMVA_BIRTH_DATE_IN_FUTURE') || has('AAMVA_BIRTH_DATE_MISSING')
            ? failed('date_of_birth', 'birth_date_in_future')
            : passed('date_of_birth'),
          has('AAMVA_UNDER_18') ? failed('minimum_age', 'under_minimum_age') : passed('minimum_age'),
          has('AAMVA_IIN_STATE_MISMATCH') || has('AAMVA_IIN_UNKNOWN')
            ? failed('issuer', 'issuer_mismatch')
            : passed('issuer'),
        );
      }
    }
  } else {
    const format = input.type === 'passport' ? 'TD3' : 'TD1';
    const mrzImage = input.type === 'passport' ? front : back!;
    const mrz = await stage('mrz', () => analyzers.readMrz(mrzImage, format));
    if (!mrz || !mrz.result.ok) {
      checks.push(
        await explain(input.type === 'passport' ? 'front' : 'back', mrzImage, 'mrz', 'mrz_not_found'),
      );
    } else {
      const doc = mrz.result.value;
      checks.push(passed('mrz'));
      fields = fieldsFromMrz(doc);
      source = 'mrz';
      checks.push(...mrzChecks(doc, input.type, now, today, config.minimumAge));
    }
  }

  // 4. The portrait on the front, the printed text (in parallel: OCR runs in its own thread), the selfie.
  const card = isPassportBook ? null : await locate(front);
  if (input.type !== 'passport')
    checks.push(card ? passed('card_found') : unknown('card_found', 'not_readable'));
  const frontView = card?.crop ?? front;
  const printed =
    config.printedTextCheck === 'on' && source === 'barcode' && fields
      ? stage('printed_text', () => analyzers.readPrintedText(frontView))
      : undefined;
  const portraitFaces = await stage('portrait', () => analyzers.faces(frontView));
  const portrait = portraitOf(portraitFaces);
  portraitFaces.forEach((face) => embeddings.push(face.embedding));
  if (portrait === 'none') checks.push(await explain('front', front, 'portrait', 'portrait_not_found'));
  else if (portrait === 'several') checks.push(failed('portrait', 'portrait_multiple_faces'));
  else checks.push(passed('portrait'), passed('front_image'));

  if (printed && fields) {
    const text = await printed;
    const match = matchPrintedText(text.text, fields);
    checks.push(match.name, match.dateOfBirth);
  }

  let face: FaceResult | undefined;
  if (selfies.length > 0) {
    const selfie = await stage('selfie', () => analyzers.selfie(selfies));
    if (selfie.face) embeddings.push(selfie.face.embedding);
    if (selfie.faceCount === 0 || !selfie.face) {
      checks.push(failed('selfie_face', 'selfie_no_face'));
    } else if (selfie.faceCount > 1 || !selfie.consistent) {
      checks.push(failed('selfie_face', 'selfie_multiple_faces'));
    } else {
      checks.push(passed('selfie_image'), passed('selfie_face'));
      const live = selfie.liveness >= config.livenessThreshold;
      checks.push(live ? passed('selfie_liveness') : failed('selfie_liveness', 'selfie_not_live'));
      const score =
        typeof portrait === 'object'
          ? analyzers.similarity(selfie.face.embedding, portrait.embedding)
          : undefined;
      const match = score !== undefined && score >= config.faceMatchThreshold;
      checks.push(
        score === undefined
          ? unknown('face_match', 'not_checked')
          : match
            ? passed('face_match')
            : failed('face_match', 'face_mismatch'),
      );
      face = {
        match,
        score: score === undefined ? undefined : round3(score),
        liveness: round3(selfie.liveness),
      };
    }
  }
  return finish({ source, fields }, face);
}

/** Whether a located card covers enough of the photo to be the card rather than something on it. */
function isCardSized(located: LocatedCard | null, photo: DecodedImage): located is LocatedCard {
  return (
    located !== null && located.crop.width * located.crop.height >= MIN_CARD_AREA * photo.width * photo.height
  );
}

/** A photo cropped to the card (ISO ID-1, 85.6 × 54 mm) shows no edges to find: it is the card. */
function frameIsCardShaped(photo: DecodedImage): boolean {
  const aspect = Math.max(photo.width, photo.height) / Math.min(photo.width, photo.height);
  return aspect >= 1.45 && aspect <= 1.72;
}

function imageErrorCode(error: ImageError): FailureCode {
  if (error.code === 'unsupported_format') return 'image_unsupported_format';
  if (error.code === 'image_too_large') return 'image_too_large';
  return 'image_unreadable';
}

function documentTypeCheck(type: DocumentType, barcodeType: 'DL' | 'ID' | undefined): Check {
  if (barcodeType === undefined) return unknown('document_type', 'not_readable');
  const expected = type === 'drivers-license' ? 'DL' : 'ID';
  return barcodeType === expected
    ? passed('document_type')
    : failed('document_type', 'document_type_mismatch');
}

function mrzChecks(
  doc: MrzDocument,
  type: DocumentType,
  now: Date,
  today: string,
  minimumAge: number,
): Check[] {
  const problems = validateMrz(doc, { referenceDate: now });
  const has = (code: string) => problems.some((problem) => problem.code === code);
  const rightShape =
    type === 'passport' ? doc.format === 'TD3' && doc.documentCode.startsWith('P') : doc.format === 'TD1';
  const checks: Check[] = [
    doc.checkDigitsValid ? passed('mrz_check_digits') : failed('mrz_check_digits', 'mrz_check_digit_failed'),
    rightShape ? passed('document_type') : failed('document_type', 'document_type_mismatch'),
    doc.issuingState === 'USA' ? passed('issuer') : failed('issuer', 'document_not_accepted'),
    has('MRZ_EXPIRED') || has('MRZ_EXPIRY_INVALID')
      ? failed('document_expiry', 'document_expired')
      : passed('document_expiry'),
  ];
  const birth = doc.birthDate.iso;
  if (birth === undefined || has('MRZ_BIRTH_DATE_IN_FUTURE')) {
    checks.push(failed('date_of_birth', 'birth_date_in_future'), unknown('minimum_age', 'not_checked'));
  } else {
    checks.push(
      passed('date_of_birth'),
      hasReachedAge(birth, minimumAge, today)
        ? passed('minimum_age')
        : failed('minimum_age', 'under_minimum_age'),
    );
  }
  return checks;
}

/** The document's portrait: the largest face, unless another face of similar size is there too. */
function portraitOf(faces: readonly FaceFound[]): FaceFound | 'none' | 'several' {
  if (faces.length === 0) return 'none';
  const sorted = [...faces].sort((a, b) => b.box.width - a.box.width);
  const [largest, second] = sorted;
  if (second && second.box.width >= largest!.box.width * GHOST_PORTRAIT_RATIO) return 'several';
  return largest!;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;
