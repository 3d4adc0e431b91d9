import { WRITERS_ROOT, unsavedCardIds } from '@tischrunde/shared'
import type * as Y from 'yjs'

/** How the server binds its own Yjs client ids in a doc's writers root. */
const SERVER_WRITER = 'server'

/**
 * Ids of cards whose current version this device wrote and the server has not yet confirmed as
 * stored. A version the server wrote itself (a revealed, approved or restored card, a pin or a
 * strike) reached the device from the server's store, so it is stored: the device's "saved" mark
 * only covers the device's own writes and would otherwise leave such a card "wird gesendet" forever.
 */
export function pendingCardIds(doc: Y.Doc, saved: ReadonlyMap<number, number>): string[] {
  const writers = doc.getMap<unknown>(WRITERS_ROOT)
  let covered: Map<number, number> | null = null
  for (const [client, writer] of writers) {
    if (writer !== SERVER_WRITER) continue
    const id = Number(client)
    if (!Number.isSafeInteger(id)) continue
    covered ??= new Map(saved)
    covered.set(id, Number.MAX_SAFE_INTEGER)
  }
  return unsavedCardIds(doc, covered ?? saved)
}
