import { COLOR, CONTENT_WIDTH, FONT, type FlowColumn, MARGIN, PAGE, PdfLayout, type TextBlock } from './pdf-layout.js'
import { type EventDocumentation, type ResultSheet, type SheetColumn, SHEET_WORDS, columnRows } from './shared-export.js'

/** Most columns of a station printed side by side on A4 portrait; more wrap into a second row. */
export const PDF_COLUMNS_PER_ROW = 3
/** Space between side-by-side columns, in points. */
const COLUMN_GAP = 16
const SIZE = { title: 18, subtitle: 12, station: 12, column: 9.5, card: 9.5, sub: 8.8 } as const
/** Most space (pt) kept together for a station heading with its first cards; more would leave pages half empty. */
const KEEP_WITH_HEADING_MAX = 320
const CARD_INDENT = 10
const SUB_INDENT = 24

const headerFor = (event: ResultSheet['event']) => ({
  left: event.title,
  right: [event.dateLabel, event.place].filter(Boolean).join(' · '),
  pageLabel: SHEET_WORDS.page,
})

function flowColumn(pdf: PdfLayout, column: SheetColumn, width: number): FlowColumn {
  const head = (text: string) => pdf.block(text, { font: 'bold', size: SIZE.column, color: COLOR.ink, indent: 0, width, gapAfter: 6, band: true })
  return {
    head: head(column.title),
    continuedHead: head(`${column.title} ${SHEET_WORDS.continued}`),
    units: column.cards.map((card) => [
      pdf.block(card.text, {
        font: 'regular', size: SIZE.card, color: COLOR.ink, indent: CARD_INDENT, width: width - CARD_INDENT,
        gapAfter: card.subPoints.length ? 2 : 4.5, bullet: { glyph: '•', indent: 1 },
      }),
      ...card.subPoints.map((sub, i): TextBlock =>
        pdf.block(sub, {
          font: 'regular', size: SIZE.sub, color: COLOR.muted, indent: SUB_INDENT, width: width - SUB_INDENT,
          gapAfter: i === card.subPoints.length - 1 ? 4.5 : 1.5, bullet: { glyph: '–', indent: CARD_INDENT + 2 },
        }),
      ),
    ]),
  }
}

/** Draws one table's sheet from the cursor: heading, then each station with its columns side by side. */
function drawSheet(pdf: PdfLayout, sheet: ResultSheet, anchor?: string): void {
  const full = (text: string, font: 'regular' | 'bold', size: number, color: string, gapAfter: number) =>
    pdf.block(text, { font, size, color, indent: 0, width: CONTENT_WIDTH, gapAfter })
  pdf.flow(full(sheet.heading, 'bold', SIZE.title, COLOR.brand, 2), anchor ? { destination: anchor } : {})
  pdf.flow(full(SHEET_WORDS.results, 'regular', SIZE.subtitle, COLOR.muted, sheet.table.host ? 2 : 8))
  if (sheet.table.host) pdf.flow(full(`${SHEET_WORDS.host}: ${sheet.table.host}`, 'regular', 9.5, COLOR.muted, 8))
  pdf.rule()
  pdf.y += 10
  if (sheet.stations.length === 0) pdf.flow(full(SHEET_WORDS.noResults, 'regular', SIZE.card, COLOR.muted, 0))

  for (const station of sheet.stations) {
    const heading = full(station.heading, 'bold', SIZE.station, COLOR.brand, 8)
    columnRows(station.columns, PDF_COLUMNS_PER_ROW).forEach((row, r) => {
      const width = (CONTENT_WIDTH - COLUMN_GAP * (row.length - 1)) / row.length
      const flows = row.map((column) => flowColumn(pdf, column, width))
      // Column heads of one row share a height, like a table's header row.
      const headHeight = Math.max(...flows.map((f) => f.head.height))
      const continuedHeight = Math.max(...flows.map((f) => f.continuedHead.height))
      for (const f of flows) {
        f.head.height = headHeight
        f.continuedHead.height = continuedHeight
      }
      // Keep the station heading with the column heads and each column's first card.
      const start = Math.max(...flows.map((f) => f.head.height + (f.units[0] ?? []).reduce((h, b) => h + b.height, 0)))
      pdf.ensure(Math.min(start + (r === 0 ? heading.height : 0), KEEP_WITH_HEADING_MAX))
      if (r === 0) pdf.flow(heading)
      pdf.columns(flows, row.map((_, i) => MARGIN.left + i * (width + COLUMN_GAP)), width, COLUMN_GAP)
      pdf.y += 10
    })
    pdf.y += 6
  }
}

/** One table's result sheet as an A4 PDF with the fonts embedded. */
export async function renderSheetPdf(sheet: ResultSheet): Promise<Uint8Array> {
  const pdf = new PdfLayout({ title: `${sheet.heading} — ${SHEET_WORDS.results}`, subject: sheet.event.title })
  drawSheet(pdf, sheet)
  return pdf.finish(headerFor(sheet.event))
}

/**
 * The whole documentation as one PDF: title page, Tagesprogramm, contents with page numbers and
 * links, then one chapter per table (each from a new page, each a bookmark).
 */
export async function renderDocumentationPdf(doc: EventDocumentation, appendix?: (pdf: PdfLayout) => void): Promise<Uint8Array> {
  const pdf = new PdfLayout({ title: `${SHEET_WORDS.documentation}: ${doc.event.title}`, subject: doc.event.title })
  const full = (text: string, font: 'regular' | 'bold', size: number, color: string, gapAfter: number, width = CONTENT_WIDTH, indent = 0) =>
    pdf.block(text, { font, size, color, indent, width, gapAfter })

  // Title page: no header, no page number.
  pdf.y = PAGE.height * 0.3
  pdf.flow(full(SHEET_WORDS.documentation.toUpperCase(), 'bold', 11, COLOR.muted, 14))
  pdf.flow(full(doc.event.title, 'bold', 26, COLOR.brand, 18))
  pdf.flow(full(doc.event.dateLabel, 'regular', 15, COLOR.ink, 4))
  if (doc.event.place) pdf.flow(full(doc.event.place, 'regular', 15, COLOR.ink, 4))
  const cards = doc.sheets.reduce((n, s) => n + s.cardCount, 0)
  pdf.y += 24
  pdf.flow(full(`${SHEET_WORDS.tableCount(doc.sheets.length)} · ${SHEET_WORDS.cardCount(cards)}`, 'regular', 11, COLOR.muted, 0))

  // Tagesprogramm.
  if (doc.agenda.length) {
    pdf.newPage()
    pdf.doc.outline.addItem(SHEET_WORDS.agenda)
    pdf.flow(full(SHEET_WORDS.agenda, 'bold', SIZE.title, COLOR.brand, 14))
    const timeWidth = 62
    for (const item of doc.agenda) {
      const title = full(item.title, 'bold', 10.5, COLOR.ink, item.detail ? 2 : 10, CONTENT_WIDTH - timeWidth, timeWidth)
      const detail = item.detail ? full(item.detail, 'regular', 9.5, COLOR.muted, 10, CONTENT_WIDTH - timeWidth, timeWidth) : null
      pdf.ensure(title.height + (detail?.height ?? 0))
      const time = full(`${item.time} ${SHEET_WORDS.oClock}`, 'bold', 10.5, COLOR.brand, 0, timeWidth)
      const top = pdf.y
      pdf.draw(time, MARGIN.left, top)
      const below = pdf.draw(title, MARGIN.left, top)
      pdf.y = detail ? pdf.draw(detail, MARGIN.left, below) : below
    }
  }

  // Contents: measured now, filled in once the chapters' pages are known.
  pdf.newPage()
  const tocStart = pdf.pageIndex
  const numberWidth = 36
  const ordinalWidth = 24
  const tocHeading = full(SHEET_WORDS.contents, 'bold', SIZE.title, COLOR.brand, 14)
  const entries = doc.sheets.map((s) => full(s.heading, 'regular', 11, COLOR.ink, 7, CONTENT_WIDTH - numberWidth - ordinalWidth - 8, ordinalWidth))
  const tocPlaces: { page: number; y: number }[] = []
  let y = MARGIN.top + tocHeading.height
  let page = tocStart
  for (const entry of entries) {
    if (y + entry.height > PAGE.height - MARGIN.bottom) {
      page++
      y = MARGIN.top
      pdf.newPage()
    }
    tocPlaces.push({ page, y })
    y += entry.height
  }

  // Chapters.
  const chapterPages: number[] = []
  doc.sheets.forEach((sheet, i) => {
    pdf.newPage()
    chapterPages.push(pdf.pageIndex)
    pdf.doc.outline.addItem(sheet.heading)
    drawSheet(pdf, sheet, `table-${i + 1}`)
  })
  // Chapters of other methods (the problem and objective trees), after the tables.
  appendix?.(pdf)

  pdf.doc.switchToPage(tocStart)
  pdf.draw(tocHeading, MARGIN.left, MARGIN.top)
  entries.forEach((entry, i) => {
    const place = tocPlaces[i]!
    pdf.doc.switchToPage(place.page)
    const target = `table-${i + 1}`
    pdf.draw(entry, MARGIN.left, place.y, { goTo: target })
    pdf.doc.font(FONT.regular).fontSize(11).fillColor(COLOR.ink)
    pdf.doc.text(`${i + 1}.`, MARGIN.left, place.y, { lineBreak: false, goTo: target })
    pdf.doc.text(String(chapterPages[i]! + 1), PAGE.width - MARGIN.right - numberWidth, place.y, {
      width: numberWidth, align: 'right', lineBreak: false, goTo: target,
    })
  })
  return pdf.finish(headerFor(doc.event), 1)
}
