// Text drawn as SVG paths from fonts shipped in npm (USWDS's Public Sans and Roboto Mono, and the
// OCR-B that bwip-js ships, ICAO's MRZ typeface with a plain oval zero), so
// specimen documents render the same on every machine, with or without system fonts: librsvg
// (inside sharp) would otherwise substitute whatever fontconfig finds, or nothing.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';

export type SpecimenFont = 'sans' | 'sans-bold' | 'mono' | 'serif-bold' | 'ocr-b';

const require = createRequire(import.meta.url);
// `@uswds/uswds/css/uswds.min.css` resolves to dist/css/uswds.min.css; the fonts sit beside it.
const fontsDir = join(dirname(dirname(require.resolve('@uswds/uswds/css/uswds.min.css'))), 'fonts');
// bwip-js exports no path to its fonts: its entry point sits in dist/, the fonts in fonts/ beside it.
const bwipFontsDir = join(dirname(dirname(require.resolve('bwip-js'))), 'fonts');
const FONT_FILES: Record<SpecimenFont, string> = {
  sans: join(fontsDir, 'public-sans/PublicSans-Regular.ttf'),
  'sans-bold': join(fontsDir, 'public-sans/PublicSans-Bold.ttf'),
  mono: join(fontsDir, 'roboto-mono/roboto-mono-v5-latin-regular.ttf'),
  'serif-bold': join(fontsDir, 'merriweather/Latin-Merriweather-Bold.ttf'),
  // Matthew Skala's OCR-B, shipped by bwip-js for human-readable barcode text.
  'ocr-b': join(bwipFontsDir, 'OCRB7.ttf'),
};

interface LoadedFont {
  unitsPerEm: number;
  layout(text: string): {
    glyphs: { path: { toSVG(): string } }[];
    positions: { xAdvance: number; xOffset: number; yOffset: number }[];
    advanceWidth: number;
  };
}
const cache = new Map<SpecimenFont, LoadedFont>();

function font(name: SpecimenFont): LoadedFont {
  let loaded = cache.get(name);
  if (!loaded) {
    loaded = fontkit.openSync(FONT_FILES[name]) as unknown as LoadedFont;
    cache.set(name, loaded);
  }
  return loaded;
}

export interface TextOptions {
  font?: SpecimenFont;
  /** Font size in pixels (the em square). */
  size: number;
  /** Left edge of the text (or its anchor point, see `anchor`). */
  x: number;
  /** Baseline. */
  y: number;
  fill?: string;
  /** Extra space between characters, in pixels. */
  letterSpacing?: number;
  anchor?: 'start' | 'middle' | 'end';
  opacity?: number;
}

/** Width in pixels of `text` set in `fontName` at `size`. */
export function textWidth(
  text: string,
  size: number,
  fontName: SpecimenFont = 'sans',
  letterSpacing = 0,
): number {
  const f = font(fontName);
  const run = f.layout(text);
  return (run.advanceWidth * size) / f.unitsPerEm + letterSpacing * Math.max(0, text.length - 1);
}

/** An SVG `<g>` element drawing `text` as filled paths. */
export function svgText(text: string, options: TextOptions): string {
  const fontName = options.font ?? 'sans';
  const f = font(fontName);
  const scale = options.size / f.unitsPerEm;
  const spacing = options.letterSpacing ?? 0;
  const run = f.layout(text);
  const width = textWidth(text, options.size, fontName, spacing);
  const shift = options.anchor === 'middle' ? width / 2 : options.anchor === 'end' ? width : 0;
  let penX = 0;
  const parts: string[] = [];
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i]!;
    const d = glyph.path.toSVG();
    if (d) {
      const gx = (options.x - shift + penX + pos.xOffset * scale).toFixed(2);
      const gy = (options.y - pos.yOffset * scale).toFixed(2);
      parts.push(
        `<path transform="translate(${gx} ${gy}) scale(${scale.toFixed(5)} ${(-scale).toFixed(5)})" d="${d}"/>`,
      );
    }
    penX += pos.xAdvance * scale + spacing;
  });
  const opacity = options.opacity === undefined ? '' : ` fill-opacity="${options.opacity}"`;
  return `<g fill="${options.fill ?? '#111'}"${opacity}>${parts.join('')}</g>`;
}
