import { hyphenateDe } from './hyphenate.js'
import { twoColumnSheetLayout, twoColumnSheetScale } from './sheet-two-column.js'
import { drawFramingChapter, drawFramingOrganisers, drawFramingSubtitle } from './framing/framing-pdf.js'
import { COLOR, CONTENT_BOTTOM, CONTENT_WIDTH, FONT, type FlowColumn, MARGIN, type Outline, PAGE, type PageContext, PdfLayout, type RunningHeader, type TextBlock } from './pdf-layout.js'
import { type EventDocumentation, FRAMING_WORDS, type ResultSheet, type SheetColumn, type SheetStation, SHEET_WORDS, columnRows } from './shared-export.js'

/** Most columns of a station printed side by side on A4 portrait; more wrap into a second row. */
export const PDF_COLUMNS_PER_ROW = 3
/** Space between side-by-side columns, in points. */
const COLUMN_GAP = 16
const BASE_SIZE = { title: 18, subtitle: 12, station: 12, column: 9.5, card: 9.5, sub: 8.8 } as const
export type Sizes = { [K in keyof typeof BASE_SIZE]: number }
/** A one-table sheet that runs just over a page is set this much smaller to fit on one, when that is enough. */
const FIT_ONE_PAGE_SCALE = 0.86
/** Tried only when the second page holds at most this much (pt): more does not fit one page at that scale. */
const FIT_ONE_PAGE_SPILL = (CONTENT_BOTTOM - MARGIN.top) * 0.3
/** Most space (pt) kept together for a station heading with its first cards; more would leave pages half empty. */
const KEEP_WITH_HEADING_MAX = 320
const CARD_INDENT = 10
/** Text indent of a numbered card: room for "12." */
const NUMBER_INDENT = 16
const SUB_INDENT = 24

/** The running header: event, date and place; on a page that continues a table, that table and station. */
export const headerFor = (event: ResultSheet['event']): RunningHeader => ({
  left: event.title,
  right: [event.dateLabel, event.place].filter(Boolean).join(' · '),
  short: event.dateLabel,
  pageLabel: SHEET_WORDS.page,
  continued: (c: PageContext) => [
    [c.table, c.station].filter(Boolean).join(' · ') + ` ${SHEET_WORDS.continued}`,
    `${c.table} ${SHEET_WORDS.continued}`,
  ],
})

/**
 * One column: its head (an H3) and its cards as a list (L › LI › Lbl + LBody), sub-points as a
 * list inside their card's LBody. The structure elements are made here, in reading order (column
 * by column), and receive their text when the blocks are drawn, page by page, side by side.
 */
export function flowColumn(pdf: PdfLayout, column: SheetColumn, width: number, size: Sizes, parent: PDFKit.PDFStructureElement): FlowColumn {
  const head = (text: string, tagged: boolean) =>
    pdf.block(text, {
      font: 'bold', size: size.column, color: COLOR.ink, indent: 0, width, gapAfter: 6, band: true,
      // The head repeated on a later page is decoration: it is read once.
      ...(tagged ? { tags: pdf.tag('H3', parent) } : {}),
    })
  const first = head(column.title, true)
  const list = pdf.struct('L', parent)
  return {
    head: first,
    continuedHead: head(`${column.title} ${SHEET_WORDS.continued}`, false),
    units: column.cards.map((card) => {
      // Numbered lists need room for "12." before the text.
      const cardIndent = column.numbered ? NUMBER_INDENT : CARD_INDENT
      const subStep = card.subNumbered ? NUMBER_INDENT : SUB_INDENT - CARD_INDENT
      const subIndent = cardIndent + subStep
      const item = pdf.struct('LI', list)
      const label = card.label ? undefined : pdf.struct('Lbl', item)
      const body = pdf.struct('LBody', item)
      const cardBlock = pdf.block(hyphenateDe(card.body), {
        font: card.label ? 'bold' : 'regular', size: size.card, color: COLOR.ink,
        indent: card.label ? 0 : cardIndent, width: width - (card.label ? 0 : cardIndent),
        gapAfter: card.subItems.length ? 2 : 4.5,
        ...(card.label ? {} : { bullet: { glyph: card.number === null ? '•' : `${card.number}.`, indent: 1 } }),
        // A label card ("Kulturprogramme:") heads its sub-points.
        tags: { body: { el: pdf.struct(card.label ? 'H4' : 'P', body), type: card.label ? 'H4' : 'P' }, ...(label ? { label } : {}) },
      })
      const subList = card.subItems.length ? pdf.struct('L', body) : undefined
      return [
        cardBlock,
        ...card.subItems.map((sub, i): TextBlock => {
          const subItem = pdf.struct('LI', subList)
          const subLabel = sub.label ? undefined : pdf.struct('Lbl', subItem)
          return pdf.block(hyphenateDe(sub.body), {
            font: sub.label ? 'bold' : 'regular', size: size.sub, color: COLOR.muted, indent: subIndent, width: width - subIndent,
            gapAfter: i === card.subItems.length - 1 ? 4.5 : 1.5,
            ...(sub.label ? {} : { bullet: { glyph: sub.number === null ? '–' : `${sub.number}.`, indent: cardIndent + 2 } }),
            tags: { body: { el: pdf.struct('LBody', subItem), type: 'LBody' }, ...(subLabel ? { label: subLabel } : {}) },
          })
        }),
      ]
    }),
  }
}

function drawStation(pdf: PdfLayout, sheet: ResultSheet, station: SheetStation, size: Sizes, section: PDFKit.PDFStructureElement, outline: Outline): void {
  const full = (text: string, font: 'regular' | 'bold', fontSize: number, color: string, gapAfter: number, tag: string, parent: PDFKit.PDFStructureElement) =>
    pdf.block(text, { font, size: fontSize, color, indent: 0, width: CONTENT_WIDTH, gapAfter, tags: pdf.tag(tag, parent) })
  const part = pdf.struct('Sect', section)
  const heading = full(station.heading, 'bold', size.station, COLOR.brand, 8, 'H2', part)
  if (station.columns.length === 0) {
    const none = full(SHEET_WORDS.noStationResults, 'regular', size.card, COLOR.muted, 0, 'P', part)
    pdf.ensure(heading.height + none.height)
    pdf.enter(sheet.heading, station.title)
    outline.addItem(station.title)
    pdf.flow(heading)
    pdf.flow(none)
    pdf.y += 16
    return
  }
  columnRows(station.columns, PDF_COLUMNS_PER_ROW).forEach((row, r) => {
    const width = (CONTENT_WIDTH - COLUMN_GAP * (row.length - 1)) / row.length
    const flows = row.map((column) => flowColumn(pdf, column, width, size, pdf.struct('Div', part)))
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
    if (r === 0) {
      pdf.enter(sheet.heading, station.title)
      outline.addItem(station.title)
      pdf.flow(heading)
    }
    pdf.columns(flows, row.map((_, i) => MARGIN.left + i * (width + COLUMN_GAP)), width, COLUMN_GAP)
    pdf.y += 10
  })
  pdf.y += 6
}

/** Draws one table's sheet from the cursor: heading, then each station with its columns side by side. */
function drawSheet(pdf: PdfLayout, sheet: ResultSheet, outline: Outline, size: Sizes, anchor?: string): void {
  const section = pdf.struct('Sect')
  const full = (text: string, font: 'regular' | 'bold', fontSize: number, color: string, gapAfter: number, tag: string) =>
    pdf.block(text, { font, size: fontSize, color, indent: 0, width: CONTENT_WIDTH, gapAfter, tags: pdf.tag(tag, section) })
  pdf.enter(sheet.heading)
  pdf.flow(full(sheet.heading, 'bold', size.title, COLOR.brand, 2, 'H1'), anchor ? { destination: anchor } : {})
  pdf.flow(full(sheet.cardCount ? SHEET_WORDS.resultsWithCount(sheet.cardCount) : SHEET_WORDS.results, 'regular', size.subtitle, COLOR.muted, sheet.table.host ? 2 : 8, 'P'))
  if (sheet.table.host) pdf.flow(full(`${SHEET_WORDS.host}: ${sheet.table.host}`, 'regular', 9.5, COLOR.muted, 8, 'P'))
  pdf.rule()
  pdf.y += 10
  if (sheet.stations.length === 0) pdf.flow(full(SHEET_WORDS.noResults, 'regular', size.card, COLOR.muted, 0, 'P'))
  for (const station of sheet.stations) drawStation(pdf, sheet, station, size, section, outline)
  pdf.enter(undefined)
}

export const scaled = (scale: number): Sizes =>
  Object.fromEntries(Object.entries(BASE_SIZE).map(([k, v]) => [k, Math.round(v * scale * 10) / 10])) as Sizes

function sheetLayout(sheet: ResultSheet, scale: number, measureOnly = false): PdfLayout {
  const pdf = new PdfLayout({ title: `${sheet.heading} – ${SHEET_WORDS.results}`, subject: sheet.event.title, measureOnly })
  drawSheet(pdf, sheet, pdf.doc.outline, scaled(scale))
  return pdf
}

/**
 * One table's result sheet as an A4 PDF with the fonts embedded. A sheet that runs onto a second
 * page is set a little smaller when that makes it fit on one; otherwise it keeps its size and its
 * pages say "Seite 1 von 2".
 */
export async function renderSheetPdf(sheet: ResultSheet): Promise<Uint8Array> {
  return fittedSheetLayout(sheet).finish(headerFor(sheet.event))
}

/** The sheet laid out in the form that fits best: tried without drawing, then drawn once. */
function fittedSheetLayout(sheet: ResultSheet): PdfLayout {
  const form = fittedSheetForm(sheet)
  return (form.columns === 2 && twoColumnSheetLayout(sheet, form.scale)) || sheetLayout(sheet, form.columns === 2 ? 1 : form.scale)
}

/** Which form a sheet takes, from layouts that measure only. */
function fittedSheetForm(sheet: ResultSheet): { columns: 1 | 2; scale: number } {
  const pdf = sheetLayout(sheet, 1, true)
  if (pdf.pageIndex === 0) return { columns: 1, scale: 1 }
  if (pdf.pageIndex === 1 && pdf.pageBottoms[1]! - MARGIN.top <= FIT_ONE_PAGE_SPILL) {
    if (sheetLayout(sheet, FIT_ONE_PAGE_SCALE, true).pageIndex === 0) return { columns: 1, scale: FIT_ONE_PAGE_SCALE }
  }
  // Two pages: two columns of slightly smaller type, when that fits one page (three pages never do).
  const twoColumns = pdf.pageIndex === 1 ? twoColumnSheetScale(sheet) : undefined
  return twoColumns === undefined ? { columns: 1, scale: 1 } : { columns: 2, scale: twoColumns }
}

/** Lays out a sheet as `renderSheetPdf` does and tells what each page holds (for tests of the pagination). */
export function sheetPdfPages(sheet: ResultSheet): { bottoms: readonly number[]; contexts: readonly (PageContext | undefined)[] } {
  const pdf = fittedSheetLayout(sheet)
  return { bottoms: pdf.pageBottoms, contexts: pdf.pageContexts() }
}

/**
 * The whole documentation as one PDF: title page, contents with page numbers and links, Tagesprogramm,
 * then one chapter per table (each from a new page, each a bookmark with its stations).
 */
export async function renderDocumentationPdf(doc: EventDocumentation, appendix?: (pdf: PdfLayout) => void, appendixTitles: readonly string[] = []): Promise<Uint8Array> {
  return documentationLayout(doc, appendix, appendixTitles).finish(headerFor(doc.event), 1)
}

/** The documentation laid out (not yet written), for `renderDocumentationPdf` and the pagination tests. */
export function documentationLayout(doc: EventDocumentation, appendix?: (pdf: PdfLayout) => void, appendixTitles: readonly string[] = []): PdfLayout {
  const pdf = new PdfLayout({ title: `${SHEET_WORDS.documentation}: ${doc.event.title}`, subject: doc.event.title })
  const size = scaled(1)
  const full = (text: string, font: 'regular' | 'bold', fontSize: number, color: string, gapAfter: number, tag: string, parent = pdf.root, width = CONTENT_WIDTH, indent = 0) =>
    pdf.block(text, { font, size: fontSize, color, indent, width, gapAfter, tags: pdf.tag(tag, parent) })

  // Title page: no header, no page number.
  pdf.y = PAGE.height * 0.3
  const titlePage = pdf.struct('Sect')
  pdf.flow(full(SHEET_WORDS.documentation.toUpperCase(), 'bold', 11, COLOR.muted, 14, 'P', titlePage))
  pdf.flow(full(doc.event.title, 'bold', 26, COLOR.brand, 18, 'H1', titlePage))
  drawFramingSubtitle(pdf, doc.framing, titlePage)
  pdf.flow(full(doc.event.dateLabel, 'regular', 15, COLOR.ink, 4, 'P', titlePage))
  if (doc.event.place) pdf.flow(full(doc.event.place, 'regular', 15, COLOR.ink, 4, 'P', titlePage))
  pdf.y += 24
  pdf.flow(full(doc.summary, 'regular', 11, COLOR.muted, 0, 'P', titlePage))
  drawFramingOrganisers(pdf, doc.framing, titlePage)

  // Contents right after the title page, as in the DOCX: every chapter from the introduction on,
  // measured now, each entry's page and link filled in once the pages are known. A day without
  // theme tables (trees alone) has no chapters to list: no contents page.
  const intro = doc.framing?.intro ?? []
  const before = [...(intro.length ? [FRAMING_WORDS.intro] : []), ...(doc.agenda.length ? [SHEET_WORDS.agenda] : []), ...(doc.method.length ? [SHEET_WORDS.method] : [])]
  const listed = doc.sheets.length > 0 ? contentsPages(pdf, doc, full, before, appendixTitles) : null

  // The organiser's introduction, before the agenda.
  drawFramingChapter(pdf, FRAMING_WORDS.intro, intro)

  // Tagesprogramm: a list, the time as each item's label.
  if (doc.agenda.length) {
    pdf.newPage()
    pdf.startChapter(SHEET_WORDS.agenda)
    pdf.doc.outline.addItem(SHEET_WORDS.agenda)
    const agenda = pdf.struct('Sect')
    pdf.flow(full(SHEET_WORDS.agenda, 'bold', size.title, COLOR.brand, 14, 'H1', agenda))
    const list = pdf.struct('L', agenda)
    const timeWidth = 62
    for (const item of doc.agenda) {
      const li = pdf.struct('LI', list)
      const lbl = pdf.struct('Lbl', li)
      const body = pdf.struct('LBody', li)
      const title = full(item.title, 'bold', 10.5, COLOR.ink, item.detail ? 2 : 10, 'P', body, CONTENT_WIDTH - timeWidth, timeWidth)
      const detail = item.detail ? full(item.detail, 'regular', 9.5, COLOR.muted, 10, 'P', body, CONTENT_WIDTH - timeWidth, timeWidth) : null
      pdf.ensure(title.height + (detail?.height ?? 0))
      const time = pdf.block(`${item.time} ${SHEET_WORDS.oClock}`, { font: 'bold', size: 10.5, color: COLOR.brand, indent: 0, width: timeWidth, gapAfter: 0, tags: { body: { el: lbl, type: 'Lbl' } } })
      const top = pdf.y
      pdf.draw(time, MARGIN.left, top)
      const below = pdf.draw(title, MARGIN.left, top)
      pdf.y = detail ? pdf.draw(detail, MARGIN.left, below) : below
    }
  }

  // Ablauf und Methode: the template's stations, each with its question, columns and the cards written there.
  if (doc.method.length) {
    pdf.newPage()
    pdf.startChapter(SHEET_WORDS.method)
    pdf.doc.outline.addItem(SHEET_WORDS.method)
    const method = pdf.struct('Sect')
    pdf.flow(full(SHEET_WORDS.method, 'bold', size.title, COLOR.brand, 14, 'H1', method))
    pdf.flow(full(doc.methodIntro, 'regular', 10.5, COLOR.ink, 14, 'P', method))
    for (const station of doc.method) {
      const part = pdf.struct('Sect', method)
      const heading = full(station.prompt ? `${station.title}: ${station.prompt}` : station.title, 'bold', size.station, COLOR.brand, 4, 'H2', part)
      const count = station.cardCount === null ? null : full(SHEET_WORDS.cardCount(station.cardCount), 'regular', 9.5, COLOR.muted, 4, 'P', part)
      const list = pdf.struct('L', part)
      const columns = station.columns.map((c) => {
        const li = pdf.struct('LI', list)
        return pdf.block(c, { font: 'regular', size: 10, color: COLOR.ink, indent: CARD_INDENT, width: CONTENT_WIDTH - CARD_INDENT, gapAfter: 3, bullet: { glyph: '•', indent: 1 }, tags: { label: pdf.struct('Lbl', li), body: { el: pdf.struct('LBody', li), type: 'LBody' } } })
      })
      pdf.ensure(heading.height + (count?.height ?? 0) + (columns[0]?.height ?? 0))
      pdf.flow(heading)
      if (count) pdf.flow(count)
      for (const column of columns) pdf.flow(column)
      pdf.y += 12
    }
  }

  // Chapters, each a bookmark with one per station below it.
  const chapterPages: number[] = []
  doc.sheets.forEach((sheet, i) => {
    pdf.newPage()
    chapterPages.push(pdf.pageIndex)
    drawSheet(pdf, sheet, pdf.doc.outline.addItem(sheet.heading), size, `table-${i + 1}`)
  })
  // Chapters of other methods (the problem and objective trees), after the tables.
  appendix?.(pdf)

  // The organiser's Ausblick, then the closing line, after the last chapter.
  drawFramingChapter(pdf, FRAMING_WORDS.outlook, doc.framing?.outlook ?? [])
  const closing = full(SHEET_WORDS.closing, 'bold', size.station, COLOR.brand, 0, 'P')
  pdf.y += 18
  pdf.flow(closing)

  listed?.fill(chapterPages)
  return pdf
}

/** A block across the text width (or `width` from `indent`), tagged `tag` under `parent`. */
type FullBlock = (text: string, font: 'regular' | 'bold', fontSize: number, color: string, gapAfter: number, tag: string, parent?: PDFKit.PDFStructureElement, width?: number, indent?: number) => ReturnType<PdfLayout['block']>

/**
 * The contents pages: measured and laid out now, each entry's page number and link filled in by
 * `fill` once the chapters' pages are known.
 */
function contentsPages(pdf: PdfLayout, doc: EventDocumentation, full: FullBlock, before: readonly string[], appendixTitles: readonly string[]) {
  const size = scaled(1)
  pdf.newPage()
  const tocStart = pdf.pageIndex
  const numberWidth = 36
  const ordinalWidth = 24
  const contents = pdf.struct('Sect')
  const tocHeading = full(SHEET_WORDS.contents, 'bold', size.title, COLOR.brand, 14, 'H1', contents)
  const toc = pdf.struct('TOC', contents)
  // The chapters before the tables (introduction, agenda, method), the tables', then those after them
  // (the "Sichtung", the actors) that the caller announces.
  const titles = [...before, ...doc.sheets.map((s) => s.heading), ...appendixTitles]
  const tocItems = titles.map(() => pdf.struct('TOCI', toc))
  const entries = titles.map((title, i) => {
    const lbl = pdf.struct('Lbl', tocItems[i])
    return {
      title,
      lbl,
      // A Link element: its text and the link annotation that leads to the chapter (PDF/UA 7.18.5).
      block: full(title, 'regular', 11, COLOR.ink, 7, 'Link', tocItems[i], CONTENT_WIDTH - numberWidth - ordinalWidth - 8, ordinalWidth),
      page: pdf.struct('P', tocItems[i]),
    }
  })
  const tocPlaces: { page: number; y: number }[] = []
  let y = MARGIN.top + tocHeading.height
  let page = tocStart
  for (const entry of entries) {
    if (y + entry.block.height > PAGE.height - MARGIN.bottom) {
      page++
      y = MARGIN.top
      pdf.newPage()
    }
    tocPlaces.push({ page, y })
    y += entry.block.height
  }

  return {
    fill(chapterPages: readonly number[]) {
      pdf.doc.switchToPage(tocStart)
      pdf.draw(tocHeading, MARGIN.left, MARGIN.top)
      entries.forEach((entry, i) => {
        const place = tocPlaces[i]!
        pdf.doc.switchToPage(place.page)
        const table = i - before.length
        const other = table < 0 || table >= doc.sheets.length ? pdf.chapterPlaces.get(entry.title) : undefined
        const target = other ? other.destination : `table-${table + 1}`
        const chapterPage = other ? other.page : chapterPages[table]
        pdf.draw(entry.block, MARGIN.left, place.y)
        pdf.doc.font(FONT.regular).fontSize(11).fillColor(COLOR.ink)
        drawTagged(pdf, entry.lbl, 'Lbl', () => pdf.doc.text(`${i + 1}.`, MARGIN.left, place.y, { lineBreak: false }))
        drawTagged(pdf, entry.page, 'P', () =>
          pdf.doc.text(chapterPage === undefined ? '' : String(chapterPage + 1), PAGE.width - MARGIN.right - numberWidth, place.y, { width: numberWidth, align: 'right', lineBreak: false }),
        )
        // One link over the whole line, a child of the Link element, with its text as alternative description.
        const link = entry.block.tags!.body.el
        // pdfkit writes a String object as a PDF text string (a plain string would become a name).
        const contents = new String(entry.block.text)
        pdf.doc.goTo(MARGIN.left, place.y, CONTENT_WIDTH, entry.block.height - entry.block.gapAfter, target, { structParent: link, Contents: contents } as unknown as PDFKit.Mixins.AnnotationOption)
      })
    },
  }
}

function drawTagged(pdf: PdfLayout, el: PDFKit.PDFStructureElement, type: string, draw: () => void): void {
  const content = pdf.doc.markStructureContent(type)
  draw()
  pdf.doc.endMarkedContent()
  el.add(content)
}
