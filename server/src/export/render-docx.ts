import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  SimpleField,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type FileChild,
  type ISectionOptions,
} from 'docx'
import { breakLongWords } from './long-words.js'
import { framingChapterDocx, framingOrganisersDocx, framingSubtitleDocx } from './framing/framing-docx.js'
import { isRightToLeft } from './pdf-scripts.js'
import { DocxFontUse } from './docx-fonts.js'
import { type EventDocumentation, FRAMING_WORDS, type ListItem, type ResultSheet, type SheetColumn, type SheetEventInfo, SHEET_WORDS, columnRows, countingRuns } from './shared-export.js'

/**
 * Word documents with real structure: heading styles (so Word's navigation and contents work),
 * tables for columns side by side, and bullet lists backed by a numbering definition.
 * Text goes in as runs, which the docx library escapes: typed text can never become markup.
 */

/** Most columns of a station side by side on A4 portrait; more wrap into a second table. */
export const DOCX_COLUMNS_PER_ROW = 3

const LIST = 'tischrunde-cards'
const FONT = 'Arial' // in every Word and LibreOffice (as Liberation Sans, same widths)
/** A4 and 2 cm margins, in twips (1/1440 inch). */
const PAGE = { width: 11906, height: 16838, margin: 1134 } as const
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin
const COLOR = { brand: '234E7A', muted: '5B6777', head: 'E7EDF4', rule: 'C3CAD4' } as const

/**
 * Runs for text that may hold line breaks (`\n` → a line break inside the paragraph). Words too long
 * for a column get break opportunities (see long-words.ts), so laying out pages stays linear.
 */
function runs(text: string, opts: { bold?: boolean; color?: string; size?: number; strike?: boolean } = {}): TextRun[] {
  // Arabic or Persian text is marked right to left, so Word shapes and orders it as such.
  const rtl = isRightToLeft(text) ? { rightToLeft: true } : {}
  // Emoji and Ethiopic pieces are set in the fallback font the document embeds (see docx-fonts.ts).
  return breakLongWords(text)
    .split('\n')
    .flatMap((line, i) => fontUse.pieces(line).map((piece, j) => new TextRun({ text: piece.text, ...opts, ...rtl, ...(piece.font ? { font: piece.font } : {}), ...(i > 0 && j === 0 ? { break: 1 } : {}) })))
}

/** The fallback fonts the runs made so far use; taken by `document`, which is made after its runs. */
const fontUse = new DocxFontUse()

/** A right-to-left paragraph (its first strong character is Arabic, Persian, Hebrew …) reads and aligns from the right. */
const direction = (text: string) => (isRightToLeft(text) ? { bidirectional: true } : {})

const border = { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule }
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border }

/** Named paragraph styles, so restyling in Word reaches every column head, card, sub-point and label. */
export const DOCX_STYLE = {
  columnHead: 'Spaltenkopf',
  card: 'Karte',
  subPoint: 'Unterpunkt',
  label: 'Zwischenueberschrift',
  note: 'Hinweis',
  runningHead: 'Kolumnentitel',
} as const

/**
 * Word numbering for one document: bullets, and numbered lists whose numbers are the typed ones.
 * Word numbers a list from its level's start on, so each run of numbers that counts up by one (see
 * `countingRuns`) is a list of its own, from a definition starting at its first number.
 */
class DocxLists {
  private instance = 0
  readonly starts = new Set<number>()

  /** Paragraphs of a list of items at `level`, each given its children right after it. */
  paragraphs(items: readonly ListItem[], level: 0 | 1, make: (item: ListItem, numbering: { reference: string; level: number; instance?: number } | undefined, index: number) => Paragraph[]): Paragraph[] {
    const runOf = new Map<number, { id: number; start: number }>()
    for (const run of countingRuns(items.map((i) => i.number))) {
      const found = { id: ++this.instance, start: items[run[0]!]!.number! }
      this.starts.add(found.start)
      for (const i of run) runOf.set(i, found)
    }
    const bullets = ++this.instance
    return items.flatMap((item, i) => {
      if (item.label) return make(item, undefined, i)
      const run = runOf.get(i)
      const numbering = run === undefined ? { reference: LIST, level, instance: bullets } : { reference: numberedList(run.start), level, instance: run.id }
      return make(item, numbering, i)
    })
  }

  config() {
    const indent = (level: number) => ({ paragraph: { indent: { left: 260 + level * 300, hanging: level === 0 ? 200 : 260 } } })
    return [
      {
        reference: LIST,
        levels: [
          { level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: indent(0) },
          { level: 1, format: LevelFormat.BULLET, text: '–', alignment: AlignmentType.LEFT, style: indent(1) },
        ],
      },
      ...[...this.starts].map((start) => ({
        reference: numberedList(start),
        levels: [0, 1].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.`, start, alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 340 + level * 300, hanging: 300 } } } })),
      })),
    ]
  }
}
const numberedList = (start: number) => `tischrunde-numbers-${start}`

function columnsTable(columns: SheetColumn[], lists: DocxLists): Table {
  const width = Math.floor(CONTENT_WIDTH / columns.length)
  const cell = (children: Paragraph[], shaded: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: { top: 80, bottom: 80, left: 100, right: 100 },
      ...(shaded ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: COLOR.head } } : {}),
      children,
    })
  const cardParagraphs = (column: SheetColumn) =>
    lists.paragraphs(column.cards, 0, (item, numbering, i) => {
      const card = column.cards[i]!
      const last = card.subItems.length - 1
      // A card stays on one page with its sub-points: lines kept together, each kept with the next.
      const subs = lists.paragraphs(card.subItems, 1, (sub, subNumbering, j) => [
        new Paragraph({
          style: DOCX_STYLE.subPoint,
          ...direction(sub.body),
          keepLines: true,
          keepNext: j < last,
          ...(subNumbering ? { numbering: { ...subNumbering, custom: true } } : { indent: { left: 560 } }),
          children: runs(sub.body, sub.label ? { bold: true } : {}),
        }),
      ])
      return [
        new Paragraph({
          style: item.label ? DOCX_STYLE.label : DOCX_STYLE.card,
          ...direction(item.body),
          keepLines: true,
          keepNext: subs.length > 0,
          ...(numbering ? { numbering: { ...numbering, custom: true } } : {}),
          children: card.struck ? [...runs(item.body.slice(0, -SHEET_WORDS.struck.length).trimEnd(), { strike: true }), ...runs(` ${SHEET_WORDS.struck}`)] : runs(item.body),
        }),
        ...subs,
      ]
    })
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: columns.map(() => width),
    layout: TableLayoutType.FIXED,
    borders,
    rows: [
      // Repeated on every page the table runs over.
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell([new Paragraph({ style: DOCX_STYLE.columnHead, children: runs(c.title) })], true)) }),
      new TableRow({ children: columns.map((c) => cell(cardParagraphs(c), false)) }),
    ],
  })
}

/** The body of one sheet: heading (a Heading 1), stations (Heading 2) and their column tables. */
function sheetChildren(sheet: ResultSheet, opts: { newPage: boolean }, lists: DocxLists): FileChild[] {
  const out: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: opts.newPage, keepNext: true, children: runs(sheet.heading) }),
    new Paragraph({ style: 'Subtitle', keepNext: true, children: runs(sheet.cardCount ? SHEET_WORDS.resultsWithCount(sheet.cardCount) : SHEET_WORDS.results) }),
  ]
  if (sheet.table.host) out.push(new Paragraph({ children: runs(`${SHEET_WORDS.host}: ${sheet.table.host}`, { color: COLOR.muted }) }))
  if (sheet.stations.length === 0) out.push(new Paragraph({ style: DOCX_STYLE.note, children: runs(SHEET_WORDS.noResults) }))
  for (const station of sheet.stations) {
    out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: runs(station.heading) }))
    if (station.columns.length === 0) out.push(new Paragraph({ style: DOCX_STYLE.note, children: runs(SHEET_WORDS.noStationResults) }))
    for (const row of columnRows(station.columns, DOCX_COLUMNS_PER_ROW)) {
      out.push(columnsTable(row, lists), new Paragraph({ spacing: { after: 120 }, children: [] }))
    }
  }
  return out
}

/**
 * The running header: event and date, and below them the table and station the page belongs to —
 * STYLEREF fields, which Word and LibreOffice fill in per page from the nearest Heading 1 and 2, so
 * a page that continues a table names it. `cached`: what they show before the fields are updated.
 */
function pageHeader(event: SheetEventInfo, cached: { table: string; station: string } = { table: '', station: '' }): Header {
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }],
        children: [
          new TextRun({ text: event.title, size: 16, color: COLOR.muted }),
          new TextRun({ text: '\t', size: 16 }),
          new TextRun({ text: [event.dateLabel, event.place].filter(Boolean).join(' · '), size: 16, color: COLOR.muted }),
        ],
      }),
      new Paragraph({
        style: DOCX_STYLE.runningHead,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule, space: 4 } },
        children: [new SimpleField('STYLEREF "heading 1" \\* MERGEFORMAT', cached.table), new TextRun(' · '), new SimpleField('STYLEREF "heading 2" \\* MERGEFORMAT', cached.station)],
      }),
    ],
  })
}

function pageFooter(): Footer {
  const [before, middle] = SHEET_WORDS.page(1, 2).split(/\d+/) // "Seite ", " von "
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ size: 16, color: COLOR.muted, children: [before ?? '', PageNumber.CURRENT, middle ?? ' / ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  })
}

function document(meta: { title: string; description: string; contents: boolean }, lists: DocxLists, sections: ISectionOptions[]): Document {
  const fonts = fontUse.take()
  return new Document({
    creator: 'Tischrunde',
    ...(fonts.length ? { fonts } : {}),
    title: meta.title,
    description: meta.description,
    // The contents are a field listing every chapter, its page numbers left for Word (and LibreOffice's
    // "Update index") to fill in: laying the pages out here to write them cost about 0.1 s a card.
    ...(meta.contents ? { features: { updateFields: true } } : {}),
    styles: {
      default: {
        document: { run: { font: FONT, size: 20, language: { value: 'de-DE' } }, paragraph: { spacing: { after: 60 } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: COLOR.brand }, paragraph: { spacing: { before: 0, after: 60 } } },
        heading2: { run: { font: FONT, size: 24, bold: true, color: COLOR.brand }, paragraph: { spacing: { before: 280, after: 120 } } },
        title: { run: { font: FONT, size: 52, bold: true, color: COLOR.brand }, paragraph: { spacing: { after: 240 } } },
      },
      paragraphStyles: [
        { id: 'Subtitle', name: 'Subtitle', basedOn: 'Normal', next: 'Normal', run: { size: 24, color: COLOR.muted }, paragraph: { spacing: { after: 200 } } },
        { id: DOCX_STYLE.columnHead, name: 'Spaltenkopf', basedOn: 'Normal', next: DOCX_STYLE.card, quickFormat: true, run: { bold: true }, paragraph: { keepNext: true } },
        { id: DOCX_STYLE.card, name: 'Karte', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: { after: 80 } } },
        { id: DOCX_STYLE.subPoint, name: 'Unterpunkt', basedOn: 'Normal', quickFormat: true, run: { size: 18, color: COLOR.muted }, paragraph: { spacing: { after: 40 } } },
        { id: DOCX_STYLE.label, name: 'Zwischenüberschrift', basedOn: 'Normal', next: DOCX_STYLE.subPoint, quickFormat: true, run: { bold: true }, paragraph: { keepNext: true, spacing: { before: 80, after: 40 } } },
        { id: DOCX_STYLE.note, name: 'Hinweis', basedOn: 'Normal', quickFormat: true, run: { italics: true, color: COLOR.muted } },
        { id: DOCX_STYLE.runningHead, name: 'Kolumnentitel', basedOn: 'Normal', run: { size: 16, bold: true, color: COLOR.muted } },
      ],
    },
    numbering: { config: lists.config() },
    sections,
  })
}

const pageProperties = { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, header: 567, footer: 567 } } }

/** One table's result sheet as a Word document. */
export async function renderSheetDocx(sheet: ResultSheet): Promise<Uint8Array> {
  const lists = new DocxLists()
  const children = sheetChildren(sheet, { newPage: false }, lists)
  const doc = document({ title: `${sheet.heading} – ${SHEET_WORDS.results}`, description: sheet.event.title, contents: false }, lists, [
    { properties: pageProperties, headers: { default: pageHeader(sheet.event, { table: sheet.heading, station: sheet.stations[0]?.heading ?? '' }) }, footers: { default: pageFooter() }, children },
  ])
  return new Uint8Array(await Packer.toBuffer(doc))
}

function agendaTable(doc: EventDocumentation): Table {
  const timeWidth = 1300
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' }
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [timeWidth, CONTENT_WIDTH - timeWidth],
    layout: TableLayoutType.FIXED,
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: doc.agenda.map(
      (item) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: timeWidth, type: WidthType.DXA }, children: [new Paragraph({ children: runs(`${item.time} ${SHEET_WORDS.oClock}`, { bold: true, color: COLOR.brand }) })] }),
            new TableCell({
              width: { size: CONTENT_WIDTH - timeWidth, type: WidthType.DXA },
              children: [
                new Paragraph({ children: runs(item.title, { bold: true }) }),
                ...(item.detail ? [new Paragraph({ children: runs(item.detail, { color: COLOR.muted }) })] : []),
                new Paragraph({ spacing: { after: 80 }, children: [] }),
              ],
            }),
          ],
        }),
    ),
  })
}

/**
 * The whole documentation as a Word document: title page, contents (a field Word updates on
 * opening; it lists every chapter after it, Tagesprogramm and Ablauf und Methode too), Tagesprogramm,
 * one chapter per table.
 */
export async function renderDocumentationDocx(
  docu: EventDocumentation,
  { appendix = [], extraChapters = () => [] }: { appendix?: FileChild[]; extraChapters?: (contentWidth: number) => FileChild[] } = {},
): Promise<Uint8Array> {
  const titlePage: FileChild[] = [
    new Paragraph({ spacing: { before: 3600, after: 200 }, children: runs(SHEET_WORDS.documentation.toUpperCase(), { bold: true, color: COLOR.muted }) }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(docu.event.title) }),
    ...framingSubtitleDocx(docu.framing),
    new Paragraph({ children: runs(docu.event.dateLabel, { size: 30 }) }),
    ...(docu.event.place ? [new Paragraph({ children: runs(docu.event.place, { size: 30 }) })] : []),
    new Paragraph({ spacing: { before: 400 }, children: runs(docu.summary, { color: COLOR.muted }) }),
    ...framingOrganisersDocx(docu.framing),
    ...framingChapterDocx(FRAMING_WORDS.intro, docu.framing?.intro ?? []),
  ]
  const agenda: FileChild[] = docu.agenda.length
    ? [new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: runs(SHEET_WORDS.agenda) }), agendaTable(docu)]
    : []
  const method: FileChild[] = docu.method.length
    ? [
        new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: runs(SHEET_WORDS.method) }),
        new Paragraph({ spacing: { after: 200 }, children: runs(docu.methodIntro) }),
        ...docu.method.flatMap((station) => [
          new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: runs(station.prompt ? `${station.title}: ${station.prompt}` : station.title) }),
          ...(station.cardCount === null ? [] : [new Paragraph({ style: DOCX_STYLE.note, keepNext: true, children: runs(SHEET_WORDS.cardCount(station.cardCount)) })]),
          ...station.columns.map((column, i) => new Paragraph({ numbering: { reference: LIST, level: 0, instance: 100_000 + docu.method.indexOf(station) }, keepNext: i < station.columns.length - 1, children: runs(column) })),
        ]),
      ]
    : []
  const closing = new Paragraph({ spacing: { before: 480 }, children: runs(SHEET_WORDS.closing, { bold: true, color: COLOR.brand, size: 24 }) })
  const contents: FileChild[] = [
    new Paragraph({ pageBreakBefore: true, spacing: { after: 200 }, children: runs(SHEET_WORDS.contents, { bold: true, size: 32, color: COLOR.brand }) }),
    new TableOfContents(SHEET_WORDS.contents, { hyperlink: true, headingStyleRange: '1-1' }),
  ]
  const lists = new DocxLists()
  const chapters = docu.sheets.flatMap((sheet) => sheetChildren(sheet, { newPage: true }, lists))
  const doc = document({ title: `${SHEET_WORDS.documentation}: ${docu.event.title}`, description: docu.event.title, contents: true }, lists, [
    {
      properties: { ...pageProperties, titlePage: true },
      headers: { default: pageHeader(docu.event), first: new Header({ children: [new Paragraph({ children: [] })] }) },
      footers: { default: pageFooter(), first: new Footer({ children: [new Paragraph({ children: [] })] }) },
      children: [...titlePage, ...contents, ...agenda, ...method, ...chapters, ...appendix, ...extraChapters(CONTENT_WIDTH), ...framingChapterDocx(FRAMING_WORDS.outlook, docu.framing?.outlook ?? []), closing],
    },
  ])
  return new Uint8Array(await Packer.toBuffer(doc))
}
