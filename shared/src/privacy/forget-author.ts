import type { DocView } from '../kinds/doc-kind.js'

/**
 * One write of "Meine Beiträge löschen": the record at `root`/`key` is deleted (`value` undefined)
 * or replaced by `value` (e.g. a node others built on, kept without its author).
 */
export interface ForgetWrite {
  root: string
  key: string
  value: unknown
}

/**
 * A doc kind's part in "Meine Beiträge löschen": from the whole doc, the writes that remove what
 * the participant wrote, their name included. Pure; the server applies the writes in one
 * transaction (with tombstones, so an offline copy cannot bring a record back) and compacts the
 * doc's log, so the deleted text leaves the disk. A new kind that stores what people write adds
 * its hook (`DocKind.forgetAuthor`), and the personal-data registry names its fields.
 */
export type ForgetAuthor = (doc: DocView, participantId: string) => ForgetWrite[]

const authorOf = (value: unknown): unknown => (typeof value === 'object' && value !== null ? (value as { authorId?: unknown }).authorId : undefined)

/** Every record of `root` whose `authorId` is the participant is deleted (cards, with the name on them). */
export function forgetRecordsOf(root: string): ForgetAuthor {
  return (doc, participantId) => {
    const writes: ForgetWrite[] = []
    doc.forEach(root, (value, key) => {
      if (authorOf(value) === participantId) writes.push({ root, key, value: undefined })
    })
    return writes
  }
}

/** What a placeholder whose source was deleted says instead of the deleted text. */
export const DELETED_PLACEHOLDER_TEXT = 'Gelöschter Beitrag – bitte neu formulieren'

/**
 * For an objective tree: placeholders (`placeholder: true`) that still carry the text of a problem
 * node deleted by its author go too; one the group has built on stays in its place with a neutral
 * text instead ("Gelöschter Beitrag – bitte neu formulieren"). Reworded objectives are the group's.
 */
export function forgetPlaceholdersOf(root: string): (doc: DocView, deleted: ReadonlySet<string>) => ForgetWrite[] {
  return (doc, deleted) => {
    const nodes = new Map<string, Record<string, unknown>>()
    doc.forEach(root, (value, key) => {
      if (typeof value === 'object' && value !== null) nodes.set(key, value as Record<string, unknown>)
    })
    const gone = new Set([...nodes].filter(([, n]) => n.placeholder === true && typeof n.answersProblemId === 'string' && deleted.has(n.answersProblemId)).map(([key]) => key))
    const kept = new Set<string>()
    // A placeholder stays (neutral) when anything that stays hangs below it; leaves first.
    const below = (key: string): string[] => [...nodes].filter(([, n]) => n.parentId === key).map(([k]) => k)
    const staysBelow = (key: string, seen = new Set<string>()): boolean => {
      if (seen.has(key)) return true
      seen.add(key)
      return below(key).some((child) => !gone.has(child) || staysBelow(child, seen))
    }
    for (const key of gone) if (staysBelow(key)) kept.add(key)
    const neutral = (key: string) => {
      const { answersProblemId: _source, ...rest } = nodes.get(key)!
      return { ...rest, text: DELETED_PLACEHOLDER_TEXT }
    }
    return [...gone].map((key) => ({ root, key, value: kept.has(key) ? neutral(key) : undefined }))
  }
}

/**
 * For trees of records with `parentId`: the participant's nodes are deleted where no one else's
 * node hangs below them; a node others built on stays, without its author (`authorId: null`), so
 * their nodes keep their place.
 */
export function forgetTreeNodesOf(root: string): ForgetAuthor {
  return (doc, participantId) => {
    const nodes = new Map<string, { parentId: unknown; authorId: unknown; value: object }>()
    doc.forEach(root, (value, key) => {
      if (typeof value === 'object' && value !== null) nodes.set(key, { parentId: (value as { parentId?: unknown }).parentId, authorId: authorOf(value), value })
    })
    const children = new Map<string, string[]>()
    for (const [key, n] of nodes) if (typeof n.parentId === 'string') children.set(n.parentId, [...(children.get(n.parentId) ?? []), key])
    /** Whether a node or any below it is someone else's (memoised; a cycle counts as others'). */
    const othersBelow = new Map<string, boolean>()
    const hasOthers = (key: string, seen: Set<string>): boolean => {
      const known = othersBelow.get(key)
      if (known !== undefined) return known
      if (seen.has(key)) return true
      seen.add(key)
      const result = (children.get(key) ?? []).some((child) => nodes.get(child)!.authorId !== participantId || hasOthers(child, seen))
      othersBelow.set(key, result)
      return result
    }
    const writes: ForgetWrite[] = []
    for (const [key, n] of nodes) {
      if (n.authorId !== participantId) continue
      writes.push({ root, key, value: hasOthers(key, new Set()) ? { ...n.value, authorId: null } : undefined })
    }
    return writes
  }
}
