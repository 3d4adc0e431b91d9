import { hyphenateDe } from '../hyphenate.js'
import { COLOR, CONTENT_BOTTOM, CONTENT_WIDTH, FONT, MARGIN, type PdfLayout, type TextBlock } from '../pdf-layout.js'
import { ACTOR_CHAPTER_TITLE, ACTOR_COLUMNS, type ActorRow, type ActorTableInput, BODIES_HEADING, BODY_COLUMNS, BODY_TYPE_NAMES, actorChapterIntro, actorsByArea } from './actor-table.js'

/**
 * The PDF documentation's chapter "Wer kann helfen?": the same area tables as the Word and
 * Markdown documentation, as real tables of the tagged PDF (Table › TR › TH / TD), each row kept on
 * one page, the header row repeated (as decoration) on a page a table continues on.
 */

/** Column widths in points (A4 portrait content width): actor, institution / person, three check marks, notes. */
const ACTOR_WIDTHS = [132, 100, 48, 48, 48, CONTENT_WIDTH - 132 - 100 - 3 * 48]
const BODY_WIDTHS = [84, 130, 130, CONTENT_WIDTH - 84 - 130 - 130]
const PAD = 4
const SIZE = { title: 18, area: 12, head: 7.5, cell: 8.5, small: 7.5, intro: 9.5 } as const
const CHECKED = '☒'
const UNCHECKED = '☐'

/** One paragraph of a cell. `actual`: what a screen reader says instead of the glyph (a check mark). */
interface CellText {
  text: string
  font?: 'regular' | 'bold'
  size?: number
  color?: string
  center?: boolean
  actual?: string
}
type Cell = CellText[]

/** A laid-out cell: its measured paragraphs (tagged into the cell's element) and its height with padding. */
interface LaidCell {
  blocks: TextBlock[]
  height: number
}

const cellHeight = (blocks: readonly TextBlock[]) => blocks.reduce((h, b) => h + b.height, 0) + 2 * PAD

/** Measures a cell's paragraphs for a column `width` wide; `parent` gets one P per paragraph (or the text itself, for one). */
function layCell(pdf: PdfLayout, given: Cell, width: number, parent: PDFKit.PDFStructureElement | null, type: 'TH' | 'TD'): LaidCell {
  const inner = width - 2 * PAD
  // An empty cell (nothing filled in yet) has no content: its element stays empty.
  const cell = given.filter((p) => p.text.trim() !== '')
  const blocks = cell.map((p, i) => {
    const font = p.font ?? (type === 'TH' ? 'bold' : 'regular')
    const size = p.size ?? (type === 'TH' ? SIZE.head : SIZE.cell)
    let indent = 0
    if (p.center) {
      pdf.doc.font(FONT[font]).fontSize(size)
      indent = Math.max(0, (inner - pdf.doc.widthOfString(p.text)) / 2)
    }
    // One paragraph: the text belongs to the cell itself; several: a P each inside it.
    const tags = parent
      ? cell.length === 1
        ? { body: { el: parent, type } }
        : { body: { el: pdf.struct('P', parent), type: 'P' } }
      : undefined
    return pieces(pdf, p.center ? p.text : hyphenateDe(p.text), {
      font,
      size,
      color: p.color ?? COLOR.ink,
      indent,
      width: inner - indent,
      gapAfter: i === cell.length - 1 ? 0 : 2,
      ...(tags ? { tags } : {}),
    })
  })
  return { blocks: blocks.flat(), height: cellHeight(blocks.flat()) }
}

/** Tallest block of a cell (pt): a longer paragraph is laid out in pieces, so a row taller than a page can go on over the next. */
const MAX_BLOCK = 240

/** A paragraph as one block, or, when it is taller than `MAX_BLOCK`, as pieces split at spaces (each in the same element). */
function pieces(pdf: PdfLayout, text: string, opts: Omit<TextBlock, 'text' | 'height'>): TextBlock[] {
  const block = pdf.block(text, opts)
  if (block.height <= MAX_BLOCK || text.length < 2) return [block]
  const middle = Math.floor(text.length / 2)
  const space = text.lastIndexOf(' ', middle)
  // Without a space: in the middle, never inside a surrogate pair.
  const cut = space > 0 ? space : /[\udc00-\udfff]/.test(text[middle]!) ? middle - 1 : middle
  return [...pieces(pdf, text.slice(0, cut).trimEnd(), { ...opts, gapAfter: 0 }), ...pieces(pdf, text.slice(cut).trimStart(), opts)]
}

/** A structure element for a cell; a check mark's cell carries its meaning as ActualText. */
function cellElement(pdf: PdfLayout, tr: PDFKit.PDFStructureElement, type: 'TH' | 'TD', cell: Cell): PDFKit.PDFStructureElement {
  const actual = cell.length === 1 ? cell[0]!.actual : undefined
  const el = pdf.doc.struct(type, actual ? { actual } : {})
  tr.add(el)
  return el
}

/**
 * Draws a table from the cursor: the header row (TH), then each row (TD); a row goes whole onto
 * the next page when it does not fit, where the header row is drawn again as decoration.
 * `keepWith`: blocks drawn just before (the area heading) that must stay on the page with the
 * header and the first row.
 */
/**
 * A table after its heading (`keepWith`), kept together with its header row and first row; `start`
 * runs on the page the heading lands on (the page header names the part from there, a bookmark
 * points there: a page broken before it is no continuation).
 */
function drawTable(pdf: PdfLayout, parent: PDFKit.PDFStructureElement, widths: readonly number[], header: readonly string[], rows: readonly Cell[][], keepWith: readonly TextBlock[], start: () => void): void {
  const table = pdf.struct('Table', parent)
  const headTr = pdf.struct('TR', table)
  const head = header.map((h, i) => layCell(pdf, [{ text: h }], widths[i]!, cellElement(pdf, headTr, 'TH', [{ text: h }]), 'TH'))
  const repeatedHead = header.map((h, i) => layCell(pdf, [{ text: h }], widths[i]!, null, 'TH'))
  const headHeight = Math.max(...head.map((c) => c.height))
  const laid = rows.map((row) => {
    const tr = pdf.struct('TR', table)
    const cells = row.map((cell, i) => layCell(pdf, cell, widths[i]!, cellElement(pdf, tr, 'TD', cell), 'TD'))
    return { cells, height: Math.max(...cells.map((c) => c.height)) }
  })

  const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((a, b) => a + b, 0))
  const tableWidth = widths.reduce((a, b) => a + b, 0)
  const grid = (top: number, bottom: number) =>
    pdf.artifact(() => {
      const doc = pdf.doc.save().lineWidth(0.5).strokeColor(COLOR.rule)
      for (const x of [...xs, MARGIN.left + tableWidth]) doc.moveTo(x, top).lineTo(x, bottom)
      doc.moveTo(MARGIN.left, bottom).lineTo(MARGIN.left + tableWidth, bottom).stroke().restore()
    })
  const drawRow = (cells: readonly LaidCell[], height: number, band: boolean) => {
    const top = pdf.y
    if (band) pdf.artifact(() => pdf.doc.save().rect(MARGIN.left, top, tableWidth, height).fill(COLOR.head).restore())
    else pdf.artifact(() => pdf.doc.save().moveTo(MARGIN.left, top).lineTo(MARGIN.left + tableWidth, top).lineWidth(0.5).strokeColor(COLOR.rule).stroke().restore())
    cells.forEach((cell, i) => {
      let y = top + PAD
      for (const block of cell.blocks) y = pdf.draw(block, xs[i]! + PAD, y)
    })
    grid(top, top + height)
    pdf.y = top + height
  }

  pdf.ensure(keepWith.reduce((h, b) => h + b.height, 0) + headHeight + (laid[0]?.height ?? 0))
  start()
  for (const block of keepWith) pdf.flow(block)
  drawRow(head, headHeight, true)
  const room = CONTENT_BOTTOM - MARGIN.top - headHeight
  for (const row of laid) {
    if (pdf.y + row.height > CONTENT_BOTTOM) {
      pdf.newPage()
      drawRow(repeatedHead, headHeight, true)
    }
    if (row.height <= room) {
      drawRow(row.cells, row.height, false)
      continue
    }
    // Taller than a page (very long notes): its paragraphs go on over the next pages, cell by cell.
    let rest = row.cells.map((c) => c.blocks)
    while (rest.some((b) => b.length > 0)) {
      const space = CONTENT_BOTTOM - pdf.y - 2 * PAD
      const part = rest.map((blocks) => {
        let used = 0
        let n = 0
        while (n < blocks.length && (used + blocks[n]!.height <= space || (n === 0 && pdf.y <= MARGIN.top + headHeight + 1))) used += blocks[n++]!.height
        return n
      })
      const cells = rest.map((blocks, i) => ({ blocks: blocks.slice(0, part[i]), height: cellHeight(blocks.slice(0, part[i])) }))
      drawRow(cells, Math.max(...cells.map((c) => c.height)), false)
      rest = rest.map((blocks, i) => blocks.slice(part[i]))
      if (rest.some((b) => b.length > 0)) {
        pdf.newPage()
        drawRow(repeatedHead, headHeight, true)
      }
    }
  }
  pdf.y += 14
}

const check = (on: boolean): Cell => [{ text: on ? CHECKED : UNCHECKED, size: 11, center: true, actual: on ? 'ja' : 'nein' }]

function actorCells(row: ActorRow): Cell[] {
  const small = (text: string): CellText => ({ text, size: SIZE.small, color: COLOR.muted })
  return [
    [{ text: row.name, font: 'bold' }, ...(row.namedAs ? [small(`Genannt als: ${row.namedAs}`)] : []), ...(row.tables ? [small(`Genannt von: ${row.tables}`)] : []), ...row.measureLines.map(small)],
    [{ text: row.institution }, ...(row.person ? [small(row.person)] : [])],
    check(row.cooperation),
    check(row.coreGroup),
    check(row.forum),
    [{ text: row.notes }],
  ]
}

/**
 * The chapter "Wer kann helfen?" after the other chapters of the documentation PDF: a new page,
 * a bookmark with one per area, the intro, per area a heading (H2) and its table, then the
 * existing bodies. Nothing without an actor map.
 */
export function drawActorsPdf(pdf: PdfLayout, input: ActorTableInput | null): void {
  if (!input) return
  pdf.newPage()
  pdf.startChapter(ACTOR_CHAPTER_TITLE)
  const outline = pdf.doc.outline.addItem(ACTOR_CHAPTER_TITLE)
  const section = pdf.struct('Sect')
  const full = (text: string, font: 'regular' | 'bold', size: number, color: string, gapAfter: number, tag: string, parent = section) =>
    pdf.block(text, { font, size, color, indent: 0, width: CONTENT_WIDTH, gapAfter, tags: pdf.tag(tag, parent) })
  pdf.enter(ACTOR_CHAPTER_TITLE)
  pdf.flow(full(ACTOR_CHAPTER_TITLE, 'bold', SIZE.title, COLOR.brand, 6, 'H1'))
  pdf.flow(full(actorChapterIntro(input), 'regular', SIZE.intro, COLOR.muted, 14, 'P'))
  const actorHeader = [ACTOR_COLUMNS.name, `${ACTOR_COLUMNS.institution} / ${ACTOR_COLUMNS.person}`, ACTOR_COLUMNS.cooperation, ACTOR_COLUMNS.coreGroup, ACTOR_COLUMNS.forum, ACTOR_COLUMNS.notes]
  for (const group of actorsByArea(input)) {
    if (group.rows.length === 0) continue
    const part = pdf.struct('Sect', section)
    const heading = full(group.name, 'bold', SIZE.area, COLOR.brand, 6, 'H2', part)
    drawTable(pdf, part, ACTOR_WIDTHS, actorHeader, group.rows.map(actorCells), [heading], () => {
      pdf.enter(ACTOR_CHAPTER_TITLE, group.name)
      outline.addItem(group.name)
    })
  }
  if (input.bodies.length > 0) {
    const part = pdf.struct('Sect', section)
    const heading = full(BODIES_HEADING, 'bold', SIZE.area, COLOR.brand, 6, 'H2', part)
    const rows = input.bodies.map((b): Cell[] => [[{ text: BODY_TYPE_NAMES[b.type] }], [{ text: b.name, font: 'bold' }], [{ text: b.members }], [{ text: b.notes }]])
    drawTable(pdf, part, BODY_WIDTHS, Object.values(BODY_COLUMNS), rows, [heading], () => {
      pdf.enter(ACTOR_CHAPTER_TITLE, BODIES_HEADING)
      outline.addItem(BODIES_HEADING)
    })
  }
  pdf.enter(undefined)
}
