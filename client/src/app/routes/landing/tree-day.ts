import { KOMMUNENGROESSE_VALUES, TREE_DAY_PHASE_STATIONS, TREE_DAY_TEMPLATE, TREE_DAY_TEMPLATE_EN, type Template, type TreeMethod } from '@tischrunde/shared'

/** The start page's choice for a problem/solution-tree day in small groups (next to the café templates). */
export const TREE_DAY = 'tree-day'

/** A tree day's two phases as stations, in the interface's language. */
export const treeDayTemplate = (language: 'de' | 'en'): Template => (language === 'en' ? TREE_DAY_TEMPLATE_EN : TREE_DAY_TEMPLATE)

/** The groups a new tree day proposes, one per line: by municipality size, as in Bremen. */
const TREE_DAY_GROUPS = KOMMUNENGROESSE_VALUES.join('\n')

/** What a new tree day proposes in the interface's language: its groups (one per line) and what forms them. */
export function treeDayDefaults(language: 'de' | 'en'): { groups: string; attribute: string } {
  return language === 'en'
    ? { groups: ['small rural district', 'medium-sized rural district', 'large rural district', 'larger city'].join('\n'), attribute: 'Municipality size' }
    : { groups: TREE_DAY_GROUPS, attribute: 'Kommunengröße' }
}

/**
 * What a tree day adds to the create request: its stations and its groups (one per non-empty line
 * of `groups`), formed by `attribute`, with at most `maxGroupSize` people each (more with one value
 * are split into groups A, B, …; null: no limit). No theme tables: the day runs in its small groups.
 */
export function treeDayRequest(groups: string, attribute = 'Kommunengröße', maxGroupSize: number | null = null, language: 'de' | 'en' = 'de'): { template: Template; treeMethod: TreeMethod; tableNames: string[] } {
  return {
    template: treeDayTemplate(language),
    tableNames: [],
    treeMethod: {
      attribute,
      values: groups.split('\n').map((s) => s.trim()).filter(Boolean),
      maxGroupSize,
      phaseStations: { ...TREE_DAY_PHASE_STATIONS },
    },
  }
}
