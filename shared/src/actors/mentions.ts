import type { Card } from '../cards/card.schema.js'
import type { Template } from '../template/template.schema.js'
import type { ActorMention, MeasureRef } from '../kinds/actors/actor-map.schema.js'
import { actorKey } from './normalize.js'
import { splitActorCard } from './split.js'
import { asksForActorsTitle } from './actor-column.js'

export { asksForActorsTitle }

/**
 * The columns of a template whose cards name actors, as `stationId/columnId`: those whose title
 * asks for actors, changed by the facilitator's choices (`choices`: id → on).
 */
export function actorColumns(template: Template, choices: ReadonlyMap<string, boolean> = new Map()): Set<string> {
  const out = new Set<string>()
  for (const station of template.stations)
    for (const column of station.columns) {
      const id = `${station.id}/${column.id}`
      if (choices.get(id) ?? asksForActorsTitle(column.title)) out.add(id)
    }
  return out
}

/** One actor a card named, before it is sorted into the map. */
export interface FoundMention extends ActorMention {
  activity: boolean
  person?: string
}

/** Measures of a station: cards of its other columns that start with a number ("3. Patenschaften …"). */
function numberedMeasures(cards: readonly Card[], stationId: string, actorCols: ReadonlySet<string>): Map<number, string> {
  const out = new Map<number, string>()
  for (const card of cards) {
    if (card.stationId !== stationId || actorCols.has(`${card.stationId}/${card.columnId}`)) continue
    const m = /^\s*(\d{1,3})[.)]\s+(.+)$/s.exec(card.text)
    if (m && !out.has(Number(m[1]))) out.set(Number(m[1]), m[2]!.trim())
  }
  return out
}

/**
 * Every actor one table's board names in its actor columns, with the measures each helps with
 * (resolved to the table's numbered cards of the same station, where it numbered them).
 */
export function mentionsOfBoard(tableId: string, cards: readonly Card[], template: Template, choices?: ReadonlyMap<string, boolean>): FoundMention[] {
  const cols = actorColumns(template, choices)
  const found: FoundMention[] = []
  const measuresByStation = new Map<string, Map<number, string>>()
  for (const card of cards) {
    if (!cols.has(`${card.stationId}/${card.columnId}`)) continue
    let measures = measuresByStation.get(card.stationId)
    if (!measures) measuresByStation.set(card.stationId, (measures = numberedMeasures(cards, card.stationId, cols)))
    for (const segment of splitActorCard(card.text, card.subPoints.map((s) => s.text))) {
      const key = actorKey(segment.text).slice(0, 160).trim()
      if (!key) continue
      const refs: MeasureRef[] = segment.measures.map((n) => ({ n, text: (measures.get(n) ?? '').slice(0, 280) }))
      found.push({ tableId, cardId: card.id, text: segment.text.slice(0, 280), key, measures: refs, activity: segment.activity, ...(segment.person ? { person: segment.person } : {}) })
    }
  }
  return found
}
