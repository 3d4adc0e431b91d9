import {
  ACTOR_AREAS,
  type ActorArea,
  type ActorBody,
  type ActorRecord,
  DEFAULT_AREA_NAMES,
  type ActorPlaces,
  groupOfPlace,
  measuresOf,
  neutraliseCell,
  placeName,
  tablesOf,
} from '@tischrunde/shared'

/** What the actor exports read: the map, the event's names for areas and for the places (tables, groups) that named actors. */
export interface ActorTableInput {
  event: { id: string; title: string; date: string; place: string }
  actors: readonly ActorRecord[]
  bodies: readonly ActorBody[]
  areaNames: ReadonlyMap<string, string>
  tableNames: ReadonlyMap<string, string>
}

/** Column titles of the actor table, as seed 002's Arbeitshilfe names them. */
export const ACTOR_COLUMNS = {
  area: 'Bereich',
  name: 'Akteur',
  namedAs: 'Genannt als',
  tables: 'Genannt von (Tische)',
  measures: 'Maßnahmen',
  /** On a tree day: the means of a group's solution tree under which the actor was named. */
  helpsWith: 'Hilft bei',
  institution: 'Institution vor Ort',
  person: 'Ansprechperson',
  cooperation: 'Kooperation besteht',
  coreGroup: 'Kerngruppe geplant',
  forum: 'Bündnis-Forum',
  notes: 'Notizen: möglicher Beitrag',
} as const

/** The documentation's chapter and the actor download: title, intro, the heading of the bodies' table. */
export const ACTOR_CHAPTER_TITLE = 'Wer kann helfen? Akteure für ein lokales Bündnis'
const COLUMNS_TO_FILL =
  'Spalten zum Ausfüllen: Institution und Ansprechperson vor Ort (personenbezogene Daten), bestehende Kooperation, geplante Mitgliedschaft in der Bündnis-Kerngruppe (etwa zehn Mitglieder aus den vier Bereichen) und in Bündnis-Foren, Notizen zu möglichen Beiträgen.'
export const ACTOR_CHAPTER_INTRO = `Aus den Antworten der Thementische auf „Wer kann helfen?“. ${COLUMNS_TO_FILL}`

/** Whether the map's actors were named at theme tables, in the groups' solution trees, or both. */
function namedIn(input: Pick<ActorTableInput, 'actors'>): { tables: boolean; trees: boolean } {
  const places = input.actors.flatMap((a) => a.mentions.map((m) => m.tableId))
  const trees = places.some((id) => groupOfPlace(id) !== null)
  return { tables: !trees || places.some((id) => groupOfPlace(id) === null), trees }
}

/** The chapter's intro: where its actors come from (the tables' cards, the groups' solution trees). */
export function actorChapterIntro(input: Pick<ActorTableInput, 'actors'>): string {
  const { tables, trees } = namedIn(input)
  if (!trees) return ACTOR_CHAPTER_INTRO
  const from = tables ? 'Aus den Antworten der Thementische und den Lösungsbäumen der Gruppen auf „Wer kann helfen?“.' : 'Aus den Lösungsbäumen der Gruppen: wer bei den Zielen unter „Wer kann helfen?“ genannt wurde.'
  return `${from} ${COLUMNS_TO_FILL}`
}

/** The title of the column "Genannt von": by tables, by groups, or both. */
export function namedByColumn(input: Pick<ActorTableInput, 'actors'>): string {
  const { tables, trees } = namedIn(input)
  return trees ? (tables ? 'Genannt von (Tische, Gruppen)' : 'Genannt von (Gruppen)') : ACTOR_COLUMNS.tables
}

/** The title of the measures' column: the tables' measures by number, the trees' means the actor helps with, or both. */
export function measuresColumn(input: Pick<ActorTableInput, 'actors'>): string {
  const { tables, trees } = namedIn(input)
  return trees ? (tables ? `${ACTOR_COLUMNS.measures} / ${ACTOR_COLUMNS.helpsWith.toLocaleLowerCase('de')}` : `${ACTOR_COLUMNS.helpsWith} (Mittel der Lösungsbäume)`) : ACTOR_COLUMNS.measures
}

/** The names of every place that named an actor of the map (a table, a group's solution tree). */
export function actorPlaceNames(event: ActorPlaces, actors: readonly ActorRecord[]): Map<string, string> {
  const out = new Map(event.tables.map((t) => [t.id, t.name]))
  for (const actor of actors) for (const m of actor.mentions) if (!out.has(m.tableId)) out.set(m.tableId, placeName(event, m.tableId))
  return out
}
export const BODIES_HEADING = 'Vorhandene Gremien, Arbeitskreise und Kooperationsvereinbarungen'

export const BODY_COLUMNS = { type: 'Art', name: 'Bezeichnung', members: 'Beteiligte', notes: 'Notizen' } as const
export const BODY_TYPE_NAMES: Readonly<Record<ActorBody['type'], string>> = { gremium: 'Gremium', arbeitskreis: 'Arbeitskreis', kooperation: 'Kooperationsvereinbarung' }

/** One row of the actor table, as plain text. */
export interface ActorRow {
  area: string
  name: string
  /** The names the cards gave it where they differ from its name ("Sportverein TuS Walle" for "Vereine"): the local names the alliance needs. */
  namedAs: string
  tables: string
  /** The measures' cell (CSV, XLSX): a table's by their numbers, a group's means quoted with the group. */
  measures: string
  /** The same as labelled lines for the documents: "Maßnahmen: Sprache: 1, 3", "Hilft bei: „…“ (kleiner Landkreis)". */
  measureLines: string[]
  institution: string
  person: string
  cooperation: boolean
  coreGroup: boolean
  forum: boolean
  notes: string
}

/** An area's name in this event. */
export function areaName(input: Pick<ActorTableInput, 'areaNames'>, area: ActorArea): string {
  return input.areaNames.get(area) ?? DEFAULT_AREA_NAMES[area]
}

/** The visible actors per area, in the order of the areas, most-named first within an area. */
export function actorsByArea(input: ActorTableInput): { area: ActorArea; name: string; rows: ActorRow[] }[] {
  return ACTOR_AREAS.map((area) => ({
    area,
    name: areaName(input, area),
    rows: input.actors
      .filter((a) => !a.hidden && a.area === area)
      .sort((a, b) => tablesOf(b).length - tablesOf(a).length || a.name.localeCompare(b.name, 'de'))
      .map((a) => rowOf(input, a)),
  })).filter((group) => group.rows.length > 0 || group.area !== 'offen')
}

/** Most different names listed for one actor. */
const NAMED_AS_MAX = 8

/** The cards' own names for an actor that differ from its name, each once, in the order first written. */
function namedAs(a: ActorRecord): string {
  const seen = new Set([a.name.trim().toLocaleLowerCase('de')])
  const names: string[] = []
  for (const m of a.mentions) {
    const name = m.text.trim()
    const key = name.toLocaleLowerCase('de')
    if (!name || seen.has(key)) continue
    seen.add(key)
    names.push(name)
  }
  return names.slice(0, NAMED_AS_MAX).join('; ')
}

function rowOf(input: ActorTableInput, a: ActorRecord): ActorRow {
  // A table's measures by their numbers on its sheet; a group's by the means of its tree they help with.
  const byTable: string[] = []
  const byGroup: string[] = []
  for (const [place, refs] of measuresOf(a)) {
    const name = input.tableNames.get(place) ?? place
    if (groupOfPlace(place) === null) byTable.push(`${name}: ${refs.map((r) => r.n).join(', ')}`)
    else byGroup.push(`${refs.map((r) => `„${r.text}“`).join(', ')} (${name})`)
  }
  return {
    area: areaName(input, a.area),
    name: a.name,
    namedAs: namedAs(a),
    tables: tablesOf(a)
      .map((id) => input.tableNames.get(id) ?? id)
      .join('; '),
    measures: [...byTable, ...byGroup].join('; '),
    measureLines: [byTable.length ? `${ACTOR_COLUMNS.measures}: ${byTable.join('; ')}` : '', byGroup.length ? `${ACTOR_COLUMNS.helpsWith}: ${byGroup.join('; ')}` : ''].filter(Boolean),
    institution: a.institution,
    person: a.person,
    cooperation: a.cooperation,
    coreGroup: a.coreGroup,
    forum: a.forum,
    notes: a.notes,
  }
}

/** The table as rows of text cells for CSV (header first, check marks as "x", every cell neutralised). */
export function actorCsvRows(input: ActorTableInput): string[][] {
  const { helpsWith: _inMeasures, ...columns } = ACTOR_COLUMNS
  const header = Object.values({ ...columns, tables: namedByColumn(input), measures: measuresColumn(input) })
  const rows = actorsByArea(input).flatMap((g) => g.rows)
  const mark = (b: boolean) => (b ? 'x' : '')
  return [
    header,
    ...rows.map((r) => [r.area, r.name, r.namedAs, r.tables, r.measures, r.institution, r.person, mark(r.cooperation), mark(r.coreGroup), mark(r.forum), r.notes].map(neutraliseCell)),
  ]
}
