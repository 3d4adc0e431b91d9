import { COLOR, CONTENT_BOTTOM, CONTENT_WIDTH, MARGIN, PdfLayout, type TextBlock } from './pdf-layout.js'
import { flowColumn, scaled } from './render-pdf.js'
import { type ResultSheet, SHEET_WORDS } from './shared-export.js'

/**
 * A table's result sheet on one page in two columns of slightly smaller type, newspaper style:
 * the stations run down the left column and on in the right one, each station's columns one below
 * the other. Used when the sheet runs over a page in its normal layout (stations' columns side by
 * side) and this fits one page. The structure tree is made in reading order (station by station,
 * column by column), whatever column of the page a block lands in, so screen readers and copying
 * read it as the normal sheet.
 */

/** Type sizes tried, largest first: "slightly smaller", never small print. */
const SCALES = [0.9, 0.82] as const
const GAP = 18

/** The largest type scale at which the sheet fits one page in two columns (tried without drawing), or undefined. */
export function twoColumnSheetScale(sheet: ResultSheet): number | undefined {
  for (const scale of SCALES) {
    const tried = attempt(sheet, scale, true)
    if (tried instanceof PdfLayout) return scale
    // Far over (smaller type saves less than this): no smaller size will fit either.
    if (tried.overBy > 1.2) return undefined
  }
  return undefined
}

/** The sheet drawn on one page in two columns at `scale`, or undefined when it does not fit one page so. */
export function twoColumnSheetLayout(sheet: ResultSheet, scale: number): PdfLayout | undefined {
  const laid = attempt(sheet, scale, false)
  return laid instanceof PdfLayout ? laid : undefined
}

/** The layout when it fits one page; else how many times the room its content needs. */
function attempt(sheet: ResultSheet, scale: number, measureOnly: boolean): PdfLayout | { overBy: number } {
  const pdf = new PdfLayout({ title: `${sheet.heading} – ${SHEET_WORDS.results}`, subject: sheet.event.title, measureOnly })
  const size = scaled(scale)
  const width = (CONTENT_WIDTH - GAP) / 2
  const section = pdf.struct('Sect')
  const full = (text: string, font: 'regular' | 'bold', fontSize: number, color: string, gapAfter: number, tag: string, parent = section, w = CONTENT_WIDTH) =>
    pdf.block(text, { font, size: fontSize, color, indent: 0, width: w, gapAfter, tags: pdf.tag(tag, parent) })

  // The sheet's head across the page, as in the normal layout.
  pdf.enter(sheet.heading)
  pdf.flow(full(sheet.heading, 'bold', size.title, COLOR.brand, 2, 'H1'))
  pdf.flow(full(sheet.cardCount ? SHEET_WORDS.resultsWithCount(sheet.cardCount) : SHEET_WORDS.results, 'regular', size.subtitle, COLOR.muted, sheet.table.host ? 2 : 8, 'P'))
  if (sheet.table.host) pdf.flow(full(`${SHEET_WORDS.host}: ${sheet.table.host}`, 'regular', 9.5 * scale, COLOR.muted, 8, 'P'))
  pdf.rule()
  pdf.y += 10

  // Units to place, in reading order: a station heading stays with its first column's head and card.
  // `continuedHead`: the column's head repeated (as decoration) when the column goes on in the right column.
  const units: { blocks: TextBlock[]; station?: string; continuedHead?: TextBlock }[] = []
  for (const station of sheet.stations) {
    const part = pdf.struct('Sect', section)
    const heading = full(station.heading, 'bold', size.station, COLOR.brand, 6, 'H2', part, width)
    if (station.columns.length === 0) {
      units.push({ blocks: [heading, full(SHEET_WORDS.noStationResults, 'regular', size.card, COLOR.muted, 10, 'P', part, width)], station: station.title })
      continue
    }
    station.columns.forEach((column, c) => {
      const flow = flowColumn(pdf, column, width, size, pdf.struct('Div', part))
      // A label card without sub-points ("Ziel:") stays with the card after it.
      const kept: TextBlock[][] = []
      flow.units.forEach((unit, i) => {
        const prev = column.cards[i - 1]
        if (i > 0 && prev?.label && prev.subItems.length === 0) kept.at(-1)!.push(...unit)
        else kept.push([...unit])
      })
      const [first = [], ...rest] = kept
      units.push({ blocks: [...(c === 0 ? [heading] : []), flow.head, ...first], ...(c === 0 ? { station: station.title } : {}) })
      for (const unit of rest) units.push({ blocks: unit, continuedHead: flow.continuedHead })
      // Space after the column, as between the rows of the normal layout.
      const last = units.at(-1)!.blocks.at(-1)
      if (last) {
        last.height += 8
        last.gapAfter += 8
      }
    })
  }

  // Greedy: fill the left column, then the right one; anything more does not fit this page.
  const top = pdf.y
  const needed = units.reduce((n, u) => n + u.blocks.reduce((h, b) => h + b.height, 0), 0)
  const overBy = needed / (2 * (CONTENT_BOTTOM - top))
  if (overBy > 1) return { overBy }
  const placed: { block: TextBlock; x: number; y: number }[] = []
  const stationsAt: string[] = []
  let frame = 0
  let y = top
  for (const unit of units) {
    let height = unit.blocks.reduce((h, b) => h + b.height, 0)
    if (y + height > CONTENT_BOTTOM) {
      if (frame === 1 || y === top) return { overBy }
      frame = 1
      y = top
      if (unit.continuedHead) {
        unit.blocks.unshift(unit.continuedHead)
        height += unit.continuedHead.height
      }
      if (y + height > CONTENT_BOTTOM) return { overBy }
    }
    if (unit.station) stationsAt.push(unit.station)
    for (const block of unit.blocks) {
      placed.push({ block, x: MARGIN.left + frame * (width + GAP), y })
      y += block.height
    }
  }
  let bottom = top
  for (const { block, x, y: at } of placed) bottom = Math.max(bottom, pdf.draw(block, x, at) - block.gapAfter)
  const lineX = MARGIN.left + width + GAP / 2
  if (frame === 1) pdf.artifact(() => pdf.doc.save().moveTo(lineX, top).lineTo(lineX, bottom).lineWidth(0.5).strokeColor(COLOR.rule).stroke().restore())
  for (const title of stationsAt) pdf.doc.outline.addItem(title)
  pdf.y = bottom
  pdf.enter(undefined)
  return pdf
}
