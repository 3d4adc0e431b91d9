import { type Ack, type ObjectivesDerived, objectivesDerivedSchema } from '@tischrunde/shared'
import { errorText } from '../../../i18n/error-text.js'
import type { Translate } from '../../../i18n/index.js'

/** The answer data of `tree:objectives`, checked; an answer without it (an older server) counts as written. */
export function readDerived(ack: Ack): ObjectivesDerived | null {
  if (!ack.ok) return null
  const parsed = objectivesDerivedSchema.safeParse((ack as { data?: unknown }).data)
  return parsed.success ? parsed.data : null
}

/** The problems left out, quoted, with how many more there are. */
function leftOutList(t: Translate, derived: ObjectivesDerived): string {
  const named = derived.leftOutTexts.map((text) => t('common.quoted', { text })).join(', ')
  const more = derived.leftOut - derived.leftOutTexts.length
  return more > 0 ? t('tree.objectivesLeftOutMore', { named, count: more }) : named
}

/**
 * What the console says after "create the solution tree" for one group: how many entries came over
 * from the problem tree (or that it is up to date), and which problems stayed out because their
 * objective would not fit where the solution tree stands now, to be added by hand.
 */
export function objectivesMessage(t: Translate, ack: Ack): string {
  if (!ack.ok) return errorText(t, ack)
  const derived = readDerived(ack)
  if (!derived) return t('tree.objectivesDone')
  const written = derived.written > 0 ? t('tree.objectivesWritten', { count: derived.written }) : t('tree.objectivesUpToDate')
  return derived.leftOut > 0 ? `${written} ${t('tree.objectivesLeftOut', { count: derived.leftOut, list: leftOutList(t, derived) })}` : written
}

/** What the console says after creating every group's solution tree: the groups that failed and why (the first one's reason), or else those with problems left out. */
export function allObjectivesMessage(t: Translate, results: readonly { group: string; ack: Ack }[]): string {
  const failed = results.filter((r) => !r.ack.ok)
  const first = failed[0]?.ack
  if (first && !first.ok) return t('tree.objectivesAllFailed', { groups: failed.map((r) => r.group).join(', '), reason: errorText(t, first) })
  const done = t('tree.objectivesAllDone', { count: results.length })
  const withLeftOut = results.filter((r) => (readDerived(r.ack)?.leftOut ?? 0) > 0).map((r) => r.group)
  return withLeftOut.length > 0 ? `${done} ${t('tree.objectivesAllLeftOut', { groups: withLeftOut.join(', ') })}` : done
}
