import { type IndexeddbPersistence, storeState } from 'y-indexeddb'
import type * as Y from 'yjs'

/** Wait after a removal before the device copy is rewritten (several hides in a row: one rewrite), in ms. */
const PURGE_AFTER_MS = 200

/**
 * When the server takes a card off a board this device keeps (hidden by a moderator, held back),
 * the device copy must lose its text too. Yjs drops a deleted record's content from the doc, but
 * IndexedDB still holds the update that brought it; so the copy is rewritten from the doc (one
 * update of what is there now) and the older updates are dropped.
 */
export function purgeRemovedRecords(doc: Y.Doc, root: string, local: IndexeddbPersistence | null): void {
  if (!local) return
  let timer: ReturnType<typeof setTimeout> | null = null
  doc.getMap(root).observe((event, transaction) => {
    if (transaction.local) return
    const removed = [...event.changes.keys.values()].some((change) => change.action === 'delete' || change.action === 'update')
    if (!removed || timer) return
    timer = setTimeout(() => {
      timer = null
      void local.whenSynced.then(() => storeState(local, true)).catch(() => {})
    }, PURGE_AFTER_MS)
  })
}
