import type { AgendaItem } from '../event/event.schema.js'
import type { EventExport, ExportBoard } from './event-export.schema.js'
import { workshopSheets } from '../programme/workshop-sheets.js'
import { programmeAgenda, programmeDayMethod } from '../programme/programme-documentation.js'
import { findGroup, groupsOf } from '../kinds/tree/groups.js'
import { isTreeDay } from '../kinds/tree/tree-day.js'
import { type ListItem, readList } from './list-items.js'
import { narrowHarvestToTable } from '../harvest/harvest-export.schema.js'
import { type DocFraming, documentationFraming } from './doc-framing.js'
import { columnTitleFor } from '../event/column-headings.js'
import { type RowWords, rowWordsOf } from './csv-rows.js'

/**
 * The format-independent model of result sheets: what PDF, DOCX, Markdown and CSV render.
 *
 * Everything in it is plain text. Card texts, table names and titles are data typed by people, so
 * each renderer writes them as text in its format and never as markup.
 */

const NUMBER_WORDS = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf']
/** A count in running text as German writes it: up to twelve in words ("an elf Thementischen"), then in digits. */
export const inWords = (n: number): string => NUMBER_WORDS[n] ?? String(n)

/** The fixed words of a sheet, German as on the Winnenden result sheets. */
export const SHEET_WORDS = {
  table: 'Thementisch',
  results: 'Ergebnisse',
  agenda: 'Tagesprogramm',
  contents: 'Inhalt',
  documentation: 'Dokumentation',
  noResults: 'Für diesen Thementisch liegen keine Ergebnisse vor.',
  /** Under a station where this table wrote nothing. */
  noStationResults: 'Keine Ergebnisse an dieser Station.',
  host: 'Gastgeber*in',
  oClock: 'Uhr',
  /** `page(3, 17)` → "Seite 3 von 17" */
  page: (n: number, of: number) => `Seite ${n} von ${of}`,
  continued: '(Fortsetzung)',
  tableCount: (n: number) => (n === 1 ? '1 Thementisch' : `${n} Thementische`),
  /** Workshops with their own board's chapter, on a day with theme tables too. */
  workshopCount: (n: number) => (n === 1 ? '1 Workshop' : `${n} Workshops`),
  method: 'Ablauf und Methode',
  /** The method page's opening, generated from the template. */
  methodIntro: (tables: number, stations: number) =>
    `Die Veranstaltung arbeitete als World Café an ${tables === 1 ? 'einem Thementisch' : `${inWords(tables)} Thementischen`}. ` +
    `Jeder Tisch ging durch ${stations === 1 ? 'eine Station' : `${inWords(stations)} Stationen`}, jede mit ihrer Leitfrage; ` +
    'die Antworten wurden auf Karten festgehalten, geordnet nach den Spalten der Station.',
  /** The method page's opening for a day that ran the problem/solution trees in small groups. */
  treeMethodIntro: (groups: number, attribute: string) =>
    `Die Veranstaltung arbeitete mit Problem- und Lösungsbäumen in ${groups === 1 ? 'einer Kleingruppe' : `${inWords(groups)} Kleingruppen`} (nach ${attribute}). ` +
    'Jede Gruppe hielt zuerst in einem Problembaum das Kernproblem mit seinen Ursachen und Folgen fest ' +
    'und leitete daraus später einen Lösungsbaum mit Lösungsansätzen ab.',
  /** The values of a tree day no tree came of (nobody joined, or nobody wrote): named, not left out without a word. */
  noTreeFor: (values: readonly string[]) => `Zu ${values.map((v) => `„${v}“`).join(', ').replace(/, (?=[^,]*$)/, ' und ')} entstand kein Baum.`,
  groupCount: (n: number) => (n === 1 ? '1 Kleingruppe' : `${n} Kleingruppen`),
  columnsOf: 'Spalten',
  closing: 'Vielen Dank für Ihre Mitwirkung!',
  cardCount: (n: number) => (n === 1 ? '1 Karte' : `${n} Karten`),
  /** "Ergebnisse · 42 Karten": a sheet's subtitle. */
  resultsWithCount: (n: number) => `Ergebnisse · ${n === 1 ? '1 Karte' : `${n} Karten`}`,
  /** After a card the moderation struck through (every format shows it, not only those that can strike). */
  struck: '(durchgestrichen)',
  /** Before the text of a card merged into this one, listed with its sub-points. */
  merged: 'Zusammengeführt:',
} as const

/** One card with its sub-points, in board order; `text`/`subPoints` as typed, the rest as shown (see list-items.ts). */
export interface SheetCard extends ListItem {
  subPoints: string[]
  /** The sub-points as list items. */
  subItems: ListItem[]
  /** The sub-points form a numbered list. */
  subNumbered: boolean
  /** Struck through by the moderation: `body` ends with {@link SHEET_WORDS}.struck, a format that can strike strikes the text before it. */
  struck?: true
}
/** One column of a station that has cards, e.g. "Was läuft gut?", titled as the table's sheet heads it (see `columnTitleFor`). */
export interface SheetColumn {
  id: string
  title: string
  /** The cards form a numbered list (every card that is no label starts with a typed number). */
  numbered: boolean
  cards: SheetCard[]
}
/** One station: "Station 1" with its prompt and its non-empty columns in template order (none: nothing written there). */
export interface SheetStation {
  id: string
  title: string
  prompt: string
  /** "Station 1: Was läuft gut? Wo hakt es?" */
  heading: string
  columns: SheetColumn[]
  cardCount: number
}
/** Title, date and place of the event, as every sheet's header shows them. */
export interface SheetEventInfo {
  id: string
  title: string
  /** ISO date, `2019-07-02`. */
  date: string
  /** `2. Juli 2019` */
  dateLabel: string
  place: string
}
/** The result sheet of one theme table. */
export interface ResultSheet {
  event: SheetEventInfo
  table: { id: string; name: string; host: string }
  /** A workshop's own board (a day's programme) rather than a theme table: spreadsheets name its columns so. */
  workshop?: true
  /** "Thementisch: Arbeitsmarktintegration" */
  heading: string
  /**
   * The template's stations in order, those without cards with no columns (shown as "keine
   * Ergebnisse"); none at all when the table has no card anywhere.
   */
  stations: SheetStation[]
  cardCount: number
}
/** One station of the method, as the template has it, with the cards written there at all tables. */
export interface MethodStation {
  title: string
  prompt: string
  columns: string[]
  /** Cards written at this station; null where the station drives the trees (no cards to count). */
  cardCount: number | null
}
/** The whole documentation of an event: title page, agenda, method, one chapter per table. */
export interface EventDocumentation {
  event: SheetEventInfo
  agenda: AgendaItem[]
  /** The template's stations with their questions and columns: the method page. */
  method: MethodStation[]
  sheets: ResultSheet[]
  /** The title page's count line: "11 Thementische · 240 Karten"; "4 Kleingruppen" for a tree day. */
  summary: string
  /** The method page's opening, by how the day worked (café tables or tree groups). */
  methodIntro: string
  /** The organiser's framing: subtitle, organisers, Einleitung, Ausblick (undefined: none written). */
  framing?: DocFraming
  /** How spreadsheets name the rows' table and station columns (theme tables where not given). */
  rowWords?: RowWords
}

const MONTHS_DE = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember']

/** `2019-07-02` → `2. Juli 2019`; anything else is returned as it is. */
export function formatDateDe(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate)
  const month = m ? MONTHS_DE[Number(m[2]) - 1] : undefined
  if (!m || !month) return isoDate
  return `${Number(m[3])}. ${month} ${m[1]}`
}

/**
 * Makes typed text safe to lay out: line breaks become `\n`, tabs spaces, and other control
 * characters (which no font draws and some formats cannot hold, e.g. XML 1.0) are dropped.
 */
export function plainText(text: string): string {
  return (
    text
      .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u0084\u0086-\u009f\ufffe\uffff]/g, '')
  )
}

function eventInfo(file: EventExport): SheetEventInfo {
  const { id, title, date, place } = file.event
  return { id, title: plainText(title), date, dateLabel: formatDateDe(date), place: plainText(place) }
}

/**
 * A column as the sheets show it, from its cards as typed (lists read by {@link readList}). A card
 * the moderation struck through says so after its text; the texts merged into a card follow its
 * sub-points ("Zusammengeführt: …"), so every format keeps both.
 */
export function sheetColumn(id: string, title: string, cards: readonly { text: string; subPoints: readonly string[]; struck?: true; merged?: readonly string[] }[]): SheetColumn {
  const list = readList(cards.map((c) => plainText(c.text)))
  return {
    id,
    title,
    numbered: list.numbered,
    cards: cards.map((c, i) => {
      const subPoints = [...c.subPoints.map(plainText), ...(c.merged ?? []).map((text) => `${SHEET_WORDS.merged} ${plainText(text)}`)]
      const subs = readList(subPoints)
      const item = list.items[i]!
      return { ...item, ...(c.struck ? { body: `${item.body} ${SHEET_WORDS.struck}`, struck: true as const } : {}), subPoints, subItems: subs.items, subNumbered: subs.numbered }
    }),
  }
}

function sheetFor(file: EventExport, table: EventExport['event']['tables'][number], board: ExportBoard | undefined): ResultSheet {
  const stations: SheetStation[] = []
  let cardCount = 0
  for (const station of file.event.template.stations) {
    const fromBoard = board?.stations.find((s) => s.stationId === station.id)
    const columns: SheetColumn[] = []
    for (const column of station.columns) {
      const cards = fromBoard?.columns.find((c) => c.columnId === column.id)?.cards ?? []
      if (cards.length === 0) continue
      // The table's own heading where its sheet had one ("Was sind unsere Ziele? / Was soll …"), else the template's.
      columns.push(sheetColumn(column.id, plainText(columnTitleFor(table, station.id, column)), cards))
    }
    const title = plainText(station.title)
    const prompt = plainText(station.prompt)
    const count = columns.reduce((n, c) => n + c.cards.length, 0)
    cardCount += count
    stations.push({ id: station.id, title, prompt, heading: prompt ? `${title}: ${prompt}` : title, columns, cardCount: count })
  }
  if (cardCount === 0) stations.length = 0
  const name = plainText(table.name)
  return {
    event: eventInfo(file),
    table: { id: table.id, name, host: plainText(table.host) },
    heading: `${SHEET_WORDS.table}: ${name}`,
    stations,
    cardCount,
  }
}

/**
 * The result sheet of one theme table, laid out along the event's template; undefined when the
 * event has no such table. Columns and stations without cards are left out, as on the seed's sheets.
 */
export function buildResultSheet(file: EventExport, tableId: string): ResultSheet | undefined {
  const table = file.event.tables.find((t) => t.id === tableId)
  if (!table) return undefined
  return sheetFor(file, table, file.boards.find((b) => b.tableId === tableId))
}

/** Every table's sheet, in the event's table order, with the title-page facts and the agenda. */
export function buildEventDocumentation(file: EventExport): EventDocumentation {
  const sheets = file.event.tables.map((t) => sheetFor(file, t, file.boards.find((b) => b.tableId === t.id)))
  const workshops = workshopSheets(file, eventInfo(file))
  const all = [...sheets, ...workshops]
  const cards = all.reduce((n, sheet) => n + sheet.cardCount, 0)
  // A tree day: no theme tables, the stations drive the groups' trees.
  const tree = isTreeDay(file.event) ? (file.event.treeMethod ?? null) : null
  // The groups that wrote something, as the documents show them (a group nobody joined has no chapter).
  const wrote = new Set((file.trees ?? []).filter((t) => t.nodes.length > 0).map((t) => t.groupId))
  const groups = tree ? wrote.size || groupsOf(tree).length : 0
  const wroteValues = new Set([...wrote].map((id) => (tree ? findGroup(tree, id)?.value : undefined)))
  const noTree = tree && wrote.size > 0 ? tree.values.filter((v) => !wroteValues.has(v)).map(plainText) : []
  // A day of workshops alone: its work phases and workshops are the method, not the café template it was made with.
  const programmeDay = sheets.length === 0 && !file.event.treeMethod ? programmeDayMethod(file, workshops) : null
  // The programme, where the day has one, at the times it ran and with its workshops named.
  const agenda = file.programme && file.programme.items.length > 0 ? programmeAgenda(file.programme) : file.event.agenda.map((a) => ({ time: a.time, title: plainText(a.title), detail: plainText(a.detail) }))
  const rowWords = rowWordsOf(all, programmeDay !== null)
  if (programmeDay) return { event: eventInfo(file), agenda, sheets: all, ...programmeDay, framing: documentationFraming(file, plainText), rowWords }
  return {
    event: eventInfo(file),
    agenda,
    method: file.event.template.stations.map((station) => ({
      title: plainText(station.title),
      prompt: plainText(station.prompt),
      columns: tree ? [] : station.columns.map((c) => plainText(c.title)),
      cardCount: tree ? null : sheets.reduce((n, sheet) => n + (sheet.stations.find((s) => s.id === station.id)?.cardCount ?? 0), 0),
    })),
    sheets: all,
    summary: tree ? SHEET_WORDS.groupCount(groups) : [SHEET_WORDS.tableCount(sheets.length), ...(workshops.length > 0 ? [SHEET_WORDS.workshopCount(workshops.length)] : []), SHEET_WORDS.cardCount(cards)].join(' · '),
    methodIntro: tree ? [SHEET_WORDS.treeMethodIntro(groups, plainText(tree.attribute)), ...(noTree.length > 0 ? [SHEET_WORDS.noTreeFor(noTree)] : [])].join(' ') : SHEET_WORDS.methodIntro(sheets.length, file.event.template.stations.length),
    framing: documentationFraming(file, plainText),
    rowWords,
  }
}

/**
 * An EventExport narrowed to one table (its event lists only that table): what a per-table JSON
 * download holds, still readable by the importer. Undefined for an unknown table.
 *
 * Built from what belongs to the table, field by field, never by copying the whole file: the actor
 * map (with its contact persons), the trees, the programme and the workshops' boards, the logos and
 * the framing are the whole event's and stay behind, as does any part a later version adds.
 */
export function narrowExportToTable(file: EventExport, tableId: string): EventExport | undefined {
  const table = file.event.tables.find((t) => t.id === tableId)
  if (!table) return undefined
  const { id, title, date, place, agenda, template, showNames, address, maxPerTable } = file.event
  return {
    format: file.format,
    version: file.version,
    event: { id, title, date, place, agenda, tables: [table], template, showNames, address, maxPerTable },
    boards: file.boards.filter((b) => b.tableId === tableId),
    ...(file.harvest ? { harvest: narrowHarvestToTable(file.harvest, tableId) } : {}),
  }
}

/**
 * Splits a station's columns into rows that are shown side by side: all in one row up to
 * `maxPerRow`, otherwise as evenly as possible (4 → 2 + 2, 5 → 3 + 2).
 */
export function columnRows<T>(columns: readonly T[], maxPerRow: number): T[][] {
  if (columns.length === 0) return []
  const rows = Math.ceil(columns.length / Math.max(1, maxPerRow))
  const perRow = Math.ceil(columns.length / rows)
  const out: T[][] = []
  for (let i = 0; i < columns.length; i += perRow) out.push(columns.slice(i, i + perRow))
  return out
}
