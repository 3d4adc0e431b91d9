import type { Template } from '../../template/template.schema.js'

/**
 * A tree day's two phases as stations, so the console drives them like café stations (timer,
 * changeover, locks): the problem tree first, the solution tree later the same day, as in Bremen.
 */
export const TREE_DAY_TEMPLATE: Template = {
  method: 'world-cafe',
  stations: [
    { id: 'problembaum', title: 'Problembaum', prompt: 'Welche Herausforderungen sehen Sie – und was sind ihre Ursachen und Folgen?', columns: [{ id: 'baum', title: 'Problembaum' }] },
    { id: 'loesungsbaum', title: 'Lösungsbaum', prompt: 'Welche Ziele und Lösungsansätze folgen daraus?', columns: [{ id: 'baum', title: 'Lösungsbaum' }] },
  ],
}

/** Which of TREE_DAY_TEMPLATE's stations drives which tree. */
export const TREE_DAY_PHASE_STATIONS = { problem: 'problembaum', objective: 'loesungsbaum' } as const
