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

/** Whether a group was left without a solution tree because its problem tree has no core problem (yet). */
const withoutCore = (ack: Ack) => !ack.ok && ack.code === 'NOT_NOW' && (ack.params as { reason?: string } | undefined)?.reason === 'TREE_NO_CORE'

/**
 * What the console says after creating every group's solution tree: for which groups it was done
 * (all of them, or which), which have no core problem to make one of, which failed and why (the first
 * one's reason), and where problems were left out.
 */
export function allObjectivesMessage(t: Translate, results: readonly { group: string; ack: Ack }[]): string {
  const names = (list: readonly { group: string }[]) => list.map((r) => r.group).join(', ')
  const done = results.filter((r) => r.ack.ok)
  const noCore = results.filter((r) => withoutCore(r.ack))
  const failed = results.filter((r) => !r.ack.ok && !withoutCore(r.ack))
  const parts: string[] = []
  if (done.length === results.length) parts.push(t('tree.objectivesAllDone', { count: results.length }))
  else if (done.length > 0) parts.push(t('tree.objectivesSomeDone', { groups: names(done) }))
  if (noCore.length > 0) parts.push(t('tree.objectivesNoCore', { groups: names(noCore) }))
  const first = failed[0]?.ack
  if (first && !first.ok) parts.push(t('tree.objectivesAllFailed', { groups: names(failed), reason: errorText(t, first) }))
  const withLeftOut = done.filter((r) => (readDerived(r.ack)?.leftOut ?? 0) > 0)
  if (withLeftOut.length > 0) parts.push(t('tree.objectivesAllLeftOut', { groups: names(withLeftOut) }))
  return parts.join(' ')
}
