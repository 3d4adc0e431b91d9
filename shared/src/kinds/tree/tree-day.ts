import type { Template } from '../../template/template.schema.js'
import type { EventSituation } from '../doc-kind.js'
import type { TischEvent } from '../../event/event.schema.js'
import type { TreePhase } from './tree-node.schema.js'

/**
 * A tree day's two phases as stations, so the console drives them like café stations (timer,
 * changeover, locks): the problem tree first, the solution tree later the same day, as in Bremen.
 * Its questions address nobody ("gibt es", not "sehen Sie"): an event may speak "du" or "Sie".
 */
export const TREE_DAY_TEMPLATE: Template = {
  method: 'world-cafe',
  stations: [
    { id: 'problembaum', title: 'Problembaum', prompt: 'Welche Herausforderungen gibt es – und was sind ihre Ursachen und Folgen?', columns: [{ id: 'baum', title: 'Problembaum' }] },
    { id: 'loesungsbaum', title: 'Lösungsbaum', prompt: 'Welche Ziele und Lösungsansätze folgen daraus?', columns: [{ id: 'baum', title: 'Lösungsbaum' }] },
  ],
}

/** TREE_DAY_TEMPLATE in English (same ids), for a tree day created in the English interface. */
export const TREE_DAY_TEMPLATE_EN: Template = {
  method: 'world-cafe',
  stations: [
    { id: 'problembaum', title: 'Problem tree', prompt: 'What challenges are there – and what are their causes and effects?', columns: [{ id: 'baum', title: 'Problem tree' }] },
    { id: 'loesungsbaum', title: 'Solution tree', prompt: 'Which objectives and approaches follow from them?', columns: [{ id: 'baum', title: 'Solution tree' }] },
  ],
}

/** Which of TREE_DAY_TEMPLATE's stations drives which tree. */
export const TREE_DAY_PHASE_STATIONS = { problem: 'problembaum', objective: 'loesungsbaum' } as const

/** A day of trees: the event runs the tree method in small groups, without theme tables (its stations are the trees' phases). */
export function isTreeDay(event: Pick<TischEvent, 'treeMethod'> & { tables: readonly unknown[] }): boolean {
  return Boolean(event.treeMethod) && event.tables.length === 0
}

/** The guiding question of a tree's phase (its station's prompt), or null when stations do not drive the trees or it has none. */
export function treePhasePrompt(event: Pick<TischEvent, 'treeMethod' | 'template'>, phase: TreePhase): string | null {
  const stationId = event.treeMethod?.phaseStations?.[phase]
  const prompt = stationId ? event.template.stations.find((s) => s.id === stationId)?.prompt.trim() : undefined
  return prompt || null
}

/** The tree phase the day is at: the phase whose station runs (or ran last); null when stations do not drive the trees. */
export function currentTreePhase(situation: EventSituation): TreePhase | null {
  const stations = situation.event.treeMethod?.phaseStations
  if (!stations) return null
  const index = (id: string) => situation.event.template.stations.findIndex((s) => s.id === id)
  const objective = index(stations.objective)
  if (objective === -1 || situation.round.phase === 'before-start') return 'problem'
  return situation.round.stationIndex >= objective || situation.round.phase === 'review' || situation.round.phase === 'closed' ? 'objective' : 'problem'
}
