// The engine's port to the image analysers, and its local implementation: sharp for pixels,
// zxing-wasm for PDF417, tesseract.js for the MRZ and printed text, @vladmandic/human for faces, all
// loaded from node_modules (nothing is fetched). Each loads on first use, so a command that needs no
// faces never pays for the face models. A deployer could put a remote analyser behind this port.
import type { DecodedImage } from '../images/decode-image.ts';
import type { Box, LocatedCard as FoundCard } from '../images/locate-card.ts';
import type { MrzParseResult } from '../documents/mrz.ts';
import { assessQuality } from '../images/image-quality.ts';
import { faceSimilarity } from '../faces/face-match.ts';

export type { DecodedImage };

export interface QualityReport {
  issues: readonly ('image_too_small' | 'image_blurry' | 'image_glare')[];
  metrics: Readonly<Record<string, number>>;
}

/** What the engine uses of a located card: its box, its tilt and the straightened crop. */
export type LocatedCard = Pick<FoundCard, 'box' | 'angle' | 'crop'>;

export interface FaceFound {
  box: { x: number; y: number; width: number; height: number };
  score: number;
  embedding: Float32Array;
  real: number | undefined;
  live: number | undefined;
}

export interface SelfieFound {
  face: FaceFound | undefined;
  faceCount: number;
  liveness: number;
  consistent: boolean;
  motion: boolean;
}

export interface IdvAnalyzers {
  decode(bytes: Uint8Array, maxSide: number): Promise<DecodedImage>;
  /** `cardBox`: where the card is, so that glare and blur are measured on it rather than the table. */
  quality(image: DecodedImage, kind: 'card' | 'passport' | 'selfie', cardBox?: Box): QualityReport;
  locateCard(image: DecodedImage): Promise<LocatedCard | null>;
  readBarcode(image: DecodedImage): Promise<{ text: string; strategy: string } | null>;
  readMrz(
    image: DecodedImage,
    format: 'TD1' | 'TD3',
  ): Promise<{ lines: string[]; result: MrzParseResult } | null>;
  readPrintedText(image: DecodedImage): Promise<{ text: string }>;
  faces(image: DecodedImage): Promise<readonly FaceFound[]>;
  selfie(frames: readonly DecodedImage[]): Promise<SelfieFound>;
  similarity(a: Float32Array, b: Float32Array): number;
  close(): Promise<void>;
}

/** The analysers that run on this machine. */
export function localAnalyzers(): IdvAnalyzers {
  let ocrUsed = false;
  let facesUsed = false;
  const ocr = () => {
    ocrUsed = true;
    return import('../mrz-ocr/read-mrz.ts');
  };
  const faces = () => {
    facesUsed = true;
    return import('../faces/face-analyzer.ts');
  };
  return {
    decode: async (bytes, maxSide) =>
      (await import('../images/decode-image.ts')).decodeImage(bytes, { maxSide }),
    quality: (image, kind, cardBox) => assessQuality(image, kind, cardBox),
    locateCard: async (image) => (await import('../images/locate-card.ts')).locateCard(image),
    readBarcode: async (image) => (await import('../barcode/read-pdf417.ts')).readPdf417(image),
    readMrz: async (image, format) => (await ocr()).readMrz(image, format),
    readPrintedText: async (image) => {
      ocrUsed = true;
      return (await import('../mrz-ocr/read-printed-text.ts')).readPrintedText(image);
    },
    faces: async (image) => {
      facesUsed = true;
      return (await import('../faces/refine-small-faces.ts')).analyzeFacesRefined(image);
    },
    selfie: async (frames) => (await faces()).analyzeSelfie([...frames]),
    similarity: faceSimilarity,
    close: async () => {
      await Promise.allSettled([
        ocrUsed ? import('../mrz-ocr/tesseract-worker.ts').then((m) => m.closeMrzWorker()) : undefined,
        facesUsed ? import('../faces/human-loader.ts').then((m) => m.closeHuman()) : undefined,
      ]);
    },
  };
}
