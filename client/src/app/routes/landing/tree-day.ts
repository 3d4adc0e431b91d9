import { KOMMUNENGROESSE_VALUES, type Template, type TreeMethod } from '@tischrunde/shared'

/** The start page's choice for a problem/solution-tree day in small groups (next to the café templates). */
export const TREE_DAY = 'tree-day'

/**
 * A tree day's two phases as stations, so the console drives them like café stations (timer,
 * changeover, locks): the problem tree first, the solution tree later the same day.
 */
export const TREE_DAY_TEMPLATE: Template = {
  method: 'world-cafe',
  stations: [
    { id: 'problembaum', title: 'Problembaum', prompt: 'Welche Herausforderungen sehen Sie – und was sind ihre Ursachen und Folgen?', columns: [{ id: 'baum', title: 'Problembaum' }] },
    { id: 'loesungsbaum', title: 'Lösungsbaum', prompt: 'Welche Ziele und Lösungsansätze folgen daraus?', columns: [{ id: 'baum', title: 'Lösungsbaum' }] },
  ],
}

/** The groups a new tree day proposes, one per line: by municipality size, as in Bremen. */
export const TREE_DAY_GROUPS = KOMMUNENGROESSE_VALUES.join('\n')

/**
 * What a tree day adds to the create request: its stations and its groups (one per non-empty line
 * of `groups`), formed by `attribute`. No theme tables: the day runs in its small groups.
 */
export function treeDayRequest(groups: string, attribute = 'Kommunengröße'): { template: Template; treeMethod: TreeMethod; tableNames: string[] } {
  return {
    template: TREE_DAY_TEMPLATE,
    tableNames: [],
    treeMethod: {
      attribute,
      values: groups.split('\n').map((s) => s.trim()).filter(Boolean),
      maxGroupSize: null,
      phaseStations: { problem: 'problembaum', objective: 'loesungsbaum' },
    },
  }
}
