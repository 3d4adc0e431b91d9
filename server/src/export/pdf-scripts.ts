import { type FallbackFont, type ParsedFont, fallbackFonts, parsedSheetFonts } from './fonts.js'

/**
 * Text in scripts DejaVu Sans does not draw (Arabic, Persian, Tigrinya, emoji) is set in a fallback
 * font, run by run; right-to-left paragraphs are laid out right to left. Pure functions over the
 * parsed fonts: the PDF layout draws what they say.
 */

/** A piece of text in one font: DejaVu (`null`) or a fallback. */
export interface ScriptRun {
  fallback: FallbackFont | null
  text: string
  /** No font at hand draws these characters: they print as boxes, and the PDF keeps them as ActualText. */
  missing?: boolean
}

/** Characters DejaVu draws for certain: nothing to look up (most German text is only these). */
const PLAIN = /^[ -\u024f\u2000-\u206f\u20ac\u2190-\u21ff\n]*$/
/** Joiners, variation selectors, combining marks, skin tones and tags: they belong to the character before them. */
const CLINGING: readonly [number, number][] = [
  [0x200c, 0x200d],
  [0xfe00, 0xfe0f],
  [0x0300, 0x036f],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x1f3fb, 0x1f3ff],
  [0xe0020, 0xe007f],
]
const clings = (cp: number) => CLINGING.some(([from, to]) => cp >= from && cp <= to)
const ORDER: readonly FallbackFont[] = ['arabic', 'ethiopic', 'emoji', 'cjk']

/** Splits text into runs by the font that draws them; one run with `fallback: null` for text DejaVu draws alone. */
export function scriptRuns(text: string): ScriptRun[] {
  if (PLAIN.test(text)) return [{ fallback: null, text }]
  const base: ParsedFont = parsedSheetFonts().regular
  const fallbacks = fallbackFonts()
  const runs: ScriptRun[] = []
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    const prev = runs.at(-1)
    let font: FallbackFont | null
    let missing = false
    if (prev && (clings(cp) || (ch === ' ' && prev.fallback !== 'emoji' && !prev.missing))) {
      font = prev.fallback
      missing = Boolean(prev.missing)
    } else if (base.hasGlyphForCodePoint(cp) && !isEmojiPresentation(cp)) font = null
    else {
      font = ORDER.find((f) => fallbacks[f]?.hasGlyphForCodePoint(cp)) ?? null
      missing = font === null && !base.hasGlyphForCodePoint(cp)
    }
    if (prev && prev.fallback === font && Boolean(prev.missing) === missing) prev.text += ch
    else runs.push(missing ? { fallback: font, text: ch, missing } : { fallback: font, text: ch })
  }
  return runs
}

/** Pictographs DejaVu has a plain glyph for but people mean as emoji (☕ ⚽ ❤). */
function isEmojiPresentation(cp: number): boolean {
  return cp >= 0x1f000 || (cp >= 0x2600 && cp <= 0x27bf)
}

/** Right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms. */
const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/
const LTR_CHAR = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u1200-\u137f\u3040-\u9fff\uac00-\ud7af]/

/** A paragraph whose first strong character is right-to-left (Unicode's rule P2, simplified). */
export function isRightToLeft(text: string): boolean {
  for (const ch of text) {
    if (RTL_CHAR.test(ch)) return true
    if (LTR_CHAR.test(ch)) return false
  }
  return false
}

/**
 * The words of one right-to-left line in the order they are drawn from left to right: runs of
 * right-to-left words reversed, and the runs themselves in reverse, so a German name or a number in
 * an Arabic sentence keeps its own order (Unicode's bidi algorithm for words, simplified).
 */
export function visualOrder(words: readonly string[]): string[] {
  const groups: { rtl: boolean; words: string[] }[] = []
  for (const word of words) {
    const rtl = !LTR_CHAR.test(word) || RTL_CHAR.test(word)
    const last = groups.at(-1)
    if (last && last.rtl === rtl) last.words.push(word)
    else groups.push({ rtl, words: [word] })
  }
  return groups.reverse().flatMap((g) => (g.rtl ? [...g.words].reverse() : g.words))
}
