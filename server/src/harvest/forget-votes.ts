import { type CardRef, type DocKind, type ForgetWrite, HELD_ROOT, cardRefKey, resolveDocName } from '@tischrunde/shared'
import type { DocRooms } from '../boards/doc-rooms.js'
import { moderationOf } from '../moderation/moderation-service.js'
import type { VoteService } from './vote-service.js'

/**
 * The cards "Meine Beiträge löschen" deleted, as votes name them: cards deleted from a board and
 * held cards (hidden, waiting, collected, merged away) deleted from a table's moderation docs.
 */
export function forgottenCards(forgotten: readonly { docName: string; writes: readonly ForgetWrite[] }[], kinds: readonly DocKind[]): Set<string> {
  const gone = new Set<string>()
  for (const { docName, writes } of forgotten) {
    const tableId = resolveDocName(docName, kinds)?.scope.parts.tableId
    if (tableId === undefined) continue
    for (const w of writes) {
      if (w.value === undefined && (w.root === 'cards' || w.root === HELD_ROOT)) gone.add(cardRefKey({ tableId, cardId: w.key } satisfies CardRef))
    }
  }
  return gone
}

const COLLECT: ReadonlySet<string> = new Set(['collect'])
/** Docs that hold a participant's cards off the board: the table's queue, its collection and the author's own doc. */
const HELD_KINDS: ReadonlySet<string> = new Set(['moderation', 'collect', 'own'])

/**
 * What follows "Meine Beiträge löschen" beyond the docs: the participant's ballots are emptied and
 * every dot on their deleted cards goes back to its voter (voters and tallies are told); the
 * public count of collected cards is brought in line at the tables where theirs were collected, and
 * the author's screens are told how many of their cards are still held there (none).
 */
export function afterForget(deps: { votes: VoteService; rooms: DocRooms; publishVotes: (eventId: string, what: { stepId: string; participantId?: string }) => void }) {
  return async (eventId: string, participantId: string, forgotten: readonly { docName: string; writes: readonly ForgetWrite[] }[]): Promise<void> => {
    const changed = await deps.votes.forget(eventId, participantId, forgottenCards(forgotten, deps.rooms.kinds))
    for (const c of changed) deps.publishVotes(eventId, c)
    const tablesOf = (kinds: ReadonlySet<string>) =>
      new Set(forgotten.flatMap(({ docName }) => {
        const resolved = resolveDocName(docName, deps.rooms.kinds)
        return resolved && kinds.has(resolved.kind.name) && resolved.scope.parts.tableId ? [resolved.scope.parts.tableId] : []
      }))
    const moderation = moderationOf(deps.rooms)
    for (const tableId of tablesOf(COLLECT)) await moderation.recountTable(eventId, tableId)
    // Their held cards are gone: the author's screens hear the new count at once (a phone closes its own moderation doc on 0).
    for (const tableId of tablesOf(HELD_KINDS)) moderation.onChanged({ eventId, tableId, participantId })
  }
}
