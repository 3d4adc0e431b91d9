import { type FallbackFont, fallbackFonts } from './fonts.js'
import { FONT, LINE_GAP } from './pdf-page.js'
import { type ScriptRun, scriptRuns, visualOrder } from './pdf-scripts.js'

/**
 * Text that pdfkit cannot lay out alone: runs in fallback fonts (Arabic, Ethiopic, emoji, CJK) and
 * right-to-left lines. Broken into lines here at spaces (and between characters for words wider
 * than a line) and drawn run by run, right to left in visual order.
 */

/** One line of a block laid out here: its words (each in runs of one font) and their widths. */
export interface ScriptLine {
  words: { runs: ScriptRun[]; width: number }[]
  width: number
}

/** What `drawLines` needs of a block. */
interface ScriptBlock {
  font: keyof typeof FONT
  size: number
  color: string
  lines?: ScriptLine[]
  rtl?: boolean
}

const GRAPHEMES = new Intl.Segmenter('de', { granularity: 'grapheme' })

export class ScriptLines {
  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** Selects the font a run is set in (registering a fallback font in this document on first use). */
  useFont(font: keyof typeof FONT, fallback: FallbackFont | null, size: number): void {
    if (fallback === null) {
      this.doc.font(FONT[font]).fontSize(size)
      return
    }
    const name = `fallback-${fallback}`
    if (!this.registered.has(name)) {
      this.doc.registerFont(name, fallbackFonts()[fallback] as unknown as Buffer)
      this.registered.add(name)
    }
    this.doc.font(name).fontSize(size)
  }
  private readonly registered = new Set<string>()

  lineHeight(font: keyof typeof FONT, size: number, runs: readonly ScriptRun[]): number {
    let height = 0
    for (const fallback of new Set(runs.map((r) => r.fallback))) {
      this.useFont(font, fallback, size)
      height = Math.max(height, this.doc.currentLineHeight(true))
    }
    return height + LINE_GAP
  }

  wordWidth(runs: readonly ScriptRun[], font: keyof typeof FONT, size: number): number {
    let width = 0
    for (const run of runs) {
      this.useFont(font, run.fallback, size)
      width += this.doc.widthOfString(run.text)
    }
    return width
  }

  /** Greedy line breaking at spaces and line breaks, each word measured in its fonts. */
  breakLines(text: string, font: keyof typeof FONT, size: number, width: number): ScriptLine[] {
    this.useFont(font, null, size)
    const space = this.doc.widthOfString(' ')
    const lines: ScriptLine[] = []
    for (const paragraph of text.split('\n')) {
      let line: ScriptLine = { words: [], width: 0 }
      for (const word of paragraph.split(' ').filter(Boolean).flatMap((w) => this.fitWord(w, font, size, width))) {
        const runs = scriptRuns(word)
        const w = this.wordWidth(runs, font, size)
        const needed = line.words.length ? line.width + space + w : w
        if (line.words.length && needed > width) {
          lines.push(line)
          line = { words: [{ runs, width: w }], width: w }
        } else {
          line.words.push({ runs, width: w })
          line.width = needed
        }
      }
      lines.push(line)
    }
    return lines
  }

  /**
   * A word wider than the line split between characters (never inside a character with its marks):
   * Chinese and Japanese write sentences without spaces, and may break between any two characters.
   */
  fitWord(word: string, font: keyof typeof FONT, size: number, width: number): string[] {
    if (this.wordWidth(scriptRuns(word), font, size) <= width) return [word]
    const pieces: string[] = []
    let piece = ''
    for (const { segment } of GRAPHEMES.segment(word)) {
      if (piece && this.wordWidth(scriptRuns(piece + segment), font, size) > width) {
        pieces.push(piece)
        piece = ''
      }
      piece += segment
    }
    if (piece) pieces.push(piece)
    return pieces
  }

  /** Draws lines laid out by `breakLines`: left-aligned, or right-aligned in visual order for right-to-left text. */
  drawLines(block: ScriptBlock, x: number, y: number, width: number): void {
    const runsOf = (word: { runs: ScriptRun[] }) => word.runs
    const lineHeight = this.lineHeight(block.font, block.size, block.lines!.flatMap((l) => l.words.flatMap(runsOf)))
    this.useFont(block.font, null, block.size)
    const space = this.doc.widthOfString(' ')
    block.lines!.forEach((line, i) => {
      const top = y + i * lineHeight
      let cursor = block.rtl ? x + width - line.width : x
      const byText = new Map(line.words.map((w) => [w.runs.map((r) => r.text).join(''), w]))
      const words = block.rtl ? visualOrder(line.words.map((w) => w.runs.map((r) => r.text).join(''))).map((t) => byText.get(t)!) : line.words
      for (const word of words) {
        for (const run of word.runs) {
          this.useFont(block.font, run.fallback, block.size)
          // Characters no font draws: boxes on paper, but the text itself for copying and screen readers.
          if (run.missing) this.doc.markContent('Span', { actual: run.text } as PDFKit.Mixins.MarkingOptions)
          this.doc.fillColor(block.color).text(run.text, cursor, top, { lineBreak: false })
          if (run.missing) this.doc.endMarkedContent()
          cursor += this.doc.widthOfString(run.text)
        }
        cursor += space
      }
    })
  }
}
