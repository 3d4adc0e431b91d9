import { LINE_GAP } from './pdf-page.js'

/**
 * What PDF text layout can reuse across documents. An export lays the same words out many times: a
 * table's cards in the documentation and again in the table's own sheet, each trial size of a
 * one-page sheet, and every document of a ZIP. pdfkit keeps its shaped words per document only, and
 * shaping a word with fontkit (kerning, ligatures, contextual forms) is most of the cost of a PDF:
 * these caches keep the results for the process (the export worker), bounded in size.
 */

/** A word shaped by fontkit and scaled by pdfkit: the same for every document using that parsed font. */
type GlyphRun = { advanceWidth: number }
/** The part of pdfkit's EmbeddedFont that caches shaped words. */
interface CachingFont {
  font: object
  layoutRun(text: string): GlyphRun
  layoutCached(text: string): GlyphRun
}

/** Words kept per font; about 1 KB each. Past this the cache starts afresh (one event rarely has so many). */
const MAX_WORDS = 40_000
let runsByFont = new WeakMap<object, Map<string, GlyphRun>>()
/** Every TextMemo, so the caches can be emptied together. */
const memos = new Set<TextMemo<unknown>>()

/** Forgets every shaped word, measured text and hyphenation (for benchmarks of a first export). */
export function resetTextCaches(): void {
  runsByFont = new WeakMap()
  for (const memo of memos) memo.clear()
}

/**
 * Makes the font pdfkit is currently using in `doc` share its shaped words with every other
 * document using the same parsed font. A shaped word is only read after it is made (pdfkit copies
 * glyphs and positions into new arrays to draw them), so sharing it is safe.
 */
export function shareShapedWords(doc: PDFKit.PDFDocument): void {
  const font = (doc as unknown as { _font: CachingFont })._font
  if (!font || Object.hasOwn(font, 'layoutCached')) return
  let runs = runsByFont.get(font.font)
  if (!runs) runsByFont.set(font.font, (runs = new Map()))
  const shared = runs
  font.layoutCached = (text: string) => {
    let run = shared.get(text)
    if (run === undefined) {
      if (shared.size >= MAX_WORDS) shared.clear()
      run = font.layoutRun(text)
      shared.set(text, run)
    }
    return run
  }
}

/** A bounded memo for a pure function of a string key (texts measured or hyphenated again and again). */
export class TextMemo<T> {
  private readonly entries = new Map<string, T>()
  constructor(private readonly max: number) {
    memos.add(this as TextMemo<unknown>)
  }

  clear(): void {
    this.entries.clear()
  }

  get(key: string, make: () => T): T {
    const known = this.entries.get(key)
    if (known !== undefined) return known
    const made = make()
    if (this.entries.size >= this.max) this.entries.clear()
    this.entries.set(key, made)
    return made
  }
}

/** pdfkit's text layout, which `heightOfString` runs: here to keep the lines it makes (pdfkit has no public way to). */
export interface PdfkitText {
  x: number
  y: number
  currentLineHeight(includeGap: boolean): number
  _text(text: string, x: number, y: number, options: object, lineCallback: (line: string) => void): void
  /** Writes one line at (x, y); `textWidth` is only needed for links and underlines, which these lines have not. */
  _fragment(text: string, x: number, y: number, options: { textWidth: number; wordCount: number; destination?: string }): void
}

/**
 * Breaks text in the current font into lines `width` wide, as `heightOfString` does (the same
 * pdfkit line breaker, soft hyphens drawn as "-" at a line's end), keeping the lines, so drawing
 * does not break them again.
 */
export function wrapText(pdf: PDFKit.PDFDocument, text: string, width: number): { lines: string[]; height: number } {
  const doc = pdf as unknown as PdfkitText
  const { x, y } = doc
  const lines: string[] = []
  doc._text(text, x, y, { width, lineGap: LINE_GAP, height: Infinity }, (line) => {
    lines.push(line.replaceAll('\n', ''))
    doc.y += doc.currentLineHeight(true) + LINE_GAP
  })
  const height = doc.y - y
  doc.x = x
  doc.y = y
  return { lines, height }
}
