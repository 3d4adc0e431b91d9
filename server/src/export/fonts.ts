import { existsSync, readFileSync } from 'node:fs'
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
/**
 * Chinese, Japanese and Korean: Noto Sans CJK (SIL OFL 1.1) is too large to ship with the app (about
 * 20 MB per weight). It is used when the system has it: Debian's `fonts-noto-cjk` package
 * (`apt-get install fonts-noto-cjk`), or the file named by TISCHRUNDE_CJK_FONT (a .ttc/.otf/.ttf).
 * Without it, CJK text is not dropped: its characters print as empty boxes, and the PDF carries the
 * text itself as ActualText, so copying, search and screen readers still get it (pdf-layout.ts).
 */
export const CJK_FONT_FILES = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf'] as const
/** The face of a font collection used: Simplified Chinese (the collection's faces share the Han glyphs). */
const CJK_FACE = 'NotoSansCJKsc-Regular'

export type FallbackFont = keyof typeof FALLBACK_FONT_FILES | 'cjk'

let fallbacks: Record<Exclude<FallbackFont, 'cjk'>, ParsedFont> | undefined
let withCjk: { file: string | undefined; fonts: Partial<Record<FallbackFont, ParsedFont>> } | undefined

/** The fallback fonts, parsed once per process; `cjk` only where the system has such a font. */
export function fallbackFonts(): Partial<Record<FallbackFont, ParsedFont>> {
  const file = cjkFontFile()
  if (withCjk && withCjk.file === file) return withCjk.fonts
  const fontkit = require('fontkit') as { create(buffer: Buffer, postscriptName?: string): ParsedFont }
  const load = (name: string) => warm(fontkit.create(readFileSync(require.resolve(name))))
  fallbacks ??= { arabic: load(FALLBACK_FONT_FILES.arabic), ethiopic: load(FALLBACK_FONT_FILES.ethiopic), emoji: load(FALLBACK_FONT_FILES.emoji) }
  const fonts: Partial<Record<FallbackFont, ParsedFont>> = { ...fallbacks }
  if (file) {
    try {
      // Not warmed: tens of thousands of glyphs; Han characters are no composites of others.
      fonts.cjk = fontkit.create(readFileSync(file), file.endsWith('.ttc') ? CJK_FACE : undefined)
    } catch {
      // An unreadable font file: CJK text is kept as ActualText, as without the font.
    }
  }
  withCjk = { file, fonts }
  return fonts
}

/** The CJK font file to use, if any: TISCHRUNDE_CJK_FONT, else Debian's fonts-noto-cjk. */
export function cjkFontFile(): string | undefined {
  const chosen = process.env.TISCHRUNDE_CJK_FONT
  if (chosen) return existsSync(chosen) ? chosen : undefined
  return CJK_FONT_FILES.find((f) => existsSync(f))
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
