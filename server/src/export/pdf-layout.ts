import PDFDocument from 'pdfkit'
import { parsedSheetFonts } from './fonts.js'
import { COLOR, CONTENT_BOTTOM, CONTENT_WIDTH, FONT, LINE_GAP, MARGIN, PAGE } from './pdf-page.js'
import { type ScriptLine, ScriptLines } from './pdf-script-lines.js'
import { isRightToLeft, scriptRuns } from './pdf-scripts.js'
import { type PdfkitText, TextMemo, shareShapedWords, wrapText } from './pdf-text-cache.js'

/**
 * A small page layout on top of pdfkit: A4, our own page breaks (pdfkit's automatic ones are off,
 * so nothing is ever drawn half on the wrong page), and columns laid side by side that each flow
 * on over as many pages as they need.
 */

export { CONTENT_BOTTOM, CONTENT_WIDTH, COLOR, FONT, LINE_GAP, MARGIN, PAGE } from './pdf-page.js'

/** Where a block's text goes in the PDF's structure tree (what screen readers and copying read). */
export interface BlockTags {
  /** The element that gets the text, with its structure type ('P', 'H2', 'LBody', …). */
  body: { el: PDFKit.PDFStructureElement; type: string }
  /** The list item's label element, which gets the bullet or number. */
  label?: PDFKit.PDFStructureElement
}

/** One piece of text laid out at a fixed width, already measured. */
export interface TextBlock {
  text: string
  font: keyof typeof FONT
  size: number
  color: string
  /** Left edge relative to the column. */
  indent: number
  width: number
  /** Height including the gap after it. */
  height: number
  gapAfter: number
  /** A glyph drawn left of the text (a bullet), at `bulletIndent`. */
  bullet?: { glyph: string; indent: number }
  /** Draw a filled band behind it (column heads). */
  band?: boolean
  /** Its place in the structure tree; without it the text is drawn as an artifact (decoration). */
  tags?: BlockTags
  /** Lines laid out here, for text with other scripts (fallback fonts) or right to left; else pdfkit wraps it. */
  lines?: ScriptLine[]
  rtl?: boolean
  /** Text in our own fonts: the lines pdfkit broke it into when measuring, drawn as they are. */
  wrapped?: readonly string[]
}


/** What a page belongs to, for its running header: the table and the station it continues. */
export interface PageContext {
  table: string
  station?: string
  /** The page goes on with a table begun on an earlier page. */
  continued: boolean
}

/** Blocks that should stay on one page together when they fit (a card and its sub-points). */
export type Unit = TextBlock[]

/** A column to flow: its head, the head repeated on later pages, and its units. */
export interface FlowColumn {
  head: TextBlock
  continuedHead: TextBlock
  units: Unit[]
}

/** What the running header says: `left`/`right` on most pages; a continuation page's context, longest form first, and `short` on its right. */
export interface RunningHeader {
  left: string
  right: string
  short: string
  pageLabel: (n: number, of: number) => string
  continued: (c: PageContext) => string[]
}

/** Bookmarks as pdfkit makes them. */
export type Outline = PDFKit.PDFOutline

const BAND_PAD = 4
/** Heights of text in our own fonts at a width: the same cards are measured for the documentation, their sheet and its trial sizes. */
const wrappings = new TextMemo<{ lines: string[]; height: number }>(20_000)

export class PdfLayout {
  readonly doc: PDFKit.PDFDocument
  /** The root of the structure tree: everything that is read hangs below it, in reading order. */
  readonly root: PDFKit.PDFStructureElement
  /** Per page (by index): what it belongs to. */
  private readonly contexts: (PageContext | undefined)[] = []
  /** The table and station being written, carried onto the pages that continue them. */
  private context: Omit<PageContext, 'continued'> | undefined
  /** Per page: the lowest point anything was drawn down to (for the page-fill check). */
  readonly pageBottoms: number[] = [MARGIN.top]
  /**
   * Lays out without drawing: every block is measured and placed, pages are added and the cursor
   * moves exactly as when drawing, but no text or decoration is written. For trial layouts (will
   * this sheet fit one page at this size?); the chosen one is then laid out again and drawn.
   */
  readonly measureOnly: boolean
  /** Text in other scripts (fallback fonts) and right to left, laid out here. */
  private readonly scripts: ScriptLines

  constructor(info: { title: string; subject: string; measureOnly?: boolean }) {
    this.measureOnly = info.measureOnly ?? false
    this.doc = new PDFDocument({
      size: 'A4',
      // Bottom margin 0: pdfkit must never break pages by itself; `ensure` does it.
      margins: { top: MARGIN.top, left: MARGIN.left, right: MARGIN.right, bottom: 0 },
      bufferPages: true,
      pdfVersion: '1.7',
      // Tagged: the structure tree gives screen readers and copying the reading order (column by
      // column, not line by line across the page), headings and lists; headers are artifacts.
      tagged: true,
      // A tagged PDF, not claimed as PDF/UA (ISO 14289-1): no PDF/UA checker (veraPDF) has verified it,
      // so its metadata makes no such claim. The structure is checked by reading it back (structure.test.ts).
      lang: 'de-DE',
      displayTitle: true,
      info: { Title: info.title, Subject: info.subject, Author: 'Tischrunde', Creator: 'Tischrunde' },
      // No Helvetica loaded by default (its metrics file is parsed per document): our fonts follow.
      font: null as unknown as string,
    })
    this.root = this.doc.struct('Document')
    this.doc.addStructure(this.root)
    const fonts = parsedSheetFonts()
    // pdfkit takes a parsed font wherever it takes a font file (its types only name the file).
    this.doc.registerFont(FONT.regular, fonts.regular as unknown as Buffer)
    this.doc.registerFont(FONT.bold, fonts.bold as unknown as Buffer)
    // Each font, when first used in this document, shares the words shaped by earlier documents.
    const selectFont = this.doc.font.bind(this.doc)
    this.doc.font = ((...args: Parameters<PDFKit.PDFDocument['font']>) => {
      selectFont(...args)
      shareShapedWords(this.doc)
      return this.doc
    }) as PDFKit.PDFDocument['font']
    this.doc.font(FONT.regular)
    this.doc.y = MARGIN.top
    this.scripts = new ScriptLines(this.doc)
  }

  get y(): number {
    return this.doc.y
  }
  set y(value: number) {
    this.doc.y = value
  }

  /** Index of the page being written (0-based). */
  get pageIndex(): number {
    const range = this.doc.bufferedPageRange()
    return range.start + range.count - 1
  }

  newPage(): void {
    this.doc.addPage()
    this.doc.y = MARGIN.top
    this.pageBottoms.push(MARGIN.top)
    if (this.context) this.contexts[this.pageIndex] = { ...this.context, continued: true }
  }

  /** Names the table (and station) written from here on; a new table's first page is no continuation. */
  enter(table: string | undefined, station?: string): void {
    this.context = table === undefined ? undefined : { table, ...(station ? { station } : {}) }
    const here = this.contexts[this.pageIndex]
    if (!table) return
    if (!here || here.table !== table) this.contexts[this.pageIndex] = { table, continued: false }
    // The page broke just before this part: the page continues the table, not the part before it.
    else if (here.continued && this.doc.y <= MARGIN.top + 1) this.contexts[this.pageIndex] = { table, continued: true }
  }

  /** What each page belongs to (undefined: title page, agenda, contents). */
  pageContexts(): readonly (PageContext | undefined)[] {
    return Array.from({ length: this.pageIndex + 1 }, (_, i) => this.contexts[i])
  }

  /** Chapters after the tables (the "Sichtung", the actors) by title: their first page and the name the contents link to. */
  readonly chapterPlaces = new Map<string, { page: number; destination: string }>()

  /** Starts a chapter after the tables on this page: the contents list it with its page and a link. */
  startChapter(title: string): void {
    const destination = `chapter-${this.chapterPlaces.size + 1}`
    this.doc.addNamedDestination(destination, 'XYZ', MARGIN.left, this.doc.page.height - MARGIN.top, null)
    this.chapterPlaces.set(title, { page: this.pageIndex, destination })
  }

  /** A structure element below `parent` (the root by default), in reading order. */
  struct(type: string, parent: PDFKit.PDFStructureElement = this.root): PDFKit.PDFStructureElement {
    const el = this.doc.struct(type)
    parent.add(el)
    return el
  }

  /** Tags for a block that is all one element (a heading, a paragraph) below `parent`. */
  tag(type: string, parent: PDFKit.PDFStructureElement = this.root): BlockTags {
    return { body: { el: this.struct(type, parent), type } }
  }

  /** Draws decoration (rules, bands, running headers) as an artifact, outside the structure tree. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    if (this.measureOnly) return
    this.doc.markContent('Artifact', { type })
    draw()
    this.doc.endMarkedContent()
  }

  /** Draws into the structure element `el` (of structure type `type`). */
  private tagged(el: PDFKit.PDFStructureElement, type: string, draw: () => void): void {
    const content = this.doc.markStructureContent(type)
    draw()
    this.doc.endMarkedContent()
    el.add(content)
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > CONTENT_BOTTOM && this.doc.y > MARGIN.top) this.newPage()
  }

  /** Measures text as a block at `width` (bands get padding inside). */
  block(text: string, opts: Omit<TextBlock, 'text' | 'height'>): TextBlock {
    const inner = opts.band ? opts.width - 2 * BAND_PAD : opts.width
    const pad = opts.band ? 2 * BAND_PAD : 0
    const runs = scriptRuns(text)
    const rtl = isRightToLeft(text)
    if (runs.some((r) => r.fallback !== null || r.missing) || rtl) {
      // Laid out here at spaces only: soft hyphens would be drawn.
      text = text.replaceAll('\u00ad', '')
      const lines = this.scripts.breakLines(text, opts.font, opts.size, inner)
      return { ...opts, text, lines, rtl, height: lines.length * this.scripts.lineHeight(opts.font, opts.size, runs) + pad + opts.gapAfter }
    }
    this.doc.font(FONT[opts.font]).fontSize(opts.size)
    const wrapped = wrappings.get(`${opts.font}|${opts.size}|${inner}|${text}`, () => wrapText(this.doc, text, inner))
    return { ...opts, text, wrapped: wrapped.lines, height: wrapped.height + pad + opts.gapAfter }
  }

  /** Draws a measured block with its top-left at (x, y); returns the y below it. */
  draw(block: TextBlock, x: number, y: number, extra: { destination?: string } = {}): number {
    if (!this.measureOnly) this.drawBlock(block, x, y, extra)
    const bottom = y + block.height - block.gapAfter
    const page = this.currentPage()
    this.pageBottoms[page] = Math.max(this.pageBottoms[page] ?? 0, bottom)
    return y + block.height
  }

  private drawBlock(block: TextBlock, x: number, y: number, extra: { destination?: string }): void {
    const doc = this.doc
    if (block.band) this.artifact(() => doc.save().rect(x + block.indent, y, block.width, block.height - block.gapAfter).fill(COLOR.head).restore())
    const pad = block.band ? BAND_PAD : 0
    doc.font(FONT[block.font]).fontSize(block.size).fillColor(block.color)
    const bullet = block.bullet
    // A right-to-left list item is mirrored: its bullet or number on the right, the text to its left.
    const mirrored = Boolean(block.rtl && bullet?.glyph)
    if (bullet?.glyph) {
      const bulletX = mirrored ? x + block.indent + block.width - bullet.indent - doc.widthOfString(bullet.glyph) : x + bullet.indent
      const drawBullet = () => doc.text(bullet.glyph, bulletX, y + pad, { lineBreak: false })
      if (block.tags?.label) this.tagged(block.tags.label, 'Lbl', drawBullet)
      else this.artifact(drawBullet)
    }
    const drawText = () => {
      if (block.lines) return this.scripts.drawLines(block, (mirrored ? x : x + block.indent) + pad, y + pad, block.width - 2 * pad)
      const left = x + block.indent + pad
      // Lines broken when measured, drawn one by one; a block running past the page is left to pdfkit (it goes on on a new page).
      if (block.wrapped && y + block.height - block.gapAfter <= PAGE.height) {
        const step = doc.currentLineHeight(true) + LINE_GAP
        const text = doc as unknown as PdfkitText
        block.wrapped.forEach((line, i) => text._fragment(line, left, y + pad + i * step, { textWidth: 0, wordCount: 0, ...extra }))
      } else doc.text(block.text, left, y + pad, { width: block.width - 2 * pad, lineGap: LINE_GAP, ...extra })
    }
    if (block.tags) this.tagged(block.tags.body.el, block.tags.body.type, drawText)
    else this.artifact(drawText)
  }

  /** Draws a full-width block at the cursor, breaking the page first if it does not fit. */
  flow(block: TextBlock, extra: { destination?: string } = {}): void {
    this.ensure(block.height)
    this.doc.y = this.draw(block, MARGIN.left, this.doc.y, extra)
  }

  rule(y = this.doc.y, x1 = MARGIN.left, x2 = PAGE.width - MARGIN.right, color: string = COLOR.rule): void {
    this.artifact(() => this.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(0.6).strokeColor(color).stroke().restore())
  }

  /** The page being drawn on (which may be an earlier one after `switchToPage`). */
  private currentPage(): number {
    const pages = (this.doc as unknown as { _pageBuffer: unknown[]; page: unknown })._pageBuffer
    const at = pages.indexOf((this.doc as unknown as { page: unknown }).page)
    return at >= 0 ? at : this.pageIndex
  }

  /**
   * Lays columns side by side from the cursor down. Each column flows onto further pages on its
   * own, repeating its head; a unit moves to the next page whole when it fits on one. The cursor
   * ends below the longest column.
   */
  columns(columns: FlowColumn[], x: readonly number[], width: number, gap: number): void {
    const top = MARGIN.top
    const startY = this.doc.y
    type Placed = { block: TextBlock; y: number }
    const placed = columns.map((col) => {
      const pages: Placed[][] = [[]]
      let y = startY
      const put = (block: TextBlock) => {
        pages[pages.length - 1]!.push({ block, y })
        y += block.height
      }
      const turn = () => {
        pages.push([])
        y = top
        put(col.continuedHead)
      }
      put(col.head)
      for (const unit of col.units) {
        const unitHeight = unit.reduce((h, b) => h + b.height, 0)
        const fitsOnFreshPage = unitHeight <= CONTENT_BOTTOM - top - col.continuedHead.height
        if (y + unitHeight > CONTENT_BOTTOM && fitsOnFreshPage) turn()
        for (const block of unit) {
          if (y + block.height > CONTENT_BOTTOM) turn()
          put(block)
        }
      }
      return { pages, endY: y }
    })
    const pageCount = Math.max(...placed.map((p) => p.pages.length))
    for (let p = 0; p < pageCount; p++) {
      if (p > 0) this.newPage()
      const pageTop = p === 0 ? startY : top
      let bottom = pageTop
      placed.forEach((col, c) => {
        for (const { block, y } of col.pages[p] ?? []) bottom = Math.max(bottom, this.draw(block, x[c]!, y) - block.gapAfter)
      })
      // Thin rules between the columns, as on the printed sheets.
      for (let c = 0; c < columns.length - 1; c++) {
        const lineX = x[c]! + width + gap / 2
        this.artifact(() => this.doc.save().moveTo(lineX, pageTop).lineTo(lineX, bottom).lineWidth(0.5).strokeColor(COLOR.rule).stroke().restore())
      }
    }
    this.doc.y = Math.max(...placed.map((col) => (col.pages.length === pageCount ? col.endY : top)))
  }

  /** Shortens one line with "…" until it fits `width` in the current font. */
  fitLine(text: string, width: number): string {
    if (this.doc.widthOfString(text) <= width) return text
    let cut = text
    while (cut.length > 1 && this.doc.widthOfString(cut + '…') > width) cut = cut.slice(0, -1)
    return cut.trimEnd() + '…'
  }

  /**
   * Writes the running header and the page number on every page from `firstPage` on, then the
   * PDF's bytes. A page that continues a table names it (and its station) in the header, so a
   * page read on its own still says where it belongs.
   */
  async finish(header: RunningHeader, firstPage = 0): Promise<Uint8Array> {
    const doc = this.doc
    const range = doc.bufferedPageRange()
    for (let i = range.start; i < range.start + range.count; i++) {
      if (i < firstPage) continue
      doc.switchToPage(i)
      const context = this.contexts[i]
      this.artifact(() => {
        doc.font(FONT.regular).fontSize(8).fillColor(COLOR.muted)
        // A continuation page names its table and station; the date stays, the rest gives way.
        const right = context?.continued ? header.short : header.right
        const rightWidth = doc.widthOfString(right)
        const room = CONTENT_WIDTH - rightWidth - 16
        if (context?.continued) {
          const candidates = header.continued(context)
          doc.text(this.fitLine(candidates.find((c) => doc.widthOfString(c) <= room) ?? candidates.at(-1)!, room), MARGIN.left, 36, { lineBreak: false })
        } else doc.text(this.fitLine(header.left, room), MARGIN.left, 36, { lineBreak: false })
        doc.text(right, PAGE.width - MARGIN.right - rightWidth, 36, { lineBreak: false })
        doc.save().moveTo(MARGIN.left, 50).lineTo(PAGE.width - MARGIN.right, 50).lineWidth(0.6).strokeColor(COLOR.rule).stroke().restore()
        doc.text(header.pageLabel(i + 1, range.count), MARGIN.left, PAGE.height - 40, { width: CONTENT_WIDTH, align: 'center', lineBreak: false })
      }, 'Pagination')
    }
    this.root.end()
    const chunks: Buffer[] = []
    const done = new Promise<Uint8Array>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk))
      doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
      doc.on('error', reject)
    })
    doc.end()
    return done
  }
}
