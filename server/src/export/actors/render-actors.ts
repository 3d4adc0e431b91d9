import ExcelJS from 'exceljs'
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  SoftHyphen,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx'
import { exportFileName, formatDateDe } from '@tischrunde/shared'
import { stringify } from 'csv-stringify/sync'
import { CSV_DELIMITER } from '../render-csv.js'
import { hyphenateDe } from '../hyphenate.js'
import { ACTOR_CHAPTER_TITLE, ACTOR_COLUMNS, type ActorRow, BODIES_HEADING, type ActorTableInput, BODY_COLUMNS, BODY_TYPE_NAMES, actorChapterIntro, actorCsvRows, actorsByArea } from './actor-table.js'

/** A rendered download. */
export interface ActorFile {
  fileName: string
  contentType: string
  bytes: Uint8Array
}

const FONT = 'Arial'
const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' }
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border }
/** Landscape A4 content width in twentieths of a point (29.7 cm minus 2 × 1.5 cm margins). */
const WIDTH = 15120
/** Actor, institution / person, three check marks, notes. */
const ACTOR_WIDTHS = [3000, 3600, 1300, 1300, 1300, 4620]
/** The same on a portrait page (the documentation's chapter): the check marks keep room for their headings. */
const NARROW_ACTOR_WIDTHS = [2500, 1900, 1100, 1100, 1100, 1938]
const BODY_WIDTHS = [2600, 4200, 4200, 4120]
/** Empty rows to fill in by hand, as in the Arbeitshilfe. */
const BLANK_ROWS = 2
const CHECKED = '☒'
const UNCHECKED = '☐'

/** A line with Word's optional hyphens at German syllables: long names break there in narrow columns, not after any letter. */
const syllables = (line: string) => hyphenateDe(line).split('\u00ad').flatMap((part, i) => (i === 0 ? [part] : [new SoftHyphen(), part]))

const text = (value: string, opts: { bold?: boolean; size?: number; color?: string } = {}) =>
  value.split('\n').map((line, i) => new TextRun({ children: syllables(line), font: FONT, ...opts, ...(i > 0 ? { break: 1 } : {}) }))

function cell(width: number, paragraphs: Paragraph[], head = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    ...(head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'DCE6F0' } } : {}),
    children: paragraphs,
  })
}

const para = (value: string, opts: { bold?: boolean; center?: boolean; size?: number; color?: string } = {}) =>
  new Paragraph({ ...(opts.center ? { alignment: AlignmentType.CENTER } : {}), children: text(value, opts) })

function table(widths: readonly number[], width: number, header: readonly string[], rows: readonly Paragraph[][][]): Table {
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    borders,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(widths[i]!, [para(h, { bold: true, size: 18 })], true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((paras, i) => cell(widths[i]!, paras)) })),
    ],
  })
}

function actorCells(row: ActorRow | null): Paragraph[][] {
  const check = (b: boolean | undefined) => [para(b ? CHECKED : UNCHECKED, { center: true, size: 24 })]
  if (!row) return [[para('')], [para('')], check(false), check(false), check(false), [para('')]]
  const named = [para(row.name, { bold: true }), ...(row.namedAs ? [para(`Genannt als: ${row.namedAs}`, { size: 16, color: '505050' })] : []), ...(row.tables ? [para(`Genannt von: ${row.tables}`, { size: 16, color: '505050' })] : []), ...row.measureLines.map((line) => para(line, { size: 16, color: '505050' }))]
  return [named, [para(row.institution), ...(row.person ? [para(row.person, { size: 18 })] : [])], check(row.cooperation), check(row.coreGroup), check(row.forum), [para(row.notes)]]
}

/** Column widths scaled to a content width (twentieths of a point). */
function scaled(widths: readonly number[], width: number): number[] {
  const total = widths.reduce((a, b) => a + b, 0)
  const out = widths.map((w) => Math.floor((w * width) / total))
  out[out.length - 1]! += width - out.reduce((a, b) => a + b, 0)
  return out
}

/**
 * The actor tables as Word content: per area a heading and a real table (institution and contact,
 * three check-mark columns, notes, empty rows to fill in), then the table of existing bodies.
 * `width`: the page's content width; `heading`: the level of the area headings. Also the
 * documentation's chapter "Wer kann helfen?" (see `actorSectionDocx`).
 */
export function actorTablesDocx(input: ActorTableInput, width: number, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1): FileChild[] {
  const actorHeader = [ACTOR_COLUMNS.name, `${ACTOR_COLUMNS.institution} / ${ACTOR_COLUMNS.person}`, ACTOR_COLUMNS.cooperation, ACTOR_COLUMNS.coreGroup, ACTOR_COLUMNS.forum, ACTOR_COLUMNS.notes]
  const actorWidths = scaled(width < WIDTH * 0.8 ? NARROW_ACTOR_WIDTHS : ACTOR_WIDTHS, width)
  const children: FileChild[] = []
  for (const group of actorsByArea(input)) {
    children.push(new Paragraph({ heading, children: text(group.name, { bold: true, size: 28 }) }))
    const rows = [...group.rows.map(actorCells), ...Array.from({ length: BLANK_ROWS }, () => actorCells(null))]
    children.push(table(actorWidths, width, actorHeader, rows))
  }
  children.push(new Paragraph({ heading, children: text(BODIES_HEADING, { bold: true, size: 28 }) }))
  const bodyRows = [
    ...input.bodies.map((b) => [[para(BODY_TYPE_NAMES[b.type])], [para(b.name, { bold: true })], [para(b.members)], [para(b.notes)]]),
    ...Array.from({ length: Math.max(BLANK_ROWS, 4 - input.bodies.length) }, () => [[para('')], [para('')], [para('')], [para('')]]),
  ]
  children.push(table(scaled(BODY_WIDTHS, width), width, Object.values(BODY_COLUMNS), bodyRows))
  return children
}

/**
 * The documentation's chapter "Wer kann helfen?" for a Word documentation of `width` content
 * width: a Heading 1 on a new page, the intro, the area tables (Heading 2). Empty without actors.
 */
export function actorSectionDocx(input: ActorTableInput | null, width: number): FileChild[] {
  if (!input) return []
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: text(ACTOR_CHAPTER_TITLE) }),
    para(actorChapterIntro(input), { size: 18, color: '505050' }),
    ...actorTablesDocx(input, width, HeadingLevel.HEADING_2),
  ]
}

/**
 * The actor table as a Word document ready to fill in (seed 002's Arbeitshilfe): landscape, one
 * real table per area with institution and contact, three check-mark columns and notes, empty
 * rows to add local actors by hand; then the table of existing bodies.
 */
export async function renderActorsDocx(input: ActorTableInput): Promise<ActorFile> {
  const children: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: text(ACTOR_CHAPTER_TITLE, { bold: true, size: 36 }) }),
    para(`${input.event.title} · ${formatDateDe(input.event.date)}${input.event.place ? ` · ${input.event.place}` : ''}`),
    para(actorChapterIntro(input), { size: 18, color: '505050' }),
    ...actorTablesDocx(input, WIDTH),
  ]
  const doc = new Document({
    creator: 'Tischrunde',
    title: `Akteure – ${input.event.title}`,
    styles: { default: { document: { run: { font: FONT, size: 20, language: { value: 'de-DE' } } } } },
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 850, bottom: 850, left: 850, right: 850 } } }, children }],
  })
  return { fileName: exportFileName(input.event, 'Akteure', 'docx'), contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: new Uint8Array(await Packer.toBuffer(doc)) }
}

/** The actor table as CSV (semicolons, BOM; formula characters neutralised). */
export function renderActorsCsv(input: ActorTableInput): ActorFile {
  return { fileName: exportFileName(input.event, 'Akteure', 'csv'), contentType: 'text/csv; charset=utf-8', bytes: new TextEncoder().encode(stringify(actorCsvRows(input), { bom: true, delimiter: CSV_DELIMITER, record_delimiter: 'windows', quoted_match: /[\r\n]/ })) }
}

/**
 * The actor table as an Excel workbook: sheet "Akteure" and sheet "Gremien", every cell typed as
 * text (a name like "=SUMME(…)" or "1-7" stays what it is), check marks as "x", header frozen.
 */
export async function renderActorsXlsx(input: ActorTableInput): Promise<ActorFile> {
  const book = new ExcelJS.Workbook()
  book.creator = 'Tischrunde'
  const sheet = book.addWorksheet('Akteure', { views: [{ state: 'frozen', ySplit: 1 }] })
  const asText = (ws: ExcelJS.Worksheet, values: readonly string[], bold = false) => {
    const row = ws.addRow([...values])
    row.eachCell({ includeEmpty: true }, (c) => {
      c.numFmt = '@'
      c.value = { richText: [{ text: String(c.value ?? ''), ...(bold ? { font: { bold: true } } : {}) }] }
      c.alignment = { wrapText: true, vertical: 'top' }
    })
  }
  const rows = actorCsvRows(input).map((r) => r.map((v) => (v.startsWith("'") && /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v)))
  asText(sheet, rows[0]!, true)
  for (const r of rows.slice(1)) asText(sheet, r)
  sheet.columns.forEach((col, i) => (col.width = [26, 32, 32, 40, 24, 30, 26, 12, 12, 12, 48][i] ?? 20))
  const bodies = book.addWorksheet('Gremien', { views: [{ state: 'frozen', ySplit: 1 }] })
  asText(bodies, Object.values(BODY_COLUMNS), true)
  for (const b of input.bodies) asText(bodies, [BODY_TYPE_NAMES[b.type], b.name, b.members, b.notes])
  bodies.columns.forEach((col, i) => (col.width = [24, 40, 40, 48][i] ?? 20))
  const buffer = await book.xlsx.writeBuffer()
  return { fileName: exportFileName(input.event, 'Akteure', 'xlsx'), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: new Uint8Array(buffer as ArrayBuffer) }
}
