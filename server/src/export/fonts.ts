import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * DejaVu Sans, shipped by the `dejavu-fonts-ttf` package: covers German and most European and
 * Cyrillic/Greek scripts. PDFs embed a subset of it, so they never depend on the reader's fonts.
 */
export interface SheetFonts {
  regular: Buffer
  bold: Buffer
}

/** A font as fontkit parses it; pdfkit takes one in place of the file's bytes (anything with `layout`). */
export interface ParsedFont {
  layout(text: string): unknown
}

let cached: SheetFonts | undefined
let parsed: { regular: ParsedFont; bold: ParsedFont } | undefined
const require = createRequire(import.meta.url)

/** Reads the font files once per process (about 1.4 MB). */
export function sheetFonts(): SheetFonts {
  if (cached) return cached
  const file = (name: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`))
  cached = { regular: file('DejaVuSans.ttf'), bold: file('DejaVuSans-Bold.ttf') }
  return cached
}

/**
 * The fonts parsed once per process: parsing a 700 KB font is most of the cost of a small PDF, and a
 * parsed font can serve every document (each embeds its own subset of the glyphs it used).
 */
export function parsedSheetFonts(): { regular: ParsedFont; bold: ParsedFont } {
  if (parsed) return parsed
  const fontkit = require('fontkit') as { create(buffer: Buffer): ParsedFont }
  const fonts = sheetFonts()
  parsed = { regular: fontkit.create(fonts.regular), bold: fontkit.create(fonts.bold) }
  return parsed
}
