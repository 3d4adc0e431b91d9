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
  characterSet: number[]
  glyphForCodePoint(codePoint: number): unknown
  hasGlyphForCodePoint(codePoint: number): boolean
}

/**
 * Fonts for the scripts DejaVu Sans lacks, from npm packages of Google's Noto fonts (SIL Open Font
 * License 1.1, their LICENSE files ship in each package): Arabic and Persian, Ethiopic (Tigrinya,
 * Amharic) and emoji (the monochrome Noto Emoji). Regular weight only: bold text in these scripts is
 * set regular.
 */
export const FALLBACK_FONT_FILES = {
  arabic: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  ethiopic: '@expo-google-fonts/noto-sans-ethiopic/400Regular/NotoSansEthiopic_400Regular.ttf',
  emoji: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
} as const
export type FallbackFont = keyof typeof FALLBACK_FONT_FILES

let fallbacks: Record<FallbackFont, ParsedFont> | undefined

/** The fallback fonts, parsed once per process. */
export function fallbackFonts(): Record<FallbackFont, ParsedFont> {
  if (fallbacks) return fallbacks
  const fontkit = require('fontkit') as { create(buffer: Buffer): ParsedFont }
  const load = (file: string) => warm(fontkit.create(readFileSync(require.resolve(file))))
  fallbacks = { arabic: load(FALLBACK_FONT_FILES.arabic), ethiopic: load(FALLBACK_FONT_FILES.ethiopic), emoji: load(FALLBACK_FONT_FILES.emoji) }
  return fallbacks
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
  parsed = { regular: warm(fontkit.create(fonts.regular)), bold: warm(fontkit.create(fonts.bold)) }
  return parsed
}

/**
 * fontkit keeps each glyph it made, with the characters it was made for, and a PDF's text layer maps
 * glyphs back to characters by them. A glyph first made as a part of another ("O" inside "Ö", when a
 * document embeds "Ö" before it writes an "O") would carry no characters for every later document:
 * made here first, each glyph carries its character.
 */
function warm(font: ParsedFont): ParsedFont {
  for (const codePoint of font.characterSet) if (!isPresentationForm(codePoint)) font.glyphForCodePoint(codePoint)
  return font
}

/**
 * Ligatures (ﬀ, ﬁ) and Arabic presentation forms: glyphs that shaping puts in for other characters.
 * They are left to be made by shaping, with the characters they stand for ("ff"), so copied text
 * reads "öffentlich", not "öﬀentlich".
 */
function isPresentationForm(codePoint: number): boolean {
  return (codePoint >= 0xfb00 && codePoint <= 0xfdff) || (codePoint >= 0xfe70 && codePoint <= 0xfeff)
}
