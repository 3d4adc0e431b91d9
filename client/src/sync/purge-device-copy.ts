import { type IndexeddbPersistence, clearDocument, storeState } from 'y-indexeddb'
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

/** Longest wait for the browser to delete a device copy (another tab holding it open blocks that), in ms. */
export const DROP_WAIT_MS = 3000

/**
 * Drops the device's copy of a doc (the server refuses it: the board was set up anew) and resolves
 * once the browser has deleted it, or after DROP_WAIT_MS. y-indexeddb's `clearData` resolves before
 * the deletion is done: a page reloaded right after it could open the old copy again, be refused a
 * third time and be kept out by the server's backoff for a while (seen on a busy machine).
 */
export async function dropDeviceCopy(local: Pick<IndexeddbPersistence, 'destroy' | 'name'>, remove: (name: string) => Promise<unknown> = clearDocument, waitMs = DROP_WAIT_MS): Promise<void> {
  await local.destroy()
  let timer: ReturnType<typeof setTimeout> | undefined
  await Promise.race([remove(local.name).catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))])
  clearTimeout(timer)
}
