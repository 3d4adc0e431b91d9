import { setImmediate as nextTurn } from 'node:timers/promises'
import { zipSync, type Zippable } from 'fflate'
import { type EventExport, HARVEST_CHAPTER_WORDS, SHEET_WORDS, TREE_SHEET_WORDS, type TreePhase, formatDateDe, isTreeDay } from '@tischrunde/shared'
import type { DocumentJob } from './documents.js'
import { renderCsv } from './render-csv.js'
import { TREE_SHEET_HEADER, TREE_SHEET_WIDTHS, TREES_FOLDER, drawTreesPdf, hasTreeChapter, treeSheetRows, treeZipEntries, treesCsv, treesDocx } from './tree/tree-sheets.js'
import { drawHarvestPdf, harvestDocx, harvestReadmeLines, harvestZipEntries } from './harvest/harvest-chapter.js'
import { renderDocumentationDocx, renderSheetDocx } from './render-docx.js'
import { renderDocumentationPdf, renderSheetPdf } from './render-pdf.js'
import { actorSectionMarkdown, actorTableInputOf, withoutContactPersons } from './actors/actor-section.js'
import { actorSectionDocx } from './actors/render-actors.js'
import { drawActorsPdf } from './actors/actor-section-pdf.js'
import { ACTOR_CHAPTER_TITLE } from './actors/actor-table.js'
import { renderDocumentationXlsx, renderSheetXlsx } from './render-xlsx.js'
import { PROGRAMME_FOLDER, type ZipExtra, hasProgramme, programmeReadmeLines, renderHandoutPart } from './programme/programme-zip.js'
import {
  EXPORT_CONTENT_TYPES,
  EXPORT_FORMATS,
  type EventDocumentation,
  type ExportFormat,
  ROW_WORDS,
  type RowWords,
  type ResultSheet,
  buildEventDocumentation,
  buildResultSheet,
  documentationCsvRows,
  documentationToMarkdown,
  treesToMarkdown,
  buildHarvestChapter,
  harvestChapterToMarkdown,
  exportFileName,
  narrowExportToTable,
  resultSheetToMarkdown,
  sheetCsvRows,
  uniqueFileNames,
} from './shared-export.js'

/** A finished download. */
export interface RenderedFile {
  /** ASCII only, e.g. `Winnenden_2019-07-02_Arbeitsmarktintegration.pdf`. */
  fileName: string
  contentType: string
  bytes: Uint8Array
}

/** Told as an export goes on: `done` of `total` steps (the files of a ZIP; one step for one file). */
export type ProgressListener = (done: number, total: number) => void

/** What can be exported; the same three operations run in-process (CLI, tests) or in a worker (server). */
export interface ExportRenderer {
  renderTable(file: EventExport, tableId: string, format: ExportFormat, onProgress?: ProgressListener): Promise<RenderedFile>
  renderEvent(file: EventExport, format: ExportFormat, onProgress?: ProgressListener): Promise<RenderedFile>
  /** Everything in one ZIP; `extras` are files the server adds to the programme's folder (the sign-up lists). */
  renderZip(file: EventExport, onProgress?: ProgressListener, extras?: readonly ZipExtra[]): Promise<RenderedFile>
  /** One group's tree as a picture (drawing a large one takes seconds: off the main thread where the renderer has a worker). */
  renderTree(file: EventExport, groupId: string, phase: TreePhase, format: 'svg' | 'png'): Promise<RenderedFile | null>
  /** How long one export may run before it is stopped (TIMED_OUT), if this renderer stops any. */
  readonly jobTimeoutMs?: number
  /**
   * Holds a place for an export of the event while its route reads what to render; throws
   * ExportBusyError when the queue is full. Returns the function that gives the place back. Only a
   * renderer with a queue has it (see readThenRender).
   */
  reserve?(eventId: string): () => void
  /** Gets ready for an export that may follow soon (starts and warms the export threads), if this renderer has anything to prepare. */
  prepare?(): void
  /** A handout, a ranking or the actor table (see documents.ts), off the main thread where the renderer has a worker. */
  renderDocument(eventId: string, document: DocumentJob): Promise<RenderedFile>
}

/** Names of the whole-event files (the table part of `<Event>_<date>_<part>.<ext>`). */
export const EVENT_FILE_PART = { documentation: 'Dokumentation', allTables: 'Alle-Tische', zip: 'Ergebnisse', tablesFolder: 'Thementische' } as const

/** The file part of every row's CSV and workbook: "Alle-Tische", "Alle-Workshops" on a day of workshops. */
const allRowsPart = (doc: EventDocumentation) => doc.rowWords?.file ?? EVENT_FILE_PART.allTables

const utf8 = (text: string) => new TextEncoder().encode(text)
const json = (file: EventExport) => utf8(JSON.stringify(file, null, 2) + '\n')

async function sheetBytes(sheet: ResultSheet, format: Exclude<ExportFormat, 'json'>): Promise<Uint8Array> {
  switch (format) {
    case 'pdf':
      return renderSheetPdf(sheet)
    case 'docx':
      return renderSheetDocx(sheet)
    case 'md':
      return utf8(resultSheetToMarkdown(sheet))
    case 'csv':
      return renderCsv(sheetCsvRows(sheet))
    case 'xlsx':
      return renderSheetXlsx(sheet)
  }
}

/**
 * One table's result sheet. The caller checks the table exists (routes answer 400, the CLI says
 * which tables there are); an unknown one here is a bug and throws.
 */
export async function renderTable(file: EventExport, tableId: string, format: ExportFormat): Promise<RenderedFile> {
  const sheet = buildResultSheet(file, tableId)
  if (!sheet) throw new Error(`renderTable: unknown table ${tableId}`)
  // A name of emoji only names the file by the table's place ("Thementisch-3"), not "Export".
  const fileName = exportFileName(file.event, sheet.table.name, format, `${SHEET_WORDS.table}-${file.event.tables.findIndex((t) => t.id === tableId) + 1}`)
  const bytes = format === 'json' ? json(narrowExportToTable(file, tableId)!) : await sheetBytes(sheet, format)
  return { fileName, contentType: EXPORT_CONTENT_TYPES[format], bytes }
}

/**
 * The whole event: documentation as PDF, DOCX or Markdown (title page, agenda, contents, one
 * chapter per table), every table's rows in one CSV, or the EventExport JSON the importer reads.
 */
export async function renderEvent(file: EventExport, format: ExportFormat): Promise<RenderedFile> {
  const doc = buildEventDocumentation(file)
  const named = (part: string | null, bytes: Uint8Array): RenderedFile => ({
    fileName: exportFileName(file.event, part, format),
    contentType: EXPORT_CONTENT_TYPES[format],
    bytes,
  })
  switch (format) {
    case 'pdf':
      return named(
        EVENT_FILE_PART.documentation,
        await renderDocumentationPdf(
          doc,
          (pdf) => {
            drawHarvestPdf(pdf, file)
            drawTreesPdf(pdf, file)
            drawActorsPdf(pdf, actorTableInputOf(file))
          },
          // The contents list them after the tables, as the DOCX does.
          [...(buildHarvestChapter(file) ? [HARVEST_CHAPTER_WORDS.chapter] : []), ...(hasTreeChapter(file) ? [TREE_SHEET_WORDS.chapter] : []), ...(actorTableInputOf(file) ? [ACTOR_CHAPTER_TITLE] : [])],
        ),
      )
    case 'docx':
      return named(
        EVENT_FILE_PART.documentation,
        await renderDocumentationDocx(doc, { appendix: [...harvestDocx(file), ...treesDocx(file)], extraChapters: (width) => actorSectionDocx(actorTableInputOf(file), width) }),
      )
    case 'md':
      return named(EVENT_FILE_PART.documentation, utf8(documentationToMarkdown(doc, [harvestChapterToMarkdown(buildHarvestChapter(file)), treesToMarkdown(file.event.treeMethod, file.trees ?? []), actorSectionMarkdown(file)])))
    case 'csv':
      // An event that runs only the tree method: its trees, with a parent column.
      if (isTreeDay(file.event)) return named('Baeume', treesCsv(file))
      return named(allRowsPart(doc), renderCsv(documentationCsvRows(doc)))
    case 'xlsx': {
      const trees = { header: TREE_SHEET_HEADER, widths: TREE_SHEET_WIDTHS, rows: treeSheetRows(file) }
      return named(isTreeDay(file.event) ? 'Baeume' : allRowsPart(doc), await renderDocumentationXlsx(doc, trees))
    }
    case 'json':
      return named(null, json(file))
  }
}

/** One file of the ZIP, rendered on its own: in this thread, or in a helper thread (see zip-helper.ts). */
export type ZipPart = { kind: 'event'; format: ExportFormat } | { kind: 'table'; tableId: string; format: ExportFormat } | { kind: 'programme'; format: 'pdf' | 'docx' }

/** The ZIP's files, in the order they appear in it: the whole event in every format, then every table. */
export function zipParts(file: EventExport): ZipPart[] {
  // The whole event's JSON already holds every table, and its XLSX has a sheet per table: tables get the other formats.
  const tableFormats = EXPORT_FORMATS.filter((f) => f !== 'json' && f !== 'xlsx')
  return [
    ...EXPORT_FORMATS.map((format): ZipPart => ({ kind: 'event', format })),
    ...file.event.tables.flatMap((table) => tableFormats.map((format): ZipPart => ({ kind: 'table', tableId: table.id, format }))),
    ...(hasProgramme(file) ? (['pdf', 'docx'] as const).map((format): ZipPart => ({ kind: 'programme', format })) : []),
  ]
}

export function renderZipPart(file: EventExport, part: ZipPart): Promise<RenderedFile> {
  if (part.kind === 'programme') return renderHandoutPart(file, part.format)
  return part.kind === 'event' ? renderEvent(file, part.format) : renderTable(file, part.tableId, part.format)
}

/**
 * Another thread that renders some of a ZIP's files while this one renders the rest. It claims
 * files from the back of `order` (indexes into the parts), this thread from the front, each
 * through `claims` (shared memory, so neither waits for the other to ask), and hands each file
 * back as it is done. The promise settles once it claims no more; a file it claimed but did not
 * hand back (the helper failed) is then rendered here.
 */
export interface ZipHelper {
  render(file: EventExport, parts: readonly ZipPart[], order: readonly number[], claims: Int32Array, onFile: (index: number, file: RenderedFile) => void): Promise<void>
}

/** Claims a part for the calling thread: true for the first thread to ask. */
export const claimPart = (claims: Int32Array, at: number): boolean => Atomics.compareExchange(claims, at, 0, 1) === 0

/**
 * The order the two threads meet in: this thread takes from the front the documentation PDF, then
 * every table's PDF (they share laid-out text), then the small text files; a helper takes from the
 * back the documentation DOCX, the workbook, then the tables' DOCX. Each begins with its largest file.
 */
function claimOrder(parts: readonly ZipPart[]): number[] {
  const rank = (p: ZipPart) => {
    const heavy = p.format === 'pdf' ? 0 : p.format === 'docx' || p.format === 'xlsx' ? 2 : 1
    const whole = p.kind === 'event' ? 0 : 1
    // The helper's end reversed: its largest (the documentation DOCX) last in the list, so first from the back.
    return heavy === 2 ? [heavy, -whole, p.format === 'xlsx' ? 0 : 1] : [heavy, whole, 0]
  }
  const cmp = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!
  return parts.map((p, i) => ({ i, r: rank(p) })).sort((a, b) => cmp(a.r, b.r) || a.i - b.i).map((x) => x.i)
}

/**
 * Everything in one ZIP: the documentation (PDF, DOCX, Markdown), all tables as CSV and JSON, and
 * a folder with each table's sheet in every format. Yields to the event loop between files, so
 * even in-process it never holds it for a whole event. With a `helper` thread, the files are
 * rendered by both threads at once; the ZIP is the same.
 */
export async function renderZip(whole: EventExport, onProgress?: ProgressListener, helper?: ZipHelper, extras: readonly ZipExtra[] = []): Promise<RenderedFile> {
  // Passed around like the documentation: no contact persons of actors, in its JSON either.
  const file = withoutContactPersons(whole)
  const parts = zipParts(file)
  const total = parts.length
  const done: (RenderedFile | undefined)[] = parts.map(() => undefined)
  let count = 0
  const got = (index: number, out: RenderedFile) => {
    done[index] = out
    onProgress?.(++count, total)
  }
  onProgress?.(0, total)
  const order = claimOrder(parts)
  const claims = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, parts.length)))
  // A helper that fails leaves its files to this thread (below): its failure is no failure of the ZIP.
  const helping = helper?.render(file, parts, order, claims, got).catch(() => {})
  for (const index of order) {
    if (!claimPart(claims, index)) break // the helper has come this far from the back
    got(index, await renderZipPart(file, parts[index]!))
    await nextTurn()
  }
  await helping
  // What the helper claimed but did not deliver (it failed): rendered here.
  for (const [index, part] of parts.entries()) {
    if (done[index] === undefined) {
      got(index, await renderZipPart(file, part))
      await nextTurn()
    }
  }
  const files = done as RenderedFile[]
  const entries: [string, Uint8Array][] = []
  const eventFiles = parts.flatMap((p, i) => (p.kind === 'event' ? [files[i]!] : []))
  for (const out of eventFiles) entries.push([out.fileName, out.bytes])
  const tableFiles = parts.flatMap((p, i) => (p.kind === 'table' ? [files[i]!] : []))
  // Two tables may fold to the same file name ("Sprache" and "Sprache!").
  const names = uniqueFileNames(tableFiles.map((f) => f.fileName))
  tableFiles.forEach((f, i) => entries.push([`${EVENT_FILE_PART.tablesFolder}/${names[i]}`, f.bytes]))
  const programmeFiles = parts.flatMap((p, i) => (p.kind === 'programme' ? [files[i]!] : []))
  for (const out of programmeFiles) entries.push([`${PROGRAMME_FOLDER}/${out.fileName}`, out.bytes])
  for (const extra of extras) entries.push([`${PROGRAMME_FOLDER}/${extra.name}`, extra.bytes])

  // A day of trees alone: its own CSV is the trees' already.
  entries.push(...treeZipEntries(file, !isTreeDay(file.event)))
  entries.push(...harvestZipEntries(file))
  entries.unshift([ZIP_README, utf8(zipReadme(file, entries.map(([name]) => name), extras))])
  const zippable: Zippable = {}
  // PDF streams and DOCX are compressed already: store them; deflate the text formats.
  for (const [name, bytes] of entries) zippable[name] = [bytes, { level: /\.(pdf|docx|xlsx)$/.test(name) ? 0 : 6 }]
  return { fileName: exportFileName(file.event, EVENT_FILE_PART.zip, 'zip'), contentType: EXPORT_CONTENT_TYPES.zip, bytes: zipSync(zippable) }
}

/** The name of the ZIP's guide to its files. */
export const ZIP_README = 'LIESMICH.txt'

/** What each kind of file in the ZIP is, by its ending, in the words of the people who open them. */
const FILE_KINDS: Record<string, string> = {
  pdf: 'PDF zum Drucken und Veröffentlichen (barrierearm: mit Struktur, Lesereihenfolge und Lesezeichen)',
  docx: 'Word-Dokument zum Weiterbearbeiten (Formatvorlagen, nummerierte Listen; das Inhaltsverzeichnis aktualisiert Word beim Öffnen)',
  md: 'Markdown-Text, z. B. für Websites und Wikis',
  csv: 'Tabelle (CSV, Semikolon, UTF-8) für Tabellenprogramme',
  json: 'Veranstaltung, Aufbau und sichtbare Karten (mit Anheften, Durchstreichen und Zusammenführen) als Datei, die Tischrunde wieder einlesen kann (mit Gruppen und Abstimmungen; ohne zurückgehaltene und noch verdeckte Karten, Anmeldungen, Ansprechpersonen der Akteure, Datenschutzhinweis und Löschfrist; vollständig sichert nur eine Kopie des Datenordners)',
  svg: 'Bild des Baums als SVG: scharf in jeder Größe, z. B. für Websites und Folien',
  png: 'Bild des Baums als PNG, z. B. für Präsentationen und E-Mails',
}

/** What the workbook holds: the tables' sheets, the trees' sheets, or both. */
function workbookKind(file: EventExport): string {
  const tables = file.event.tables.length > 0 ? 'je Karte und Unterpunkt eine Zeile; ein Blatt mit allen Tischen und eines je Thementisch' : null
  const trees = (file.trees?.length ?? 0) > 0 ? 'je Eintrag eines Baums eine Zeile; ein Blatt „Bäume“ mit allen Gruppen und eines je Gruppe' : null
  return `Excel-Tabelle: ${[tables ?? (trees ? null : 'je Karte eine Zeile'), trees].filter(Boolean).join('; dazu ')}`
}

/** The guide's list of the rows' columns, in the words of the day (theme tables, workshops or both). */
const rowColumns = (words: RowWords) => [
  `Spalten der Tabellen ${words === ROW_WORDS.tables ? 'der Thementische' : words === ROW_WORDS.workshops ? 'der Workshops' : 'der Thementische und Workshops'} (CSV und XLSX):`,
  '  ID            laufende Nummer jeder Zeile',
  ...(words === ROW_WORDS.workshops
    ? ['  Workshop      Nummer, Titel und Untertitel des Workshops', '  Arbeitsphase  Arbeitsphase des Workshops (mit ihrem Untertitel) und die Referierenden']
    : words === ROW_WORDS.both
      ? ['  Thementisch oder Workshop    Name des Tisches bzw. Nummer, Titel und Untertitel des Workshops', '  Station oder Arbeitsphase    Station mit ihrer Frage bzw. die Arbeitsphase des Workshops und die Referierenden']
      : ['  Thementisch   Name des Tisches; heißen zwei Tische gleich, mit der Nummer aus dem Inhaltsverzeichnis: "Sprache (Nr. 3)"', '  Station       Station mit ihrer Frage']),
  words === ROW_WORDS.tables ? '  Spalte        Spalte der Station' : '  Spalte        Spalte der Station bzw. der Pinnwand des Workshops',
  '  Nr.           Nummer, wie sie in der Dokumentation steht (nur in nummerierten Listen)',
  '  Gehört zu ID  bei Unterpunkten: die ID ihrer Karte',
  '  Gliederung    Stelle in der Spalte: 2 = zweite Karte, "2, Unterpunkt 1" = ihr erster Unterpunkt',
  '  Text          der Text der Karte oder des Unterpunkts',
  '',
]

const TREE_COLUMNS = [
  'Spalten der Tabellen der Bäume (CSV und XLSX):',
  '  Gruppe               die Kleingruppe',
  '  Baum                 Problembaum oder Lösungsbaum',
  '  Nummer               Art und Stelle im Baum: Kernproblem 1 bzw. Ziel 1; Ursache 1.2 = die zweite Ursache darunter',
  '  Art                  Kernproblem, Ursache, Folge; im Lösungsbaum Ziel, Mittel, Wirkung',
  '  Text                 der Text des Eintrags',
  '  Übergeordnet         Art und Nummer des Eintrags, unter dem er steht (z. B. Ursache 1.1)',
  '  Beantwortet Problem  im Lösungsbaum: das Problem (Nummer und Text), aus dem das Ziel wurde',
  '  Noch umzuformulieren "ja": das Ziel steht noch in den Worten des Problems',
  '  Im Rahmen            "ja": als im Rahmen dessen markiert, was die Gruppe selbst bewirken kann',
  '  Maßnahmen            die Maßnahmen zu einem Mittel, eine je Zeile (Zeilenumbruch in der Zelle)',
  '  Wer kann helfen?     wer dabei helfen kann, einer je Zeile (Zeilenumbruch in der Zelle)',
  '',
]

/**
 * The ZIP's guide: every file with what it is (the whole event, each table's folder, the trees'
 * folder), the spreadsheets' columns, and why a CSV cell may start with an apostrophe (formula
 * protection) while the XLSX needs none.
 */
export function zipReadme(file: EventExport, names: readonly string[], extras: readonly ZipExtra[] = []): string {
  const kind = (name: string) => (name.endsWith('.xlsx') ? workbookKind(file) : (FILE_KINDS[name.slice(name.lastIndexOf('.') + 1)] ?? ''))
  const listed = (list: readonly string[]) => list.map((n) => `  ${n}\n      ${kind(n)}`)
  const whole = names.filter((n) => !n.includes('/'))
  const perTable = names.filter((n) => n.startsWith(`${EVENT_FILE_PART.tablesFolder}/`))
  const trees = names.filter((n) => n.startsWith(`${TREES_FOLDER}/`))
  const lines = [
    `Ergebnisse: ${file.event.title} (${formatDateDe(file.event.date)})`,
    '',
    'Ganze Veranstaltung:',
    ...listed(whole),
    '',
    ...(perTable.length > 0 ? [`Je Thementisch (Ordner ${EVENT_FILE_PART.tablesFolder}/):`, ...listed(perTable), ''] : []),
    ...(trees.length > 0 ? [`Je Gruppe ihr Problembaum und ihr Lösungsbaum als Bild (Ordner ${TREES_FOLDER}/):`, ...listed(trees), ''] : []),
    ...programmeReadmeLines(names, extras),
    ...(isTreeDay(file.event) ? [] : rowColumns(buildEventDocumentation(file).rowWords ?? ROW_WORDS.tables)),
    ...((file.trees?.length ?? 0) > 0 ? TREE_COLUMNS : []),
    'Schutz vor Formeln: Beginnt ein Text mit =, +, -, @, Tabulator oder Wagenrücklauf, steht in der',
    'CSV-Datei ein Apostroph davor (\'+ Nutzen). So rechnet kein Tabellenprogramm damit und führt nichts',
    'aus. Die XLSX-Datei braucht das nicht: ihre Zellen sind als Text gespeichert und zeigen den Text',
    'genau wie eingegeben.',
    '',
    ...harvestReadmeLines(file),
  ]
  return lines.join('\r\n')
}

/** The renderer that runs in this thread: for the CLI, tests and the export worker itself. */
export const inProcessRenderer: ExportRenderer = {
  renderTable,
  renderEvent,
  renderZip: (file, onProgress, extras) => renderZip(file, onProgress, undefined, extras),
  renderTree: async (file, groupId, phase, format) => (await import('./tree/tree-image.js')).renderTreeImage(file, groupId, phase, format),
  renderDocument: async (_eventId, document) => (await import('./documents.js')).renderDocument(document),
}
